import { DonationError } from '../errors.ts';

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes — by Content-Length
 * before reading, and by counting while reading (a chunked body has no length).
 */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
    throw tooLarge(limit);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new DonationError(400, 'INVALID_BODY', '请求内容不是有效的 UTF-8 文本');
  }
}

function tooLarge(limit: number): DonationError {
  return new DonationError(413, 'BODY_TOO_LARGE', `请求内容过大（上限 ${Math.floor(limit / 1024)} KB）`);
}
