import { DONATION_PATH, fillPath } from '../../content/contracts/api-routes.ts';
import { type ApiResult, callApi, isFen, isObject, isText } from './api-client.ts';

/**
 * An order's status as the result page reads it (`GET /api/donations/{id}`), checked field by
 * field like every answer of `api-client.ts`.
 */
export interface ProjectRef {
  slug: string;
  title: string;
  charity: { slug: string; name: string };
}

export interface DonationStatus {
  donationId: string;
  status: 'pending' | 'paid' | 'closed' | 'refunded';
  amountFen: number;
  project: ProjectRef;
  /** A cause gift: why the portal chose this project. */
  routing?: { reason: string } | undefined;
  /** 配捐 decided at payment (absent when no pool applied). */
  match?: { amountFen: number; limitedBy: string; pool: string; sponsor: string } | undefined;
}

export function asProjectRef(v: unknown): ProjectRef | null {
  if (!isObject(v) || !isText(v.slug) || !isText(v.title) || !isObject(v.charity)) return null;
  const { charity } = v;
  if (!isText(charity.slug) || !isText(charity.name)) return null;
  return { slug: v.slug, title: v.title, charity: { slug: charity.slug, name: charity.name } };
}

const STATUSES = ['pending', 'paid', 'closed', 'refunded'] as const;

export function asDonationStatus(v: unknown): DonationStatus | null {
  if (!isObject(v) || !isText(v.donationId) || !isFen(v.amountFen)) return null;
  const status = STATUSES.find((s) => s === v.status);
  const project = asProjectRef(v.project);
  if (!status || !project) return null;
  const routing = isObject(v.routing) && isText(v.routing.reason) ? { reason: v.routing.reason } : undefined;
  const m = v.match;
  const match =
    isObject(m) && isFen(m.amountFen) && isText(m.limitedBy) && isText(m.pool) && isText(m.sponsor)
      ? { amountFen: m.amountFen, limitedBy: m.limitedBy, pool: m.pool, sponsor: m.sponsor }
      : undefined;
  return {
    donationId: v.donationId,
    status,
    amountFen: v.amountFen,
    project,
    ...(routing ? { routing } : {}),
    ...(match ? { match } : {}),
  };
}

export function fetchDonation(donationId: string): Promise<ApiResult<DonationStatus>> {
  return callApi(asDonationStatus, fillPath(DONATION_PATH, { donationId }), { cache: 'no-store' });
}
