import type { IncomingMessage, ServerResponse } from 'node:http';
import { cmsRequestJson } from './strapi-webhook.ts';

/** What the donations face answers (donations/http/api-exchange.ts ApiAnswer, structurally). */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
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
    const request = await cmsRequestJson(req, res, options.secret());
    if (!request) return;
    const answer = await options.apply(request.json);
    res.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' });
    res.end(answer.body);
  };
}
