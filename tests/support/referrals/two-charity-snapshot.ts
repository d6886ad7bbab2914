import type { Snapshot } from '../../../content/snapshot/snapshot-schema.ts';
import { FIXTURE_SNAPSHOT } from '../fixture-snapshot.ts';

/**
 * The test fixture with two charities running eligible projects in 岷县 (621126) — 助学 and
 * 康复 for minors — and one more project in 安定区 (621102), so suggestions have an order and
 * another county has work of its own.
 */
export const COUNTY_A = '621126';
export const COUNTY_B = '621102';

export function twoCharitySnapshot(): Snapshot {
  const base = FIXTURE_SNAPSHOT;
  const first = base.projects.find((p) => p.slug === 'minxian-zhuxue');
  if (!first) throw new Error('fixture changed: minxian-zhuxue missing');
  const second = {
    ...first,
    slug: 'minxian-ertong-kangfu',
    title: '岷县儿童康复',
    charity: 'lanzhou-ertong',
    serviceTypes: ['rehabilitation' as const],
  };
  const anding = {
    ...first,
    slug: 'anding-zhuxue',
    title: '安定助学',
    regions: [
      {
        ...first.regions[0],
        code: COUNTY_B,
        name: '甘肃省定西市安定区',
        keyCounty: false,
      } as (typeof first.regions)[number],
    ],
  };
  return { ...base, projects: [first, second, anding] };
}
