/**
 * The error shape every API of the portal answers with (DESIGN.md contracts):
 * `{error:{code, message, field?, reasons?}}`. `code` is a stable English constant programs match
 * on; `message` is Chinese, for people. The browser reads it with `readApiError` (no zod: the
 * project page's island would carry ~60 KB for three fields).
 */
export const API_ERROR_CODES = [
  'INVALID_JSON',
  'INVALID_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'AMOUNT_OUT_OF_RANGE',
  'PERSONAL_INFO_IN_TEXT',
  'PROJECT_NOT_FOUND',
  'CHARITY_NOT_FOUND',
  'DONATION_NOT_FOUND',
  'TARGET_NOT_FOUND',
  'FORBIDDEN_ORIGIN',
  'NOT_ACCEPTING_DONATIONS',
  'NO_ELIGIBLE_PROJECT',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_ENDED',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'SERVICE_UNAVAILABLE',
  'PAYMENT_UNAVAILABLE',
  'SANDBOX_REFUSED',
  'DONATION_NOT_REFUNDABLE',
  'REFUND_AMOUNT_TOO_LARGE',
  'REFUND_FAILED',
  'TEAM_NOT_FOUND',
  'TEAM_CLOSED',
  'TEXT_NOT_ALLOWED',
  'TEXT_TOO_LONG',
  'POOL_NOT_FOUND',
  'GIFT_NOT_FOUND',
  'RECEIPT_IMPORT_REFUSED',
  'SUBSCRIPTION_LINK_INVALID',
  'SUBSCRIPTION_LINK_EXPIRED',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorReason {
  code: string;
  message: string;
}

export interface ApiErrorBody<Code extends string = ApiErrorCode> {
  error: {
    code: Code;
    message: string;
    field?: string;
    /** For 409: every eligibility reason, so the page can say all of them. */
    reasons?: ApiErrorReason[];
  };
}

/** `{error:{code, message, field?, reasons?}}`, leaving out what is not given. */
export function apiErrorBody<Code extends string = ApiErrorCode>(
  code: Code,
  message: string,
  extra: { field?: string | undefined; reasons?: ApiErrorReason[] | undefined } = {},
): ApiErrorBody<Code> {
  return {
    error: {
      code,
      message,
      ...(extra.field ? { field: extra.field } : {}),
      ...(extra.reasons ? { reasons: extra.reasons } : {}),
    },
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** An answer's error, checked field by field; null when the body is not the error shape. */
export function readApiError(body: unknown): ApiErrorBody<string>['error'] | null {
  if (!isObject(body) || !isObject(body.error)) return null;
  const { code, message, field, reasons } = body.error;
  if (!isText(code) || !isText(message)) return null;
  const list = Array.isArray(reasons)
    ? reasons.filter((r): r is ApiErrorReason => isObject(r) && isText(r.code) && isText(r.message))
    : undefined;
  return { code, message, ...(isText(field) ? { field } : {}), ...(list ? { reasons: list } : {}) };
}
