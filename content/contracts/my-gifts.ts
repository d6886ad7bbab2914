import { z } from 'zod';
import { ALIPAY_TRADE_NO, LOOKUP_TOKEN, OUT_TRADE_NO } from './my-gift-link.ts';

export * from './my-gift-link.ts';

export const lookupTokenSchema = z.string().regex(LOOKUP_TOKEN, { message: '查询链接无效或不完整' });

export const giftTokenRequestSchema = z.strictObject({ token: lookupTokenSchema });
export type GiftTokenRequest = z.infer<typeof giftTokenRequestSchema>;

const amountFen = z
  .number({ message: '金额应为数字（分）' })
  .int({ message: '金额应为整数（分）' })
  .positive({ message: '金额应大于 0' })
  .max(100_000_000_00, { message: '金额过大' });

/** 按支付宝交易号 + 金额, or 按商户订单号 + 金额: exactly one of the two numbers. */
export const giftLookupRequestSchema = z.union(
  [
    z.strictObject({
      tradeNo: z
        .string()
        .trim()
        .regex(ALIPAY_TRADE_NO, { message: '支付宝交易号应为 16–64 位数字（见支付宝账单详情）' }),
      amountFen,
    }),
    z.strictObject({
      outTradeNo: z
        .string()
        .trim()
        .toUpperCase()
        .regex(OUT_TRADE_NO, { message: '商户订单号应为 XJ 开头的 32 位编号' }),
      amountFen,
    }),
  ],
  { message: '请填写支付宝交易号或商户订单号，以及捐赠金额' },
);
export type GiftLookupRequest = z.infer<typeof giftLookupRequestSchema>;

/** At most this many gifts in one year statement (one device rarely holds more). */
export const STATEMENT_MAX_GIFTS = 200;
export const statementRequestSchema = z.strictObject({
  tokens: z.array(lookupTokenSchema).min(1, { message: '本设备还没有记住任何捐赠' }).max(STATEMENT_MAX_GIFTS),
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['csv', 'pdf'], { message: '格式应为 csv 或 pdf' }),
});
export type StatementRequest = z.infer<typeof statementRequestSchema>;
