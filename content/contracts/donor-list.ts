import { z } from 'zod';

/**
 * The public donor list of a project (`GET /api/projects/{slug}/donations`): the paid gifts whose
 * donor chose a public name (捐赠表单：“会显示在项目的捐赠名单中”), newest first, a page at a time.
 * Each line is the name, what is left of the amount after partial refunds, and the day it was paid
 * — a day, not a time, so a line cannot be matched to a payment someone saw; never an order
 * number, an id, a message or anything else about the donor. Gifts without a public name are only
 * counted. The browser (site/islands/donor-list.tsx) checks the answer by hand: no zod on the
 * project page.
 */
export const DONOR_LIST_DEFAULT_LIMIT = 10;
export const DONOR_LIST_MAX_LIMIT = 50;
/** How deep one may page (the offset behind a cursor): a bound on what one request costs. */
export const DONOR_LIST_MAX_OFFSET = 10_000;

/**
 * The opaque cursor of the next page: `<as-of ms>-<offset>`. `as-of` is the server's clock when
 * the first page was read, so gifts paid while someone pages do not shift the pages after it (they
 * show on the next first page); it is a time of the request, not of any gift.
 */
const CURSOR = /^(\d{13})-(\d{1,5})$/;

export interface DonorListCursor {
  asOf: string;
  offset: number;
}

export function encodeDonorListCursor(cursor: DonorListCursor): string {
  return `${Date.parse(cursor.asOf)}-${cursor.offset}`;
}

const cursor = z
  .string()
  .transform((value, ctx): DonorListCursor => {
    const m = CURSOR.exec(value);
    const offset = Number(m?.[2]);
    if (!m || offset < 1 || offset > DONOR_LIST_MAX_OFFSET) {
      ctx.addIssue({ code: 'custom', message: 'cursor 无效，请从第一页重新读取' });
      return z.NEVER;
    }
    return { asOf: new Date(Number(m[1])).toISOString(), offset };
  })
  .optional();

const limit = z
  .string()
  .regex(/^\d{1,3}$/, { message: `limit 应为 1 到 ${DONOR_LIST_MAX_LIMIT} 之间的整数` })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, { message: `limit 应为 1 到 ${DONOR_LIST_MAX_LIMIT} 之间的整数` })
      .max(DONOR_LIST_MAX_LIMIT, { message: `limit 应为 1 到 ${DONOR_LIST_MAX_LIMIT} 之间的整数` }),
  )
  .default(DONOR_LIST_DEFAULT_LIMIT);

/** The query string, as `URLSearchParams` entries (a missing or empty parameter is the default). */
export const donorListQuerySchema = z.object({ limit, cursor });
export type DonorListQuery = z.infer<typeof donorListQuerySchema>;

/** `URLSearchParams` → the object the schema reads: empty values count as absent. */
export function donorListQueryInput(params: URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const key of ['limit', 'cursor'] as const) {
    const value = params.get(key);
    if (value) input[key] = value;
  }
  return input;
}

export interface PublicGift {
  /** The donor-chosen public name (PII-linted when the gift was made). */
  name: string;
  /** Net of partial refunds, integer fen. */
  amountFen: number;
  /** The day it was paid, in China time (`YYYY-MM-DD`). */
  paidOn: string;
}

export interface DonorListPage {
  donations: PublicGift[];
  /** Counted gifts without a public name, up to the same moment (「另有 N 笔匿名捐赠」). */
  anonymousCount: number;
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}
