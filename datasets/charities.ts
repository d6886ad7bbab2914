import { formatDate } from '../content/contracts/format.ts';
import { CREDIT_CODE_ALPHABET, withCreditCodeCheck } from '../content/rules/credit-code.ts';
import { addDays, maxDate, minDate } from '../content/rules/dates.ts';
import type { Charity } from '../content/schemas/charity.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { ServiceType, TargetGroup } from '../content/schemas/taxonomy.ts';
import { listCn, yearOf } from './format.ts';
import { GROUP_THEMES } from './group-themes.ts';
import {
  ASSOCIATION_FORMS,
  BUILDINGS,
  FOUNDATION_THEMES,
  MAILBOXES,
  NAME_WORDS,
  personName,
  ROAD_NAMES,
  SERVICE_CENTRE_FORMS,
} from './names.ts';
import type { Rng } from './random.ts';
import { countiesOf, PROVINCES, type Province, prefectureRegion, prefecturesOf } from './regions.ts';
import { pinyinInitials, type SlugRegistry, slugOf } from './slugs.ts';

export type CharityForm = 'foundation' | 'service' | 'association';

/** A generated charity plus what the generator needs to give it projects. */
export interface CharityDraft {
  charity: Charity;
  province: Province;
  form: CharityForm;
  focusGroups: TargetGroup[];
  focusServices: ServiceType[];
  /** An eastern charity doing point-to-point help in western key counties (民发〔2023〕46号 (四)). */
  crossRegion: boolean;
  /** Relative share of the projects it runs. */
  weight: number;
  /** Literary prefix its name used, reused for partner enterprises nearby. */
  prefix: string;
}

const FORM_LABEL: Record<CharityForm, string> = {
  foundation: '基金会',
  service: '社会服务机构',
  association: '社会团体',
};
const FORM_DIGIT: Record<CharityForm, string> = { foundation: '3', service: '2', association: '1' };
const LETTERS = CREDIT_CODE_ALPHABET.slice(10).split('');
const CHARITY_LAW_IN_FORCE = '2016-09-01';
const TIER_WEIGHT = { west: 3, central: 2, east: 1.5 } as const;

