import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { slug } from '../../content/index.ts';
import { createMerchant, type Merchant } from './merchant.ts';
import type { MerchantRegistry } from './registry.ts';

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

export const merchantsFileSchema = z.record(slug, merchantEntrySchema);

export function parseMerchantsFile(json: unknown, label = '商户配置'): Merchant[] {
  const parsed = merchantsFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${label}无效：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const merchants: Merchant[] = [];
  const seen = new Map<string, string>();
  for (const [charitySlug, entry] of Object.entries(parsed.data)) {
    const other = seen.get(entry.appId);
    if (other)
      throw new Error(`${label}无效：${charitySlug} 与 ${other} 使用了同一个 appId，每个慈善组织应有自己的商户`);
    seen.set(entry.appId, charitySlug);
    try {
      merchants.push(createMerchant({ ...entry, charitySlug, sandbox: false }));
    } catch (error) {
      throw new Error(`${label}无效：${charitySlug} 的密钥有误：${(error as Error).message}`);
    }
  }
  return merchants;
}

export function fileMerchantRegistry(path: string): MerchantRegistry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取商户配置 ${path}：${(error as Error).message}`);
  }
  return staticMerchantRegistry(parseMerchantsFile(json, `商户配置 ${path} `));
}

export function staticMerchantRegistry(merchants: Merchant[]): MerchantRegistry {
  const byCharity = new Map(merchants.map((m) => [m.charitySlug, m]));
  const byApp = new Map(merchants.map((m) => [m.appId, m]));
  return {
    kind: 'alipay',
    isConfigured: (charitySlug) => byCharity.has(charitySlug),
    forCharity: async (charitySlug) => byCharity.get(charitySlug) ?? null,
    byAppId: async (appId) => byApp.get(appId) ?? null,
    all: async () => merchants,
  };
}
