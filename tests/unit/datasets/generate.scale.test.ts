import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../content/snapshot/parse-snapshot.ts';
import { generateSnapshot } from '../../../datasets/generate.ts';
import { AS_OF } from '../../support/fixtures/datasets.ts';

describe('scale dataset', () => {
  it('has 10,000 projects and at least 60,000 disclosures, and validates', { timeout: 120_000 }, () => {
    const s = generateSnapshot({ size: 'scale', asOf: AS_OF });
    expect(s.source).toBe('scale');
    expect(s.projects.length).toBe(10_000);
    expect(s.disclosures.length).toBeGreaterThanOrEqual(60_000);
    expect(s.charities.length).toBeGreaterThanOrEqual(900);
    expect(new Set(s.projects.flatMap((p) => p.regions.map((r) => r.provinceCode))).size).toBe(31);
    expect(() => parseSnapshot(s)).not.toThrow();
  });
});