function creditCodeFor(rng: Rng, form: CharityForm, adminCode: string, used: Set<string>): string {
  for (;;) {
    let org = 'MJ';
    for (let i = 0; i < 7; i++) org += rng.chance(0.8) ? String(rng.int(0, 9)) : rng.pick(LETTERS);
    const code = withCreditCodeCheck(`5${FORM_DIGIT[form]}${adminCode}${org}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function composeName(rng: Rng, form: CharityForm, prefix: string): string {
  const word = rng.pick(NAME_WORDS);
  if (form === 'foundation') return `${prefix}${word}${rng.pick(FOUNDATION_THEMES)}基金会`;
  if (form === 'service') return `${prefix}${word}${rng.pick(SERVICE_CENTRE_FORMS)}`;
  return `${prefix}${word}${rng.pick(ASSOCIATION_FORMS)}`;
}

function fundraisingSince(rng: Rng, asOf: IsoDate, registeredOn: IsoDate, recognisedOn: IsoDate): IsoDate | null {
  const earliest = maxDate(recognisedOn, addDays(registeredOn, 366));
  if (earliest > addDays(asOf, -30)) return null;
  const roll = rng.next();
  if (roll < 0.08) return null;
  // Some got it only recently: their older projects raised no public funds.
  if (roll < 0.18) return maxDate(earliest, addDays(asOf, -rng.int(10, 110)));
  return minDate(addDays(earliest, rng.int(0, 900)), addDays(asOf, -150));
}

export function generateCharities(rng: Rng, asOf: IsoDate, count: number, slugs: SlugRegistry): CharityDraft[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  const order = rng.shuffle(PROVINCES);
  const drafts: CharityDraft[] = [];
  for (let i = 0; i < count; i++) {
    // Every province first, then weighted towards the central and western ones.
    const province =
      i < order.length
        ? (order[i] as Province)
        : rng.weighted(
            PROVINCES,
            PROVINCES.map((p) => TIER_WEIGHT[p.meta.tier]),
          );
    const form = rng.weightedPairs<CharityForm>([
      ['foundation', 3],
      ['service', 5],
      ['association', 2],
    ]);
    const municipality = province.name.endsWith('市');
    const cities = prefecturesOf(province.code);
    const cityLevel = !municipality && cities.length > 0 && rng.chance(0.4);
    const city = cityLevel ? rng.pick(cities) : null;
    const capital = cities[0];
    const prefix = city ? city.name : rng.pick(province.meta.prefixes);
    let name = composeName(rng, form, prefix);
    for (let tries = 0; names.has(name); tries++) name = composeName(rng, form, tries > 20 ? `${prefix}${i}` : prefix);
    names.add(name);

    const adminCode = city ? `${city.code}00` : province.code;
    const authority = city ? `${city.name}民政局` : municipality ? `${province.name}民政局` : `${province.name}民政厅`;
    const young = rng.chance(0.04);
    const registeredOn = young
      ? addDays(asOf, -rng.int(150, 330))
      : addDays('2006-01-01', rng.int(0, Math.max(1, (yearOf(asOf) - 2007) * 365)));
    const recognisedOn =
      registeredOn < CHARITY_LAW_IN_FORCE
        ? minDate(addDays(CHARITY_LAW_IN_FORCE, rng.int(0, 900)), asOf)
        : minDate(addDays(registeredOn, rng.int(0, 60)), asOf);
    const since = fundraisingSince(rng, asOf, registeredOn, recognisedOn);
    const rating =
      rng.chance(since ? 0.15 : 0.45) || young
        ? null
        : rng.weightedPairs<'3A' | '4A' | '5A' | '2A'>([
            ['5A', form === 'foundation' ? 3 : 1],
            ['4A', 4],
            ['3A', 3],
            ['2A', 0.5],
          ]);

    const region = prefectureRegion(city ? city.code : (capital?.code ?? province.code.slice(0, 4)));
    const within = region.code.endsWith('0000') ? region.code.slice(0, 2) : region.code.slice(0, 4);
    const districts = countiesOf(province.code).filter((c) => c.code.startsWith(within));
    const district = districts.length > 0 ? rng.pick(districts).shortName : '';
    const slug = slugs.claim(slugOf([name.slice(0, prefix.length), name.slice(prefix.length)]));
    const mail = pinyinInitials(name) || 'jigou';
    // Demo contacts look real but reach no one (datasets/README.md, "Contacts"): a real area code
    // and a local number of the right length that starts with 0, which the national numbering plan
    // never gives a subscriber (0 is the trunk prefix; local numbers start with 2–8).
    const local = `0${province.meta.areaCode.length === 3 ? rng.int(1_000_000, 9_999_999) : rng.int(100_000, 999_999)}`;
    const focusGroups = rng.sample(Object.keys(GROUP_THEMES) as TargetGroup[], rng.int(1, 3));
    const focusServices = [
      ...new Set(focusGroups.flatMap((g) => rng.sample(GROUP_THEMES[g].services, 2))),
    ] as ServiceType[];
    const crossRegion = province.meta.tier === 'east' && rng.chance(0.6);

    const charity: Charity = {
      slug,
      name,
      creditCode: creditCodeFor(rng, form, adminCode, codes),
      registrationAuthority: authority,
      registeredOn,
      recognisedOn,
      publicFundraisingSince: since,
      taxDeductible: since ? rng.chance(0.7) : rng.chance(0.15),
      rating,
      legalRepresentative: personName(rng),
      region,
      contact: {
        phone: `${province.meta.areaCode}-${local}`,
        // `.example` is a top-level domain reserved for examples (RFC 2606/6761): never registered.
        email: `${rng.pick(MAILBOXES)}@${mail}.example`,
        address: `${region.name}${district}${rng.pick(ROAD_NAMES)}${rng.int(1, 399)}号${rng.chance(0.5) ? rng.pick(BUILDINGS) : ''}`,
        ...(rng.chance(0.5) ? { website: `https://www.${mail}.example/` } : {}),
      },
      registryUrl: '',
      summary: '',
    };
    charity.registryUrl = `https://cszg.mca.gov.cn/biz/ma/csmh/a/csmhaDoSort.html?aaee0102_03=${charity.creditCode}`;
    charity.summary = charitySummary(rng, charity, form, focusGroups, crossRegion);
    drafts.push({
      charity,
      province,
      form,
      focusGroups,
      focusServices,
      crossRegion,
      prefix,
      weight: (form === 'foundation' ? 2 : form === 'association' ? 1.2 : 1) * (since ? 1 : 0.25) * rng.float(0.5, 1.5),
    });
  }
  return drafts;
}

function charitySummary(
  rng: Rng,
  c: Charity,
  form: CharityForm,
  groups: readonly TargetGroup[],
  crossRegion: boolean,
): string {
  const people = listCn(groups.map((g) => rng.pick(GROUP_THEMES[g].titles)));
  const parts = [
    `${c.name}成立于${yearOf(c.registeredOn)}年，是在${c.registrationAuthority}登记的${FORM_LABEL[form]}，${formatDate(c.recognisedOn)}被认定为慈善组织。`,
    `机构长期关注${people}，与当地民政部门和乡镇（街道）民政服务站协作，承接政府救助之外的个性化帮扶需求。`,
    crossRegion
      ? '机构积极参与东西部协作，对中西部地区特别是国家乡村振兴重点帮扶县开展点对点慈善帮扶。'
      : `项目主要在${c.region.province}的县乡开展，重点服务低保、特困等困难家庭。`,
    c.publicFundraisingSince
      ? `机构自${formatDate(c.publicFundraisingSince)}起具有公开募捐资格，每个募捐方案均在民政部门备案，按规定公开项目进展和资金使用情况。`
      : '机构目前不具有公开募捐资格，项目资金来自政府购买服务、定向捐赠和合作基金会资助，不在本门户接受公开募捐。',
  ];
  if (c.rating) parts.push(`在社会组织等级评估中获评${c.rating}级。`);
  return parts.join('');
}
