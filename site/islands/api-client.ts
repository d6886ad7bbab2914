import { readApiError } from '../../content/contracts/api-error.ts';
import { DONATION_PATH, fillPath, PROJECT_STATS_PATH } from '../../content/contracts/api-routes.ts';

/**
 * The browser's side of the donations API (donations/README.md) for what every project page and
 * the result page read up front: project stats and an order's status. Answers are checked field by
 * field before the page believes them; errors arrive as `{error:{code, message, field?, reasons?}}`
 * with a Chinese message. No zod here on purpose: it would put ~60 KB of script on every project
 * page for three fields. Creating a donation (the lazy `donate-flow.ts`) checks with zod.
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
}

export interface ProjectStats {
  raisedFen: number;
  donationCount: number;
  updatedAt: string | null;
}

export interface ApiError {
  code: string;
  message: string;
  field?: string | undefined;
  reasons?: { code: string; message: string }[] | undefined;
  /** HTTP status; 0 when the network failed. */
  status: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';

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
  return { donationId: v.donationId, status, amountFen: v.amountFen, project, ...(routing ? { routing } : {}) };
}

export function asProjectStats(v: unknown): ProjectStats | null {
  if (!isObject(v) || !isFen(v.raisedFen) || !isFen(v.donationCount)) return null;
  if (v.updatedAt !== null && !isText(v.updatedAt)) return null;
  return { raisedFen: v.raisedFen, donationCount: v.donationCount, updatedAt: v.updatedAt };
}

function asApiError(v: unknown, status: number): ApiError | null {
  const error = readApiError(v);
  return error ? { ...error, status } : null;
}

/** One call: network failure, a checked answer, or the API's error (or a Chinese stand-in). */
export async function callApi<T>(
  parse: (body: unknown) => T | null,
  url: string,
  init?: RequestInit,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return {
      ok: false,
      error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试。没有产生扣款。', status: 0 },
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const value = parse(body);
    if (value !== null) return { ok: true, value };
    return {
      ok: false,
      error: { code: 'BAD_ANSWER', message: '服务器的答复无法识别，请稍后再试', status: response.status },
    };
  }
  return {
    ok: false,
    error: asApiError(body, response.status) ?? {
      code: 'HTTP_ERROR',
      message: `服务暂时不可用（${response.status}），请稍后再试`,
      status: response.status,
    },
  };
}

export function fetchDonation(donationId: string): Promise<ApiResult<DonationStatus>> {
  return callApi(asDonationStatus, fillPath(DONATION_PATH, { donationId }), { cache: 'no-store' });
}

export function fetchProjectStats(slug: string): Promise<ApiResult<ProjectStats>> {
  return callApi(asProjectStats, fillPath(PROJECT_STATS_PATH, { slug }), { cache: 'no-store' });
}
