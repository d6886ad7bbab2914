import { findNamesNearCues } from './pii-names.ts';
import { findNumbers } from './pii-numbers.ts';
import { findHospitalBeds, findSchoolClasses } from './pii-places.ts';

/**
 * Finds personal information that must not reach a public page (DOMAIN.md §3, PIPL): ID numbers,
 * phone numbers, bank cards, exact addresses and real names. Used at publish time in the CMS and
 * again at build time. Tuned to keep false alarms rare (dates, amounts, filing numbers, county
 * names and aliases pass), because an editor who learns to ignore it is worse than no lint.
 */
export type PiiKind =
  | 'id-number'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'exact-address'
  | 'school-class'
  | 'hospital-bed'
  | 'named-person';

export interface PiiFinding {
  kind: PiiKind;
  /** UTF-16 offsets into the input; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  message: string;
}

export const PII_MESSAGES: Record<PiiKind, string> = {
  'id-number': '疑似身份证号码',
  mobile: '疑似手机号码',
  landline: '疑似固定电话号码',
  'bank-card': '疑似银行卡号',
  'exact-address': '疑似详细地址（门牌号）',
  'school-class': '疑似具体学校班级',
  'hospital-bed': '疑似医院床号或住院号',
  'named-person': '疑似真实姓名',
};

/** When two findings overlap, the more specific kind wins. */
const PRIORITY: Record<PiiKind, number> = {
  'id-number': 6,
  'bank-card': 5,
  mobile: 4,
  landline: 3,
  'exact-address': 2,
  'school-class': 2,
  'hospital-bed': 2,
  'named-person': 1,
};

/** Horizontal spaces of every width and the invisible joiners; line breaks stay sentence breaks. */
function spaceLike(c: number): boolean {
  if (c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680) return true;
  if ((c >= 0x2000 && c <= 0x200d) || c === 0x202f || c === 0x205f || c === 0x2060) return true;
  return c === 0x3000 || c === 0xfeff;
}

/**
 * Fullwidth digits, letters and signs (０-９, Ｘ, －, （）, ＋) become ASCII, other dashes become `-`,
 * and every other kind of space (no-break, en, thin, ideographic, tab) and the zero-width
 * characters a space, so `138\u00a01234\u00a05678` and `138\u200b1234…` read as the spaced
 * numbers they show as. Each replacement is one UTF-16 unit for one, so offsets found in the
 * normalised text are offsets into the original. The fullwidth comma stays: it is never a
 * thousands separator, and mapping it would make `138…，12岁` look like one number.
 */
function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) out += String.fromCharCode(c - 0xfee0);
    else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) out += '-';
    else if (spaceLike(c)) out += ' ';
    else out += text[i];
  }
  return out;
}

const re = (source: string) => new RegExp(source, 'gu');

const HOUSE_NO = '\\d+(?:[-之]\\d+)?';
const CN_NO = '(?:\\d+|[一二三四五六七八九十]+)';
/** A road or estate name: stops at administrative units and the verbs that lead into an address. */
const PLACE_NAME = '[^\\s\\d,，。、；;:：()（）省市县区镇乡村街道住在于至到从往位的和与及是为]{1,4}';
const ESTATE = '(?:小区|花园|公寓|新村|家园|社区|大厦|苑)';
const ROOM = `(?:${HOUSE_NO}(?:号楼|栋|幢|座))?(?:${HOUSE_NO}单元)?(?:${HOUSE_NO}(?:室|号|层))?`;
const ADDRESSES = [
  // 中山路12号, 幸福巷3-2号, 长乐路123弄4号, 中山路十二号 (and the flat after it)
  re(
    `${PLACE_NAME}(?:大街|大道|胡同|路|街|巷|弄|道)(?:${HOUSE_NO}弄)?(?:${HOUSE_NO}|[一二三四五六七八九十百零〇两]+)号(?:院)?${ROOM}`,
  ),
  // 阳光小区3栋2单元501, 幸福花园12号楼
  re(`${PLACE_NAME}${ESTATE}${HOUSE_NO}(?:号楼|栋|幢|座)(?:${HOUSE_NO}单元)?(?:\\d{3,4}(?!\\d)|${HOUSE_NO}(?:室|号))?`),
  // 3号楼2单元501室, 三栋二单元 (a building and a unit together are a home)
  re(`${CN_NO}(?:号楼|栋|幢)${CN_NO}单元(?:${HOUSE_NO}(?:室|号)?)?`),
  re(`${HOUSE_NO}(?:号楼|栋|幢)${HOUSE_NO}(?:室)`),
  // 某村3组15号, 三组15号
  re(`(?:${PLACE_NAME}村)?${CN_NO}(?:组|社|队)${HOUSE_NO}号`),
  // 门牌号：幸福里8号
  re(`门牌(?:号码|号)?[^,，。；;\\n]{0,10}?${HOUSE_NO}号?`),
];

interface Candidate {
  kind: PiiKind;
  start: number;
  end: number;
}

function textCandidates(n: string): Candidate[] {
  const out: Candidate[] = [];
  for (const p of ADDRESSES) {
    for (const m of n.matchAll(p)) out.push({ kind: 'exact-address', start: m.index, end: m.index + m[0].length });
  }
  for (const s of findSchoolClasses(n)) out.push({ kind: 'school-class', ...s });
  for (const s of findHospitalBeds(n)) out.push({ kind: 'hospital-bed', ...s });
  for (const s of findNamesNearCues(n)) out.push({ kind: 'named-person', ...s });
  return out;
}

/** Findings sorted by start; overlaps are resolved in favour of the more specific, then longer one. */
export function lintPii(text: string): PiiFinding[] {
  if (!text) return [];
  const n = normalise(text);
  const candidates = [...findNumbers(n), ...textCandidates(n)].sort(
    (a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ ...c, text: text.slice(c.start, c.end), message: PII_MESSAGES[c.kind] }));
}

/** Lints several named fields at once; only fields with findings are returned, in input order. */
export function lintFields(
  fields: Record<string, string | null | undefined>,
): { field: string; findings: PiiFinding[] }[] {
  const out: { field: string; findings: PiiFinding[] }[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const findings = lintPii(value);
    if (findings.length > 0) out.push({ field, findings });
  }
  return out;
}
