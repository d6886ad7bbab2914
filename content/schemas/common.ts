import { z } from 'zod';
import { notProse } from './not-prose.ts';

// People read these errors: zod's own messages (for issues our schemas don't word themselves)
// come in Chinese too. Set once here, where every schema's building blocks live.
z.config(z.locales.zhCN());

/**
 * Building blocks shared by every published thing. Dates are ISO calendar dates
 * (`YYYY-MM-DD`, no time zone: the law counts days), money is integer fen.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isoDate = notProse(z.string().refine(isIsoDate, { message: '应为有效日期，格式 YYYY-MM-DD' }), 'date');
export type IsoDate = z.infer<typeof isoDate>;

export const isoDateTime = notProse(z.iso.datetime({ offset: true, message: '应为 ISO 8601 时间' }), 'date');

/** Integer amount in fen (分). Yuan strings exist only at the Alipay boundary. */
export const fen = z
  .number({ message: '金额应为整数（单位：分）' })
  .int({ message: '金额应为整数（单位：分）' })
  .nonnegative({ message: '金额不能为负数' })
  .max(Number.MAX_SAFE_INTEGER);
export type Fen = z.infer<typeof fen>;

/**
 * ASCII slug (pinyin). Strapi `uid` fields accept only `[A-Za-z0-9-_.~]`; we keep the
 * stricter lowercase-kebab subset so URLs stay readable.
 */
export const slug = notProse(
  z
    .string()
    .min(1, { message: '标识不能为空' })
    .max(120, { message: '标识过长（最多 120 个字符）' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '标识只能包含小写字母、数字和连字符（拼音）' }),
  'identifier',
);

export const nonEmptyText = (max = 2000) =>
  z
    .string()
    .trim()
    .min(1, { message: '不能为空' })
    .max(max, { message: `不能超过 ${max} 个字符` });

export const dateRange = z
  .object({ start: isoDate, end: isoDate })
  .refine((r) => r.start <= r.end, { message: '结束日期不能早于开始日期', path: ['end'] });
export type DateRange = z.infer<typeof dateRange>;
