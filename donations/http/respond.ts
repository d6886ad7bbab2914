import { DonationError } from '../errors.ts';
import type { ApiAnswer } from './api-exchange.ts';

/** JSON answers of the donations API: never cached, errors as `{error:{code, message, field?}}`. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...BASE_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function text(
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): ApiAnswer {
  return { status, headers: { 'content-type': contentType, ...BASE_HEADERS, ...headers }, body };
}

/** Turns any error into an answer: a `DonationError` as itself, anything else as a logged 500. */
export function errorResponse(error: unknown, log: (m: string) => void = console.error): ApiAnswer {
  if (error instanceof DonationError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
    if (error.status === 401) headers['www-authenticate'] = 'Bearer realm="xianjie-receipts"';
    return json(error.status, error.toBody(), headers);
  }
  log(`捐赠接口内部错误：${(error as Error)?.stack ?? String(error)}`);
  return json(500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
}
