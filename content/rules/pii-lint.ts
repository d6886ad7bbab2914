import { isIsoDate } from '../schemas/common.ts';
import { isCreditCode } from './credit-code.ts';
import { isResidentIdNumber } from './id-number.ts';
import { passesLuhn } from './luhn.ts';
import { findNamesNearCues } from './pii-names.ts';
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

/**
 * Fullwidth digits, letters and signs (０-９, Ｘ, －, （）, ＋) become ASCII, other dashes become `-`
 * and the ideographic space a space. Each replacement is one UTF-16 unit for one, so offsets found
 * in the normalised text are offsets into the original. The fullwidth comma stays: it is never a
 * thousands separator, and mapping it would make `138…，12岁` look like one number.
 */
function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) out += String.fromCharCode(c - 0xfee0);
    else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) out += '-';
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
// `u` so that a character outside the BMP is one character; indices stay UTF-16 offsets.
const re = (source: string) => new RegExp(source, 'gu');

// A letter may touch an ID (`ID110…`): with a checksum and a birth date it is specific enough.
const ID_PATTERNS = [
  re(`(?<!\\d)[1-9]\\d{16}[\\dXx]${E}`),
  re(`(?<!\\d)[1-9]\\d{5}([ -])\\d{8}\\1\\d{3}[\\dXx]${E}`),
  re(`(?<!\\d)[1-9]\\d{5}([ -])\\d{4}\\1\\d{4}\\1\\d{3}[\\dXx]${E}`),
];
/** 15-digit IDs (before 1999) have no check digit, so they are flagged only after an ID cue. */
const OLD_ID = re(`${B}[1-8]\\d{14}${E}`);
const MOBILE = re(`(?<![0-9A-Za-z+])(?:(?:\\+|00)?86[ -]?|\\(\\+?86\\)[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}${E}`);
const LANDLINES = [
  re(`${B}0(?:10|2\\d)[ -]?[2-9]\\d{7}${E}`),
  re(`${B}0[3-9]\\d{2}[ -]?[2-9]\\d{6,7}${E}`),
  re(`\\(0(?:10|2\\d)\\)[ -]?[2-9]\\d{7}${E}`),
  re(`\\(0[3-9]\\d{2}\\)[ -]?[2-9]\\d{6,7}${E}`),
];
const CARDS = [re(`${B}\\d{16,19}${E}`), re(`${B}\\d{4}([ -])\\d{4}(?:\\1\\d{4}){1,2}(?:\\1\\d{1,4})?${E}`)];

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

const PERSONAL_CUE =
  /身份证(?:号码|编号|号)?|证件号码?|电话(?:号码)?|手机(?:号码|号)?|联系方式|卡号|银行卡|账号|帐号|开户/g;
const OTHER_CUE = /备案编号|备案号|订单号|交易号|流水号|单号|编号|票据号|文号|信用代码|登记证号|证书号/g;
const ID_CUE = /身份证|证件号/;

/** The few characters before `start`, back to the start of the sentence. */
function leadIn(n: string, start: number, width = 12): string {
  const ctx = n.slice(Math.max(0, start - width), start);
  const cut = Math.max(...['。', '；', ';', '\n'].map((c) => ctx.lastIndexOf(c)));
  return ctx.slice(cut + 1);
}

/** True when the nearest label before the number says it is an order, filing or document number. */
function labelledNonPersonal(n: string, start: number): boolean {
  const ctx = leadIn(n, start);
  let last = -1;
  let personal = false;
  for (const m of ctx.matchAll(PERSONAL_CUE)) {
    last = Math.max(last, m.index + m[0].length);
    personal = true;
  }
  for (const m of ctx.matchAll(OTHER_CUE)) {
    const end = m.index + m[0].length;
    if (end > last) {
      last = end;
      personal = false;
    }
  }
  return last >= 0 && !personal;
}

/** A number that is part of an amount (12,000.00元, ￥1380…, 13800000000分) is not a phone or card. */
function partOfAmount(n: string, start: number, end: number): boolean {
  if (/\d[.,]$/.test(n.slice(Math.max(0, start - 2), start)) || /^[.,]\d/.test(n.slice(end, end + 2))) return true;
  if (/[¥￥$]\s*$/.test(n.slice(Math.max(0, start - 3), start))) return true;
  return /^\s*(?:元|分|角|万|亿|块|%|‰|美元)/.test(n.slice(end, end + 4));
}

interface Candidate {
  kind: PiiKind;
  start: number;
  end: number;
}

function* matches(n: string, patterns: RegExp[]): Generator<{ start: number; end: number; digits: string }> {
  for (const p of patterns) {
    for (const m of n.matchAll(p)) {
      yield { start: m.index, end: m.index + m[0].length, digits: m[0].replace(/[^\dXx]/g, '').toUpperCase() };
    }
  }
}

function numberCandidates(n: string): Candidate[] {
  const out: Candidate[] = [];
  const usable = (s: number, e: number) => !partOfAmount(n, s, e) && !labelledNonPersonal(n, s);
  for (const m of matches(n, ID_PATTERNS)) {
    if (isResidentIdNumber(m.digits)) out.push({ kind: 'id-number', start: m.start, end: m.end });
  }
  for (const m of matches(n, [OLD_ID])) {
    const birth = `19${m.digits.slice(6, 8)}-${m.digits.slice(8, 10)}-${m.digits.slice(10, 12)}`;
    if (isIsoDate(birth) && ID_CUE.test(leadIn(n, m.start)))
      out.push({ kind: 'id-number', start: m.start, end: m.end });
  }
  for (const m of matches(n, [MOBILE])) {
    if (usable(m.start, m.end)) out.push({ kind: 'mobile', start: m.start, end: m.end });
  }
  for (const m of matches(n, LANDLINES)) {
    if (usable(m.start, m.end)) out.push({ kind: 'landline', start: m.start, end: m.end });
  }
  for (const m of matches(n, CARDS)) {
    const d = m.digits;
    if (d.length < 16 || d.length > 19 || !passesLuhn(d) || isResidentIdNumber(d) || !usable(m.start, m.end)) continue;
    // Card numbers start with 3–6 or 9 (UnionPay 62…, Visa 4…); other long numbers are usually
    // order numbers or timestamps, unless a card cue says otherwise.
    const cued = /卡号|银行卡|账号|帐号|开户/.test(leadIn(n, m.start));
    if (!cued && (!/^[3-69]/.test(d) || isCreditCode(d))) continue;
    out.push({ kind: 'bank-card', start: m.start, end: m.end });
  }
  return out;
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
  const candidates = [...numberCandidates(n), ...textCandidates(n)].sort(
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
