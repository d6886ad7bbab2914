import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { normaliseIp } from '../../donations/index.ts';
import type { ReleaseStore } from '../releases/release-store.ts';

/**
 * Who sees what of `/_publisher/status`. The full status names internal URLs, absolute paths and
 * build output, so it goes only to this machine or to whoever holds the status token; everyone
 * else learns which release is live and since when.
 *
 * "This machine" is a loopback peer that no proxy stands in front of: behind the production TLS
 * proxy every request arrives from 127.0.0.1, so a request carrying a forwarding header is treated
 * as coming from outside, whatever its socket says (a local user can still send the token).
 */
export type StatusView = 'full' | 'public';

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'via'];

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = authorization ? /^Bearer\s+(\S{1,512})$/i.exec(authorization.trim()) : null;
  // Hashes of equal length, so the comparison takes the same time whatever was sent.
  return m?.[1] !== undefined && timingSafeEqual(sha256(m[1]), sha256(token));
}

function isLoopback(address: string | undefined): boolean {
  const ip = normaliseIp(address);
  return ip === '::1' || (ip?.startsWith('127.') ?? false);
}

/** A loopback peer with no proxy in front (what "this machine" means above). */
export function fromThisMachine(req: IncomingMessage): boolean {
  const proxied = FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
  return !proxied && isLoopback(req.socket.remoteAddress);
}

export function statusViewOf(req: IncomingMessage, token: string): StatusView {
  if (bearerMatches(req.headers.authorization, token)) return 'full';
  return fromThisMachine(req) ? 'full' : 'public';
}

/** What anyone may know: the live release's id and when it was built, or null before the first. */
export async function publicStatus(store: ReleaseStore): Promise<{ live: { id: string; since: string } | null }> {
  const id = await store.currentId();
  const meta = id ? await store.meta(id) : null;
  return { live: meta ? { id: meta.id, since: meta.createdAt } : null };
}
