import { clientKey } from '../client-ip.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { ApiRequest } from './api-exchange.ts';

/**
 * One hit of a per-client limit for a request: the client is keyed the way client-ip.ts believes
 * addresses (X-Forwarded-For only from a trusted proxy; IPv6 by prefix), so every limited route
 * keys alike.
 * Throws 429 `RATE_LIMITED` with `Retry-After`; returns the client's key otherwise.
 */
export async function hitClientLimit(
  ctx: DonationsContext,
  limiter: RateLimiter,
  request: ApiRequest,
  socketAddress: string | null | undefined,
  scope: string,
  message: (retryAfterSeconds: number) => string,
): Promise<string> {
  const client = requestClientKey(ctx, request, socketAddress);
  const decision = await limiter.hit(`${scope}:${client}`);
  if (!decision.allowed) {
    const wait = decision.retryAfterSeconds;
    throw new DonationError(429, 'RATE_LIMITED', message(wait), undefined, undefined, wait);
  }
  return client;
}

/** The client's rate-limit key: the socket peer (or a trusted proxy's X-Forwarded-For), IPv6 by prefix. */
export function requestClientKey(
  ctx: DonationsContext,
  request: ApiRequest,
  socketAddress: string | null | undefined,
): string {
  return clientKey({
    socketAddress,
    forwardedFor: request.header('x-forwarded-for'),
    trustedProxies: ctx.config.trustedProxies,
    ipv6PrefixBits: ctx.config.rateLimit.ipv6PrefixBits,
  });
}
