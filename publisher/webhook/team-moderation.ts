import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiErrorBody, WEBHOOK_SECRET_HEADER } from '../../content/index.ts';
import { readBody, sameSecret } from './strapi-webhook.ts';

/** What the donations face answers (donations/http/api-exchange.ts ApiAnswer, structurally). */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

function reply(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(apiErrorBody(code, message)));
}

/**
 * `POST /webhooks/strapi/team-moderation` (content/contracts/team-moderation.ts): the CMS asks,
 * while an editor saves or deletes a 团队处理 entry, to hide or restore a team. Only the CMS holds
 * the webhook's shared secret; the answer is synchronous, so a refusal (another charity's team)
 * reaches the editor's form and nothing is saved.
 */
export function teamModerationHandler(options: {
  secret: () => string | null;
  apply: (body: unknown) => Promise<Answer>;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'POST') return reply(res, 405, 'METHOD_NOT_ALLOWED', '只接受 POST 请求');
    const secret = options.secret();
    if (!secret) return reply(res, 503, 'WEBHOOK_NOT_CONFIGURED', '发布服务尚未取得 Webhook 密钥');
    const given = req.headers[WEBHOOK_SECRET_HEADER];
    if (!sameSecret(Array.isArray(given) ? given[0] : given, secret)) {
      req.resume();
      return reply(res, 401, 'WEBHOOK_SECRET_INVALID', 'Webhook 密钥不正确');
    }
    const body = await readBody(req);
    if (body === null) return reply(res, 413, 'BODY_TOO_LARGE', '请求体过大');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return reply(res, 400, 'INVALID_JSON', '请求体不是有效的 JSON');
    }
    const answer = await options.apply(json);
    res.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' });
    res.end(answer.body);
  };
}
