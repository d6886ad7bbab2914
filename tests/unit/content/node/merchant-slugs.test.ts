import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merchantCharitySlugs } from '../../../../content/node/merchant-slugs.ts';

const dir = mkdtempSync(join(tmpdir(), 'xianjie-merchants-'));
const key = 'A'.repeat(120);
const entry = (appId: string, pid: string) => ({ appId, sellerId: pid, privateKey: key, alipayPublicKey: key });

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('merchantCharitySlugs (which charities the pages offer a donate form for)', () => {
  it('no registry configured: null, the sandbox serves every charity', () => {
    expect(merchantCharitySlugs(null)).toBeNull();
  });

  it('lists exactly the charities in the registry file', () => {
    const path = file(
      'two.json',
      JSON.stringify({
        'gansu-cishan': entry('2021000000000001', '2088000000000001'),
        'hubei-ertong': entry('2021000000000002', '2088000000000002'),
      }),
    );
    expect([...(merchantCharitySlugs(path) ?? [])].sort()).toEqual(['gansu-cishan', 'hubei-ertong']);
  });

  it('an empty registry offers no charity a form', () => {
    expect(merchantCharitySlugs(file('empty.json', '{}'))?.size).toBe(0);
  });

  it('a broken file fails the build with a Chinese message naming the entry and field', () => {
    const bad = file('bad.json', JSON.stringify({ 'gansu-cishan': { ...entry('abc', '2088000000000001') } }));
    expect(() => merchantCharitySlugs(bad)).toThrow(/商户配置 .*bad\.json 无效：gansu-cishan\.appId/);
    expect(() => merchantCharitySlugs(file('nojson.json', '{'))).toThrow(/无法读取商户配置/);
    expect(() => merchantCharitySlugs(join(dir, 'missing.json'))).toThrow(/无法读取商户配置/);
  });
});
