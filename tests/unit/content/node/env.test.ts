import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  appRoot,
  findAppRoot,
  merchantsFileOf,
  readAmountBounds,
  resolveDataDir,
} from '../../../../content/node/index.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('the one environment reader (content/node/env.ts)', () => {
  it('resolves the data directory the same way for every room', () => {
    expect(resolveDataDir({}, '/srv/xianjie')).toBe('/srv/xianjie/.data');
    expect(resolveDataDir({ XIANJIE_DATA_DIR: '  ' }, '/srv/xianjie')).toBe('/srv/xianjie/.data');
    expect(resolveDataDir({ XIANJIE_DATA_DIR: 'var/data' }, '/srv/xianjie')).toBe('/srv/xianjie/var/data');
    expect(resolveDataDir({ XIANJIE_DATA_DIR: '/data/xj' }, '/srv/xianjie')).toBe('/data/xj');
  });

  it('finds the app root from any folder inside it (also a release bundle under .data)', () => {
    expect(appRoot()).toBe(REPO);
    expect(findAppRoot(join(REPO, '.data/releases/r1/server/chunks'))).toBe(REPO);
    expect(findAppRoot(tmpdir())).toBeNull();
  });

  it('reads the amount bounds the API enforces and the build shows', () => {
    expect(readAmountBounds({})).toEqual({ minFen: 100, maxFen: 5_000_000 });
    expect(readAmountBounds({ DONATION_MIN_FEN: '1', DONATION_MAX_FEN: '200' })).toEqual({ minFen: 1, maxFen: 200 });
    expect(() => readAmountBounds({ DONATION_MIN_FEN: '500', DONATION_MAX_FEN: '100' })).toThrow(/DONATION_MIN_FEN/);
  });

  it('finds the merchant registry file: the variable, else <data>/donations/merchants.json when present', () => {
    const root = mkdtempSync(join(tmpdir(), 'xianjie-env-'));
    expect(merchantsFileOf({}, root)).toBeNull();
    mkdirSync(join(root, '.data/donations'), { recursive: true });
    writeFileSync(join(root, '.data/donations/merchants.json'), '{}');
    expect(merchantsFileOf({}, root)).toBe(join(root, '.data/donations/merchants.json'));
    expect(merchantsFileOf({ ALIPAY_MERCHANTS_FILE: 'm.json' }, root)).toBe(join(root, 'm.json'));
  });
});
