import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { apiErrorBody, WEBHOOK_SECRET_HEADER } from '../../content/index.ts';

const MAX_BODY_BYTES = 1_048_576;

/** The part of Strapi's webhook payload we read. */
const payloadSchema = z.object({
  event: z.enum(['entry.publish', 'entry.unpublish', 'entry.delete']),
  model: z.string().optional(),
  uid: z.string().optional(),
});

export function reply(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(status < 300 ? { ok: true, message } : apiErrorBody(code, message)));
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What every call from the CMS to the publisher goes through before its own handling: POST only,
 * the shared secret (compared in constant time), a bounded body, JSON. Answers the request itself
 * and returns undefined when any of them fails; otherwise the parsed body.
 */
export async function cmsRequestJson(
  req: IncomingMessage,
  res: ServerResponse,
  secret: string | null,
): Promise<{ json: unknown } | undefined> {
  const refuse = (status: number, code: string, message: string): undefined => {
    reply(res, status, code, message);
    return undefined;
  };
  if (req.method !== 'POST') return refuse(405, 'METHOD_NOT_ALLOWED', '只接受 POST 请求');
  if (!secret) return refuse(503, 'WEBHOOK_NOT_CONFIGURED', '发布服务尚未取得 Webhook 密钥');
  const given = req.headers[WEBHOOK_SECRET_HEADER];
  if (!sameSecret(Array.isArray(given) ? given[0] : given, secret)) {
    req.resume();
    return refuse(401, 'WEBHOOK_SECRET_INVALID', 'Webhook 密钥不正确');
  }
  const body = await readBody(req);
  if (body === null) return refuse(413, 'BODY_TOO_LARGE', '请求体过大');
  try {
    return { json: JSON.parse(body) };
  } catch {
    return refuse(400, 'INVALID_JSON', '请求体不是有效的 JSON');
  }
}

/**
 * Strapi's publish/unpublish/delete webhook. Only a request carrying the shared secret may ask
 * for a rebuild; the answer comes at once (202) and the rebuild is debounced.
 */
export function strapiWebhookHandler(options: {
  secret: () => string | null;
  onEvent: (reason: string) => void;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const request = await cmsRequestJson(req, res, options.secret());
    if (!request) return;
    const payload = payloadSchema.safeParse(request.json);
    if (!payload.success) return reply(res, 400, 'UNSUPPORTED_EVENT', '不支持的事件类型');
    options.onEvent(`${payload.data.event} ${payload.data.uid ?? payload.data.model ?? ''}`.trim());
    return reply(res, 202, 'ACCEPTED', '已收到，将在片刻后重新构建站点');
  };
}
