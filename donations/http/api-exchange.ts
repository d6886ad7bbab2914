import type { IncomingMessage, ServerResponse } from 'node:http';
import { DonationError } from '../errors.ts';

/**
 * What the donations handlers read of a request and what they answer, without committing to web
 * `Request`/`Response` or to Node's `http`: the portal serves the API on Node's request and
 * response (`fromNodeRequest`, `writeNodeAnswer`), the Astro routes on web ones
 * (`fromWebRequest`, `toWebResponse`). Building a web `Request` from Node's, streaming its body
 * and reading a `Response` back cost 0.4–0.6 ms of CPU per order (BENCHMARKS.md, issue 14
 * item 6) — more than the order's own signature.
 */
export interface ApiRequest {
  readonly method: string;
  /** Absolute; the handlers read its path and query only. */
  readonly url: string;
  /** A header's value (several joined with `, `), or null. Names are case-insensitive. */
  header(name: string): string | null;
  /** The body's bytes, read once; more than `limit` bytes is a 413 `BODY_TOO_LARGE`. */
  bytes(limit: number): Promise<Uint8Array>;
}

/** An answer: status, headers (lower-case names) and the whole body as text (bytes for a PDF). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export function tooLarge(limit: number): DonationError {
  return new DonationError(413, 'BODY_TOO_LARGE', `请求内容过大（上限 ${Math.floor(limit / 1024)} KB）`);
}

export function fromWebRequest(request: Request): ApiRequest {
  return {
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
    bytes: async (limit) => {
      if (!request.body) return new Uint8Array();
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
      return Buffer.concat(chunks);
    },
  };
}

/** `origin` makes the URL absolute (the configured site's, not a Host header a client wrote). */
export function fromNodeRequest(req: IncomingMessage, origin: string): ApiRequest {
  return {
    method: req.method ?? 'GET',
    url: `${origin}${req.url ?? '/'}`,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    bytes: (limit) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > limit) {
            cleanup();
            // Stop reading; the answer (413) is written by the caller and the socket then closed.
            req.pause();
            reject(tooLarge(limit));
            return;
          }
          chunks.push(chunk);
        };
        const onEnd = () => {
          cleanup();
          resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
        };
        const onError = (error: Error) => {
          cleanup();
          reject(error);
        };
        const cleanup = () => {
          req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
        };
        const onAborted = () => onError(new Error('请求被客户端中止'));
        req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
      }),
  };
}

export function toWebResponse(answer: ApiAnswer): Response {
  const body = typeof answer.body === 'string' ? answer.body : new Blob([answer.body as Uint8Array<ArrayBuffer>]);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** Writes the answer; a 413 also closes the connection (the rest of the body is not read). */
export function writeNodeAnswer(answer: ApiAnswer, res: ServerResponse): void {
  if (answer.status === 413) res.setHeader('connection', 'close');
  res.writeHead(answer.status, answer.headers).end(answer.body);
}
