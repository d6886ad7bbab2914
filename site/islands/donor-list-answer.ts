import { fillPath, PROJECT_DONATIONS_PATH } from '../../content/contracts/api-routes.ts';
import type { DonorListPage, PublicGift } from '../../content/contracts/donor-list.ts';
import { type ApiResult, callApi } from './api-client.ts';

/**
 * The browser's read of a project's donor list (`GET /api/projects/{slug}/donations`,
 * content/contracts/donor-list.ts), checked field by field as api-client.ts does — no zod on the
 * project page. Anything that does not look like the contract is refused whole.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function asGift(v: unknown): PublicGift | null {
  if (!isObject(v) || typeof v.name !== 'string' || v.name === '' || v.name.length > 40) return null;
  if (!isCount(v.amountFen) || typeof v.paidOn !== 'string' || !DAY.test(v.paidOn)) return null;
  return { name: v.name, amountFen: v.amountFen, paidOn: v.paidOn };
}

export function asDonorListPage(v: unknown): DonorListPage | null {
  if (!isObject(v) || !Array.isArray(v.donations) || !isCount(v.anonymousCount)) return null;
  if (v.nextCursor !== null && typeof v.nextCursor !== 'string') return null;
  const donations: PublicGift[] = [];
  for (const item of v.donations) {
    const gift = asGift(item);
    if (!gift) return null;
    donations.push(gift);
  }
  return { donations, anonymousCount: v.anonymousCount, nextCursor: v.nextCursor };
}

/** One page: the first without a cursor, the next with the cursor the last answer gave. */
export function fetchDonorList(slug: string, limit: number, cursor?: string): Promise<ApiResult<DonorListPage>> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return callApi(asDonorListPage, `${fillPath(PROJECT_DONATIONS_PATH, { slug })}?${query}`, { cache: 'no-store' });
}
