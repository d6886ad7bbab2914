import { z } from 'zod';

/**
 * The strings of a published schema that are not prose. Every other string a schema holds is
 * free text and is linted for personal information before publish and again at build
 * (`content/rules/free-text-fields.ts` walks the schemas), so a field added later is linted
 * unless its schema says here, with a reason, why it need not be.
 */
export const NOT_PROSE_REASONS = {
  identifier: '机器标识或编号（标识、统一社会信用代码、备案编号），有各自的格式',
  date: 'ISO 格式的日期或时间',
  link: '网址或邮箱',
  'public-contact': '慈善组织本身的公开联系方式，本应公开',
} as const;
export type NotProseReason = keyof typeof NOT_PROSE_REASONS;

/**
 * Marks held by schema instance. zod hands a clone (`.trim()`, `.refine()`) its parent's entry, and
 * a mark lost some other way only makes the lint stricter.
 */
export const notProseRegistry = z.registry<{ notProse: NotProseReason }>();

/** Marks `schema` (and every string inside it) as not prose, for `reason`. Returns the same schema. */
export function notProse<T extends z.ZodType>(schema: T, reason: NotProseReason): T {
  notProseRegistry.add(schema, { notProse: reason });
  return schema;
}
