import { isIP } from 'node:net';

/**
 * The client's address for rate limiting. The socket's peer address is the truth; an
 * `X-Forwarded-For` header is believed only when that peer is a configured trusted proxy
 * (`TRUSTED_PROXY`), and then read from the right, skipping our own proxies — the left-most
 * entries are whatever the client wrote. (Astro's `clientAddress` takes the left-most entry, so the
 * API routes pass the socket address through `locals.socketAddress` instead; see site/pages/api.)
 */
export function normaliseIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith('[') && v.includes(']')) v = v.slice(1, v.indexOf(']'));
  if (v.startsWith('::ffff:') && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}

export function clientIp(input: {
  socketAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: readonly string[];
}): string {
  const trusted = new Set(input.trustedProxies.map((p) => normaliseIp(p) ?? p));
  const peer = normaliseIp(input.socketAddress);
  if (!peer) return 'unknown';
  if (!trusted.has(peer) || !input.forwardedFor) return peer;
  const hops = input.forwardedFor.split(',').map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseIp(hops[i]);
    if (!hop) return peer;
    if (!trusted.has(hop)) return hop;
  }
  return peer;
}
