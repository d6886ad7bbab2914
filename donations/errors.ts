/**
 * Errors the API answers with: `{error:{code, message, field?}}` (DESIGN.md contracts). `code` is a
 * stable English constant; `message` is Chinese, for people.
 */
export type DonationErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_BODY'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'PERSONAL_INFO_IN_TEXT'
  | 'PROJECT_NOT_FOUND'
  | 'CHARITY_NOT_FOUND'
  | 'DONATION_NOT_FOUND'
  | 'TARGET_NOT_FOUND'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_ACCEPTING_DONATIONS'
  | 'NO_ELIGIBLE_PROJECT'
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'SERVICE_UNAVAILABLE'
  | 'PAYMENT_UNAVAILABLE'
  | 'SANDBOX_REFUSED'
  | 'DONATION_NOT_REFUNDABLE'
  | 'REFUND_AMOUNT_TOO_LARGE'
  | 'REFUND_FAILED'
  | 'INTERNAL';

export interface ErrorBody {
  error: {
    code: DonationErrorCode;
    message: string;
    field?: string;
    /** For 409: every eligibility reason, so the page can say all of them. */
    reasons?: { code: string; message: string }[];
  };
}

export class DonationError extends Error {
  override name = 'DonationError';
  constructor(
    readonly status: number,
    readonly code: DonationErrorCode,
    message: string,
    readonly field?: string,
    readonly reasons?: { code: string; message: string }[],
    /** Seconds, for 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.reasons ? { reasons: this.reasons } : {}),
      },
    };
  }
}
