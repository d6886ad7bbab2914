import { readApiError } from '../../content/contracts/api-error.ts';
import { fillPath, PROJECT_STATS_PATH } from '../../content/contracts/api-routes.ts';

/**
 * The browser's side of the donations API (donations/README.md) for what every project page
 * reads up front: the project's stats, and the one way to call the API. An order's status (the
 * result page) is read in `donation-status.ts`, so project pages do not carry it: their up-front
 * script is within bytes of its 70 KB budget. Answers are checked field by
 * field before the page believes them; errors arrive as `{error:{code, message, field?, reasons?}}`
 * with a Chinese message. No zod here on purpose: it would put ~60 KB of script on every project
 * page for three fields. Creating a donation (the lazy `donate-flow.ts`) checks with zod.
 */
export interface ProjectStats {
  raisedFen: number;
  donationCount: number;
  updatedAt: string | null;
  /** Active monthly gifts (月捐) and their monthly total: unchecked here (see asProjectStats). */
  monthlyDonors?: unknown;
  monthlyFen?: unknown;
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
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isText = (v: unknown): v is string => typeof v === 'string';

export function asProjectStats(v: unknown): ProjectStats | null {
  if (!isObject(v) || !isFen(v.raisedFen) || !isFen(v.donationCount)) return null;
  if (v.updatedAt !== null && !isText(v.updatedAt)) return null;
  // 月捐 figures pass through unread: the donor list (loaded later) checks them before showing them.
  return v as unknown as ProjectStats;
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

export function fetchProjectStats(slug: string): Promise<ApiResult<ProjectStats>> {
  return callApi(asProjectStats, fillPath(PROJECT_STATS_PATH, { slug }), { cache: 'no-store' });
}
