import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisRateLimiter } from '../../../donations/rate-limit.ts';
import { fileSnapshotSource } from '../../../donations/snapshot-source.ts';
import { type Harness, postJson, startHarness } from '../../support/donations/harness.ts';
import { writeMerchantsFile } from '../../support/donations/merchants-file.ts';
import { charity, defaultSnapshot, project, snapshotOf } from '../../support/fixtures/donations.ts';

/** Abuse limits over HTTP, the Redis limiter, a real merchant registry, and snapshot reloading. */
const REDIS_URL = process.env.DONATIONS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUnavailable(): Promise<string | null> {
  const r = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (error) {
    return `Redis 不可用（${REDIS_URL}）：${(error as Error).message}`;
  } finally {
    r.disconnect();
  }
}
const redisReason = await redisUnavailable();
if (redisReason) process.stdout.write(`跳过 Redis 部分：${redisReason}\n`);

const harnesses: Harness[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
async function harness(...args: Parameters<typeof startHarness>) {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}
const valid = { projectSlug: 'minxian-zhuxue', amountFen: 1_000, channel: 'page', anonymous: true };

describe('abuse limits', () => {
  it('rate-limits per client address with 429 and Retry-After; X-Forwarded-For cannot dodge it', async () => {
    const h = await harness('sqlite', { env: { DONATION_RATE_LIMIT: '3', DONATION_RATE_WINDOW_S: '60' } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await postJson(`${h.url}/api/donations`, valid, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await postJson(`${h.url}/api/donations`, valid);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json.error.message).toContain('秒后再试');
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const h = await harness('sqlite', { env: { DONATION_RATE_LIMIT: '2', TRUSTED_PROXY: 'loopback' } });
    const send = (ip: string) => postJson(`${h.url}/api/donations`, valid, { 'x-forwarded-for': `6.6.6.6, ${ip}` });
    expect([
      (await send('198.51.100.1')).status,
      (await send('198.51.100.1')).status,
      (await send('198.51.100.1')).status,
    ]).toEqual([201, 201, 429]);
    expect((await send('198.51.100.2')).status).toBe(201);
  });

  it('keys IPv6 clients by their /64: 100 addresses of one /64 share one bucket (memory and Redis)', async () => {
    const backends: Record<string, string>[] = [{}];
    if (redisReason === null) backends.push({ REDIS_URL });
    for (const env of backends) {
      const h = await harness('sqlite', { env: { DONATION_RATE_LIMIT: '20', TRUSTED_PROXY: 'loopback', ...env } });
      // A fresh /64 per run, so Redis keys of an earlier run cannot interfere.
      const net = `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
      const statuses: number[] = [];
      for (let i = 1; i <= 100; i++) {
        const ip = `${net}:${i.toString(16)}:${(i * 31).toString(16)}:${(i * 7).toString(16)}:1`;
        statuses.push((await postJson(`${h.url}/api/donations`, valid, { 'x-forwarded-for': ip })).status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      // The next /64 is another subscriber.
      const next = `${net.slice(0, -1)}${((Number.parseInt(net.slice(-1), 16) + 1) % 16).toString(16)}::1`;
      expect((await postJson(`${h.url}/api/donations`, valid, { 'x-forwarded-for': next })).status).toBe(201);
    }
  });

  it('refuses bodies over the size limit (declared or streamed) with 413', async () => {
    const h = await harness('sqlite');
    const big = await postJson(`${h.url}/api/donations`, { ...valid, message: 'x'.repeat(9_000) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1_000)));
        controller.close();
      },
    });
    const streamed = await fetch(`${h.url}/api/donations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      // @ts-expect-error Node's fetch needs duplex for a streamed body.
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });

  it.skipIf(redisReason !== null)('shares counts through Redis', async () => {
    const prefix = `xianjie:test:${randomBytes(4).toString('hex')}:`;
    const a = redisRateLimiter(REDIS_URL, { max: 2, windowSeconds: 30, prefix });
    const b = redisRateLimiter(REDIS_URL, { max: 2, windowSeconds: 30, prefix });
    try {
      expect((await a.hit('ip')).allowed).toBe(true);
      expect((await b.hit('ip')).allowed).toBe(true);
      const third = await a.hit('ip');
      expect(third.allowed).toBe(false);
      expect(third.retryAfterSeconds).toBeGreaterThan(0);
      expect((await b.hit('other')).allowed).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('falls back to memory when Redis does not answer', async () => {
    const logs: string[] = [];
    const limiter = redisRateLimiter('redis://127.0.0.1:1', { max: 1, windowSeconds: 30, log: (m) => logs.push(m) });
    expect((await limiter.hit('x')).allowed).toBe(true);
    expect((await limiter.hit('x')).allowed).toBe(false);
    expect(logs.join()).toContain('内存');
    await limiter.close();
  });
});

describe('when Alipay cannot be reached', () => {
  it('a QR donation answers 502 and its order is closed at once (no money can move)', async () => {
    const h = await harness('sqlite', { sandboxGatewayUrl: 'http://127.0.0.1:1/gateway.do' });
    const r = await postJson(`${h.url}/api/donations`, { ...valid, channel: 'qr' });
    expect(r.status).toBe(502);
    expect(r.json.error.code).toBe('PAYMENT_UNAVAILABLE');
    const orders = await h.ctx.ledger.db.selectFrom('orders').select(['status']).execute();
    expect(orders).toEqual([{ status: 'closed' }]);
    expect(h.logs.join()).toContain('无法生成支付步骤');
  });
});

describe('a real merchant registry (no sandbox)', () => {
  it('pays only configured charities, points at Alipay, and turns the sandbox off', async () => {
    const file = writeMerchantsFile(tempDir('xianjie-merchants-'), {
      'gansu-cishan': { appId: '2021000000000001', sellerId: '2088000000000001' },
    });
    const h = await harness('sqlite', {
      env: {
        ALIPAY_MERCHANTS_FILE: file,
        RECEIPT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DONATIONS_HASH_KEY: randomBytes(32).toString('base64'),
      },
    });
    expect(h.ctx.merchants.kind).toBe('alipay');
    expect(h.ctx.sandbox).toBeNull();
    const ok = await postJson(`${h.url}/api/donations`, valid);
    expect(ok.status).toBe(201);
    expect(ok.json.pay.url).toMatch(/^https:\/\/openapi\.alipay\.com\/gateway\.do\?/);
    expect(ok.json.pay.sandbox).toBe(false);
    const yunnan = await postJson(`${h.url}/api/donations`, { ...valid, projectSlug: 'zhenxiong-yingyang' });
    expect(yunnan.status).toBe(409);
    expect(yunnan.json.error.reasons?.map((r) => r.code)).toEqual(['NO_MERCHANT']);
    expect((await fetch(`${h.url}/api/payments/sandbox/gateway?method=x`)).status).toBe(404);
    // A cause is routed only among charities with a merchant.
    const routed = await postJson(`${h.url}/api/donations`, {
      ...valid,
      projectSlug: undefined,
      pool: { targetGroup: 'minors' },
    });
    expect(routed.json.project.slug).toBe('minxian-zhuxue');
  });
});

describe('the published snapshot', () => {
  it('is cached and read again when the file changes; a broken file keeps the last good one', async () => {
    const dir = tempDir('xianjie-snapshot-');
    const path = join(dir, 'snapshot.json');
    const logs: string[] = [];
    const source = fileSnapshotSource(path, (m) => logs.push(m));
    await expect(source.current()).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    writeFileSync(path, JSON.stringify(defaultSnapshot()));
    const first = await source.current();
    expect(first.projects.size).toBe(5);
    expect(await source.current()).toBe(first);
    writeFileSync(path, JSON.stringify(snapshotOf([project('only-one')], [charity('gansu-cishan')])));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect((await source.current()).projects.has('only-one')).toBe(true);
    writeFileSync(path, '{ not json');
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    expect((await source.current()).projects.has('only-one')).toBe(true);
    expect(logs.join()).toContain('继续使用上一份');
  });
});
