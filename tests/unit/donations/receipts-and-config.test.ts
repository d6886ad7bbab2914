import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readDonationsConfig } from '../../../donations/config.ts';
import { ReceiptCipher } from '../../../donations/receipt-cipher.ts';
import { csvCell } from '../../../donations/receipts.ts';
import { ExportTokens } from '../../../donations/secrets.ts';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('receipt secrets', () => {
  it('encrypts with AES-256-GCM: fresh IV each time, tamper-evident', () => {
    const dir = tempDir('xianjie-secrets-');
    const dev = {
      receiptKeyBase64: null,
      previousReceiptKeysBase64: [],
      receiptKeyFile: join(dir, 'k'),
      production: false,
    };
    const cipher = ReceiptCipher.fromConfig(dev);
    expect(statSync(join(dir, 'k')).mode & 0o777).toBe(0o600);
    const a = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(cipher.encrypt('11010519491231002X'));
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(ReceiptCipher.fromConfig(dev).decrypt(a)).toBe('11010519491231002X');
    const tampered = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new ReceiptCipher(Buffer.alloc(16))).toThrow();
  });

  it('export tokens are per charity and checked in constant time', () => {
    const dir = tempDir('xianjie-tokens-');
    const tokens = new ExportTokens(join(dir, 'export-tokens.json'));
    expect(tokens.verify('a', 'Bearer whatever-whatever-whatever')).toBe(false);
    const a = tokens.tokenFor('a');
    const b = tokens.tokenFor('b');
    expect(tokens.tokenFor('a')).toBe(a);
    expect(tokens.verify('a', `Bearer ${a}`)).toBe(true);
    expect(tokens.verify('a', `Bearer ${b}`)).toBe(false);
    expect(tokens.verify('a', a)).toBe(false);
    expect(tokens.verify('a', null)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'export-tokens.json'), 'utf8'))).toEqual({ a, b });
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['line\nbreak', '"line\nbreak"'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

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
