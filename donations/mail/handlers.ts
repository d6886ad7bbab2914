import type { SubscriptionChangeAnswer } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { ApiAnswer, ApiRequest } from '../http/api-exchange.ts';
import { readLimitedText } from '../http/body.ts';
import { hitClientLimit } from '../http/client-limit.ts';
import { type RequestMeta, readJsonBody } from '../http/handlers.ts';
import { errorResponse, json } from '../http/respond.ts';
import { mailDb } from './store.ts';
import { confirmSubscription, type MailDeps, subscribe, unsubscribe } from './subscriptions.ts';

/**
 * The subscription API (issue 16 item 5):
 * - `POST /api/projects/{slug}/subscriptions` `{email}` → 202, limited per client like the other
 *   routes that cost us something (each may send a confirmation mail);
 * - `POST /api/subscriptions/{id}/confirm?token=` → 200 (the confirmation page's button);
 * - `POST /api/subscriptions/{id}/unsubscribe?token=` → 200: the mail client's RFC 8058 one-click
 *   POST (`List-Unsubscribe=One-Click`, form-encoded, no cookies, from anywhere) and the
 *   unsubscribe page's button. The token is the authority; the body is read only to be bounded.
 */
export function mailDeps(ctx: DonationsContext): MailDeps {
  return {
    db: mailDb(ctx.ledger),
    cipher: ctx.receipts,
    keys: ctx.mailKeys,
    config: ctx.config,
    snapshots: ctx.snapshots,
    now: ctx.now,
  };
}

export async function postSubscription(
  ctx: DonationsContext,
  slug: string,
  request: ApiRequest,
  meta: RequestMeta,
): Promise<ApiAnswer> {
  try {
    await hitClientLimit(
      ctx,
      ctx.mailRateLimiter,
      request,
      meta.socketAddress,
      'subscribe',
      (wait) => `订阅请求过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`,
    );
    const body = await readJsonBody(request, 2_048);
    return json(202, await subscribe(mailDeps(ctx), slug, body));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

function tokenOf(request: ApiRequest): string {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
    throw new DonationError(404, 'SUBSCRIPTION_LINK_INVALID', '链接无效或已失效，请从最新的邮件中打开链接');
  }
  return token;
}

export async function postSubscriptionChange(
  ctx: DonationsContext,
  action: 'confirm' | 'unsubscribe',
  id: string,
  request: ApiRequest,
): Promise<ApiAnswer> {
  try {
    const token = tokenOf(request);
    await readLimitedText(request, 1_024);
    if (!/^[0-9a-f-]{36}$/.test(id)) {
      throw new DonationError(404, 'SUBSCRIPTION_LINK_INVALID', '链接无效或已失效，请从最新的邮件中打开链接');
    }
    const deps = mailDeps(ctx);
    const answer: SubscriptionChangeAnswer =
      action === 'confirm' ? await confirmSubscription(deps, id, token) : await unsubscribe(deps, id, token);
    return json(200, answer);
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}
