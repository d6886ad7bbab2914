import { type ApiErrorBody, type ApiErrorCode, apiErrorBody } from '../content/index.ts';

/**
 * Errors the API answers with, in the shape of `content/contracts/api-error.ts`
 * (`{error:{code, message, field?}}`), with the HTTP status they go out with.
 */
export type DonationErrorCode = ApiErrorCode;
export type ErrorBody = ApiErrorBody;

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
    return apiErrorBody(this.code, this.message, { field: this.field, reasons: this.reasons });
  }
}
