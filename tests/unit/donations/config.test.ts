import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readDonationsConfig } from '../../../donations/config.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const tempDir = tempDirs();

describe('configuration (one typed place)', () => {
  it('defaults to the embedded setup under .data', () => {
    const c = readDonationsConfig({}, '/srv/xianjie');
    expect(c.ledger).toEqual({ kind: 'sqlite', path: '/srv/xianjie/.data/donations/ledger.db' });
    expect(c.merchantsFile).toBeNull();
    expect(c.snapshotPath).toBe('/srv/xianjie/.data/snapshots/demo.json');
    expect(c.notifyUrl).toBe('http://127.0.0.1:4321/api/payments/alipay/notify');
    expect(c.amount).toEqual({ minFen: 100, maxFen: 5_000_000 });
    expect(c.redisUrl).toBeNull();
  });

  it('uses PostgreSQL, a merchants file, a content source and trusted proxies when told', () => {
    const dir = tempDir('xianjie-config-');
    writeFileSync(join(dir, 'm.json'), '{}');
    const c = readDonationsConfig(
      {
        DATABASE_URL: 'postgres://u@h/db',
        ALIPAY_MERCHANTS_FILE: 'm.json',
        CONTENT_SOURCE: 'file:snap.json',
        TRUSTED_PROXY: 'loopback, 10.0.0.5',
        XIANJIE_SITE_URL: 'https://xianjie.example.org/',
      },
      dir,
    );
    expect(c.ledger).toEqual({ kind: 'postgres', connectionString: 'postgres://u@h/db', schema: 'donations' });
    expect(c.merchantsFile).toBe(join(dir, 'm.json'));
    expect(c.snapshotPath).toBe(join(dir, 'snap.json'));
    expect(c.trustedProxies).toEqual(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.5']);
    expect(c.notifyUrl).toBe('https://xianjie.example.org/api/payments/alipay/notify');
  });

  it.each([
    [{ DONATION_MIN_FEN: '0' }],
    [{ DONATION_MIN_FEN: '500', DONATION_MAX_FEN: '100' }],
    [{ DATABASE_URL: 'mysql://x' }],
    [{ XIANJIE_SITE_URL: 'not a url' }],
    [{ LEDGER_PG_SCHEMA: 'Robert"); drop' }],
  ])('refuses %j with a Chinese message', (env) => {
    expect(() => readDonationsConfig(env, '/tmp')).toThrow(ConfigError);
  });
});
