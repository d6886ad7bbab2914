import type { DonationsContext } from '../context.ts';
import { donations } from '../runtime.ts';
import { type ApiAnswer, type ApiRequest, fromWebRequest, toWebResponse } from './api-exchange.ts';
import { json } from './respond.ts';

/**
 * What the Astro API routes share: the process-wide context (503 when it cannot be opened, e.g.
 * the database is down), the web request as the handlers read it and their answer as a web
 * response, and the peer address for rate limiting.
 */
export async function withDonations(
  run: (ctx: DonationsContext, request: ApiRequest) => Promise<ApiAnswer | Response>,
  request: Request,
): Promise<Response> {
  let ctx: DonationsContext;
  try {
    ctx = await donations();
  } catch (error) {
    console.error(`捐赠模块无法启动：${(error as Error)?.message ?? String(error)}`);
    return toWebResponse(
      json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: '捐赠服务暂时不可用，请稍后再试' } }),
    );
  }
  const answer = await run(ctx, fromWebRequest(request));
  // A route may answer with Astro's own Response (the report form's rewrite to its answer page).
  return answer instanceof Response ? answer : toWebResponse(answer);
}

/**
 * The TCP peer address. Astro's `clientAddress` is the left-most X-Forwarded-For entry when that
 * header is present — whatever the client wrote — so the server that mounts Astro's handler should
 * pass `{ socketAddress: req.socket.remoteAddress }` as locals. Without it, a request carrying
 * X-Forwarded-For gets no address (one shared rate-limit bucket), so the header cannot be used to
 * dodge the limit.
 */
export function socketAddressOf(locals: unknown, request: Request, clientAddress: () => string): string | null {
  const given = (locals as { socketAddress?: unknown } | undefined)?.socketAddress;
  if (typeof given === 'string') return given;
  if (request.headers.has('x-forwarded-for')) return null;
  try {
    return clientAddress();
  } catch {
    return null;
  }
}
