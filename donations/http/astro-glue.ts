import type { DonationsContext } from '../context.ts';
import { donations } from '../runtime.ts';
import { json } from './respond.ts';

/**
 * What the Astro API routes share: the process-wide context (503 when it cannot be opened, e.g.
 * the database is down) and the peer address for rate limiting.
 */
export async function withDonations(run: (ctx: DonationsContext) => Promise<Response>): Promise<Response> {
  let ctx: DonationsContext;
  try {
    ctx = await donations();
  } catch (error) {
    console.error(`捐赠模块无法启动：${(error as Error)?.message ?? String(error)}`);
    return json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: '捐赠服务暂时不可用，请稍后再试' } });
  }
  return run(ctx);
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
