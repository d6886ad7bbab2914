import { describe, expect, it } from 'vitest';
import { clientIp, normaliseIp } from '../../../donations/client-ip.ts';
import { memoryRateLimiter } from '../../../donations/rate-limit.ts';

describe('client address', () => {
  const trusted = ['127.0.0.1', '::1', '10.0.0.5'];

  it('is the socket peer unless that peer is a trusted proxy', () => {
    expect(clientIp({ socketAddress: '203.0.113.9', forwardedFor: '1.2.3.4', trustedProxies: trusted })).toBe(
      '203.0.113.9',
    );
    expect(clientIp({ socketAddress: '203.0.113.9', forwardedFor: null, trustedProxies: [] })).toBe('203.0.113.9');
    expect(clientIp({ socketAddress: '::ffff:198.51.100.7', forwardedFor: null, trustedProxies: [] })).toBe(
      '198.51.100.7',
    );
  });

  it('reads X-Forwarded-For from the right behind trusted proxies, ignoring what the client wrote', () => {
    expect(clientIp({ socketAddress: '127.0.0.1', forwardedFor: '198.51.100.7', trustedProxies: trusted })).toBe(
      '198.51.100.7',
    );
    expect(
      clientIp({
        socketAddress: '127.0.0.1',
        forwardedFor: '6.6.6.6, 198.51.100.7, 10.0.0.5',
        trustedProxies: trusted,
      }),
    ).toBe('198.51.100.7');
    expect(clientIp({ socketAddress: '127.0.0.1', forwardedFor: 'garbage', trustedProxies: trusted })).toBe(
      '127.0.0.1',
    );
    expect(clientIp({ socketAddress: '::1', forwardedFor: '10.0.0.5', trustedProxies: trusted })).toBe('::1');
  });

  it('has no address without a socket', () => {
    expect(clientIp({ socketAddress: null, forwardedFor: '1.2.3.4', trustedProxies: trusted })).toBe('unknown');
    expect(normaliseIp('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normaliseIp('not-an-ip')).toBeNull();
  });
});

describe('in-memory rate limit', () => {
  it('allows max per window per key, then says when to retry', async () => {
    let t = 1_000_000;
    const limiter = memoryRateLimiter({ max: 3, windowSeconds: 60, now: () => t });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await limiter.hit('a'));
    expect(seen.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(seen[3]?.retryAfterSeconds).toBe(60);
    expect((await limiter.hit('b')).allowed).toBe(true);
    t += 30_000;
    expect((await limiter.hit('a')).retryAfterSeconds).toBe(30);
    t += 30_000;
    expect((await limiter.hit('a')).allowed).toBe(true);
  });
});
