import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../content/errors.ts';
import { todayIso } from '../../../content/rules/dates.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../../content/snapshot/snapshot-schema.ts';
import { DEFAULT_SEED, generateSnapshot, parseGenerateOptions } from '../../../datasets/generate.ts';
import { AS_OF, demo } from '../../support/fixtures/datasets.ts';

function optionError(input: unknown): ContentError {
  try {
    generateSnapshot(input as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected generateSnapshot to throw');
}

describe('generateSnapshot', () => {
  it('is a pure function of (size, seed, asOf): byte-identical JSON', () => {
    const a = JSON.stringify(generateSnapshot({ size: 'demo', asOf: AS_OF }));
    const b = JSON.stringify(generateSnapshot({ size: 'demo', asOf: AS_OF, seed: DEFAULT_SEED }));
    expect(a).toBe(b);
  });

  it('gives different data for a different seed', () => {
    const a = demo(AS_OF);
    const b = demo(AS_OF, 7);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(b.charities.map((c) => c.name)).not.toEqual(a.charities.map((c) => c.name));
  });

  it('gives different dates for a different asOf, and records it in the header', () => {
    const s = demo('2026-01-10');
    expect(s.asOf).toBe('2026-01-10');
    expect(s.generatedAt).toBe('2026-01-10T00:00:00+08:00');
    expect(s.projects[0]?.implementation).not.toEqual(demo(AS_OF).projects[0]?.implementation);
  });

  it('writes the snapshot header', () => {
    const s = demo();
    expect(s).toMatchObject({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, source: 'demo', demo: true });
  });

  it('defaults asOf to today in Asia/Shanghai', () => {
    const before = todayIso();
    const s = generateSnapshot({ size: 'demo' });
    expect([before, todayIso()]).toContain(s.asOf);
  });

  it.each([
    [{ size: 'huge' }, 'size', '数据规模'],
    [{ size: 'demo', seed: 'abc' }, 'seed', '随机种子'],
    [{ size: 'demo', seed: 1.5 }, 'seed', '随机种子'],
    [{ size: 'demo', seed: -1 }, 'seed', '随机种子'],
    [{ size: 'demo', asOf: '2023-02-29' }, 'asOf', '基准日期'],
    [{ size: 'demo', asOf: '2025/06/15' }, 'asOf', '基准日期'],
    [{ size: 'demo', asOf: '1999-01-01' }, 'asOf', '基准日期'],
  ])('refuses bad options %j with a Chinese message naming the field', (input, field, words) => {
    const error = optionError(input);
    expect(error.code).toBe('GENERATE_OPTIONS_INVALID');
    expect(error.issues.map((i) => i.field)).toContain(field);
    expect(error.message).toContain(words);
    expect(error.message).toContain(field);
  });

  it('refuses a missing options object', () => {
    expect(optionError(undefined).code).toBe('GENERATE_OPTIONS_INVALID');
  });

  it('fills in the default seed', () => {
    expect(parseGenerateOptions({ size: 'scale' })).toEqual({ size: 'scale', seed: DEFAULT_SEED });
  });
});
