import { describe, expect, it } from 'vitest';
import { clientIp, clientKey, normaliseIp, rateLimitKey } from '../../../donations/client-ip.ts';
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

describe('rate-limit keys (IPv6 by prefix)', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2:0:0:0:0/64'],
    ['2001:db8:1:2::ffff', 64, '2001:db8:1:2:0:0:0:0/64'],
    ['2001:db8::', 64, '2001:db8:0:0:0:0:0:0/64'],
    ['2001:db8:1:2:3:4:5:6', 56, '2001:db8:1:0:0:0:0:0/56'],
    ['2001:db8:1:2ff:3:4:5:6', 56, '2001:db8:1:200:0:0:0:0/56'],
    ['2001:db8:1:2:3:4:5:6', 128, '2001:db8:1:2:3:4:5:6/128'],
    ['::1', 64, '0:0:0:0:0:0:0:0/64'],
    ['64:ff9b::192.0.2.1', 96, '64:ff9b:0:0:0:0:0:0/96'],
    ['64:ff9b::192.0.2.1', 128, '64:ff9b:0:0:0:0:c000:201/128'],
    ['198.51.100.7', 64, '198.51.100.7'],
    ['unknown', 64, 'unknown'],
  ])('%s with /%i → %s', (ip, bits, key) => {
    expect(rateLimitKey(ip, bits)).toBe(key);
  });

  it('100 addresses in one /64 share one bucket; another /64 has its own', async () => {
    const limiter = memoryRateLimiter({ max: 20, windowSeconds: 60, now: () => 1_000 });
    const decisions = [];
    for (let i = 0; i < 100; i++) {
      const ip = `2001:db8:aa:bb:${((i * 7919) & 0xffff).toString(16)}:${i.toString(16)}:1:${(i + 1).toString(16)}`;
      expect(normaliseIp(ip)).toBe(ip);
      const key = clientKey({ socketAddress: ip, forwardedFor: null, trustedProxies: [], ipv6PrefixBits: 64 });
      decisions.push((await limiter.hit(`create:${key}`)).allowed);
    }
    expect(decisions.filter(Boolean)).toHaveLength(20);
    expect(decisions.slice(20).every((d) => !d)).toBe(true);
    const other = clientKey({
      socketAddress: '2001:db8:aa:bc::1',
      forwardedFor: null,
      trustedProxies: [],
      ipv6PrefixBits: 64,
    });
    expect((await limiter.hit(`create:${other}`)).allowed).toBe(true);
  });
});
