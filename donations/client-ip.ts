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

/** The eight 16-bit groups of an IPv6 address (`::` expanded, an embedded IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The rate-limit key of a client address: an IPv4 address as it is; an IPv6 address cut to its
 * first `ipv6PrefixBits` bits (default /64, RATE_LIMIT_IPV6_PREFIX), because one subscriber gets a
 * whole /64 (often a /56 or /48) and can use any of its 2^64 addresses — keyed by the full
 * address, every request could come from a fresh bucket. Anything else (e.g. `unknown`) is kept.
 */
export function rateLimitKey(ip: string, ipv6PrefixBits: number): string {
  if (isIP(ip) !== 6) return ip;
  const groups = ipv6Groups(ip);
  const bits = Math.min(Math.max(ipv6PrefixBits, 0), 128);
  const kept = groups.map((g, i) => {
    const from = i * 16;
    if (from + 16 <= bits) return g;
    if (from >= bits) return 0;
    return g & (0xffff << (16 - (bits - from))) & 0xffff;
  });
  return `${kept.map((g) => g.toString(16)).join(':')}/${bits}`;
}

/** The client's rate-limit key for a request: `clientIp`, then `rateLimitKey`. */
export function clientKey(input: Parameters<typeof clientIp>[0] & { ipv6PrefixBits: number }): string {
  return rateLimitKey(clientIp(input), input.ipv6PrefixBits);
}
