import { DonationError } from '../errors.ts';
import { type ApiRequest, tooLarge } from './api-exchange.ts';

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes — by Content-Length
 * before reading, and by counting while reading (a chunked body has no length).
 */
export async function readLimitedText(request: ApiRequest, limit: number): Promise<string> {
  const declared = request.header('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
    throw tooLarge(limit);
  }
  const bytes = await request.bytes(limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DonationError(400, 'INVALID_BODY', '请求内容不是有效的 UTF-8 文本');
  }
}
