import { isCreditCode } from './credit-code.ts';
import { idBirthDate, isResidentIdNumber } from './id-number.ts';
import { passesLuhn } from './luhn.ts';
import { cardCued, idCued, labelledNonPersonal } from './pii-cues.ts';

/**
 * The numbers that point at a person: ID numbers, mobile and landline phones, bank cards. Works
 * on text already normalised by `pii-lint.ts` (fullwidth digits are ASCII, every kind of space
 * is one space). Offsets are UTF-16 offsets into that text.
 */
export type NumberKind = 'id-number' | 'mobile' | 'landline' | 'bank-card';

export interface NumberSpan {
  kind: NumberKind;
  start: number;
  end: number;
}

const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
// `u` so that a character outside the BMP is one character; indices stay UTF-16 offsets.
const re = (source: string) => new RegExp(source, 'gu');

/**
 * A separator between digit groups, captured so the next one must be the same: one or more
 * spaces, or a hyphen or dot with spaces around it or not (`110105 1949…`, `138 - 1234 - 5678`).
 */
const SEP = '( +| *[-.] *)';

// ID-shaped runs: 15 (pre-1999), 17 (a truncation) or 18 characters, whole or grouped 6-8-4 /
// 6-4-4-4 (15: 6-6-3). A letter may touch one (`ID110…`): a checksum or an ID label and a birth
// date make it specific enough.
const ID_SHAPES = [
  re(`(?<!\\d)[1-9]\\d{14}(?:\\d{2}[\\dXx]?)?${E}`),
  re(`(?<!\\d)[1-9]\\d{5}${SEP}\\d{8}\\1\\d{3}[\\dXx]?${E}`),
  re(`(?<!\\d)[1-9]\\d{5}${SEP}\\d{4}\\1\\d{4}\\1\\d{3}[\\dXx]?${E}`),
  re(`(?<!\\d)[1-9]\\d{5}${SEP}\\d{6}\\1\\d{3}${E}`),
];

/** Between the groups of a phone number: spaces, or a hyphen with spaces around it or not. */
const GAP = '(?: +| *- *)?';
// 138 1234 5678, 138-1234-5678, 138.1234.5678 (dots only both times: `138.12` is an amount).
const MOBILE = re(
  `(?<![0-9A-Za-z+])(?:(?:\\+|00)?86${GAP}|\\(\\+?86\\)${GAP})?1[3-9]\\d(?:${GAP}\\d{4}${GAP}|\\.\\d{4}\\.)\\d{4}${E}`,
);
const LANDLINES = [
  re(`${B}0(?:10|2\\d)${GAP}[2-9]\\d{7}${E}`),
  re(`${B}0[3-9]\\d{2}${GAP}[2-9]\\d{6,7}${E}`),
  re(`\\(0(?:10|2\\d)\\)${GAP}[2-9]\\d{7}${E}`),
  re(`\\(0[3-9]\\d{2}\\)${GAP}[2-9]\\d{6,7}${E}`),
];
const CARDS = [re(`${B}\\d{16,19}${E}`), re(`${B}\\d{4}( +| *- *)\\d{4}(?:\\1\\d{4}){1,2}(?:\\1\\d{1,4})?${E}`)];

/** A number that is part of an amount (12,000.00元, ￥1380…, 13800000000分) is not a phone or card. */
function partOfAmount(n: string, start: number, end: number): boolean {
  if (/\d[.,]$/.test(n.slice(Math.max(0, start - 2), start)) || /^[.,]\d/.test(n.slice(end, end + 2))) return true;
  if (/[¥￥$]\s*$/.test(n.slice(Math.max(0, start - 3), start))) return true;
  return /^\s*(?:元|分|角|万|亿|块|%|‰|美元)/.test(n.slice(end, end + 4));
}

function* matches(n: string, patterns: RegExp[]): Generator<{ start: number; end: number; digits: string }> {
  for (const p of patterns) {
    for (const m of n.matchAll(p)) {
      yield { start: m.index, end: m.index + m[0].length, digits: m[0].replace(/[^\dXx]/g, '').toUpperCase() };
    }
  }
}

/**
 * An ID number: an 18-character one with the right check character anywhere; after an ID label
 * (身份证号, 证件号码 …) any 15-, 17- or 18-character run with a real birth date, because a wrong
 * or missing check digit is a typo or a truncation, not a reason to publish the rest.
 */
function idNumbers(n: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of matches(n, ID_SHAPES)) {
    const proven = m.digits.length === 18 && isResidentIdNumber(m.digits);
    const cued = !proven && idBirthDate(m.digits) !== null && idCued(n, m.start) && !partOfAmount(n, m.start, m.end);
    if (proven || cued) out.push({ kind: 'id-number', start: m.start, end: m.end });
  }
  return out;
}

function phones(n: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  const usable = (s: number, e: number) => !partOfAmount(n, s, e) && !labelledNonPersonal(n, s);
  for (const m of matches(n, [MOBILE])) {
    if (usable(m.start, m.end)) out.push({ kind: 'mobile', start: m.start, end: m.end });
  }
  for (const m of matches(n, LANDLINES)) {
    if (usable(m.start, m.end)) out.push({ kind: 'landline', start: m.start, end: m.end });
  }
  return out;
}

function cards(n: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of matches(n, CARDS)) {
    const d = m.digits;
    if (d.length < 16 || d.length > 19 || !passesLuhn(d) || isResidentIdNumber(d)) continue;
    if (partOfAmount(n, m.start, m.end) || labelledNonPersonal(n, m.start)) continue;
    // Card numbers start with 3–6 or 9 (UnionPay 62…, Visa 4…); other long numbers are usually
    // order numbers or timestamps, unless a card label says otherwise.
    if (!cardCued(n, m.start) && (!/^[3-69]/.test(d) || isCreditCode(d))) continue;
    out.push({ kind: 'bank-card', start: m.start, end: m.end });
  }
  return out;
}

export function findNumbers(n: string): NumberSpan[] {
  return [...idNumbers(n), ...phones(n), ...cards(n)];
}
