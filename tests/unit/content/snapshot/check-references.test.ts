import { describe, expect, it } from 'vitest';
import { checkReferences, checkReferencesSliced } from '../../../../content/snapshot/check-references.ts';
import type { Snapshot } from '../../../../content/snapshot/snapshot-schema.ts';
import { timeSlicer } from '../../../../content/snapshot/time-slices.ts';
import { generateSnapshot } from '../../../../datasets/index.ts';

/**
 * The sliced reference check (used by the portal's snapshot reader) must find exactly what
 * checkReferences finds, in the same order: every rule is broken here at least once.
 */
function brokenEverywhere(): Snapshot {
  const s = structuredClone(generateSnapshot({ size: 'demo', asOf: '2026-11-27' }));
  const at = <T>(list: T[], i: number): T => {
    const item = list[i];
    if (!item) throw new Error(`demo dataset has no entry ${i}`);
    return item;
  };
  at(s.charities, 1).slug = at(s.charities, 0).slug;
  at(s.campaigns, 1).slug = at(s.campaigns, 0).slug;
  const project = at(s.projects, 2);
  project.charity = 'gone-charity';
  project.needs = ['gone-need', ...project.needs];
  project.campaigns = ['gone-campaign'];
  at(s.disclosures, 3).project = 'gone-project';
  at(s.disclosures, 4).corrects = 'gone-disclosure';
  at(s.caseSummaries, 5).project = 'gone-project';
  const typical = at(s.typicalCases, 0);
  typical.projects = ['gone-project'];
  typical.charities = ['gone-charity'];
  const award = at(s.awards, 0);
  award.awardee = { ...award.awardee, charity: 'gone-charity', project: 'gone-project' };
  at(s.seedConsents, 0).caseSummary = 'gone-case';
  return s;
}

describe('checkReferencesSliced', () => {
  it('finds nothing in the demo dataset, like checkReferences', async () => {
    const s = generateSnapshot({ size: 'demo', asOf: '2026-11-27' });
    expect(checkReferences(s)).toEqual([]);
    expect(await checkReferencesSliced(s, timeSlicer(10))).toEqual([]);
  });

  it('finds what checkReferences finds, in the same order, whatever the slices', async () => {
    const s = brokenEverywhere();
    const expected = checkReferences(s);
    const fields = new Set(expected.map((i) => i.field.replace(/\[\d+\]/, '')));
    expect(fields).toEqual(
      new Set([
        'slug',
        'charity',
        'needs',
        'campaigns',
        'project',
        'corrects',
        'projects',
        'charities',
        'awardee.charity',
        'awardee.project',
        'caseSummary',
      ]),
    );
    expect(await checkReferencesSliced(s, timeSlicer(10))).toEqual(expected);
    expect(await checkReferencesSliced(s, timeSlicer(0))).toEqual(expected);
  });
});
