import { z } from 'zod';
import { slug } from '../schemas/common.ts';

/**
 * The production registry: a JSON file the operator writes (never in the CMS, never in git),
 * charity slug → that charity's own Alipay app:
 *
 * ```json
 * { "gansu-cishan": { "appId": "2021000000000000", "sellerId": "2088000000000000",
 *     "privateKey": "-----BEGIN PRIVATE KEY-----…", "alipayPublicKey": "MIIBIjAN…",
 *     "gateway": "https://openapi.alipay.com/gateway.do" } }
 * ```
 */
export const merchantEntrySchema = z.strictObject({
  appId: z.string().regex(/^\d{8,32}$/, { message: 'appId 应为支付宝开放平台应用 ID（数字）' }),
  sellerId: z.string().regex(/^2088\d{12}$/, { message: 'sellerId 应为 2088 开头的 16 位支付宝用户号（PID）' }),
  privateKey: z.string().min(100, { message: '应用私钥缺失或过短' }),
  alipayPublicKey: z.string().min(100, { message: '支付宝公钥缺失或过短' }),
  gateway: z.url().default('https://openapi.alipay.com/gateway.do'),
});

/** Charity slug → that charity's own Alipay app. */
export const merchantsFileSchema = z.record(slug, merchantEntrySchema);
