import {
  AGE_BANDS,
  AWARD_CATEGORIES,
  AWARDEE_KINDS,
  CONSENT_SCOPES,
  DISCLOSURE_KINDS,
  EXPENSE_CATEGORIES,
  NEED_STATUSES,
  PARTNER_TYPES,
  PROJECT_STATUSES,
  RATINGS,
  SERVICE_TYPES,
  TARGET_GROUPS,
} from './content.ts';

/**
 * content/'s vocabularies (key → Chinese label), so that a message about a value can name the
 * allowed ones the way editors read them, with the key a program sends: `项目进展（progress）`.
 */
export const RATING_LABELS: Readonly<Record<string, string>> = Object.fromEntries(RATINGS.map((r) => [r, `${r}级`]));

const VOCABULARIES: readonly Readonly<Record<string, string>>[] = [
  TARGET_GROUPS,
  SERVICE_TYPES,
  AGE_BANDS,
  DISCLOSURE_KINDS,
  EXPENSE_CATEGORIES,
  PROJECT_STATUSES,
  PARTNER_TYPES,
  NEED_STATUSES,
  AWARD_CATEGORIES,
  AWARDEE_KINDS,
  CONSENT_SCOPES,
  RATING_LABELS,
];

/** The vocabulary whose keys are exactly `keys` (a zod enum's options), if content/ has one. */
export function vocabularyOf(keys: readonly unknown[]): Readonly<Record<string, string>> | undefined {
  return VOCABULARIES.find((v) => {
    const own = Object.keys(v);
    return own.length === keys.length && keys.every((k) => typeof k === 'string' && Object.hasOwn(v, k));
  });
}

/** `应为以下之一：项目进展（progress）、资金使用（fund-usage）……` */
export function allowedValues(labels: Readonly<Record<string, string>>): string {
  return `应为以下之一：${Object.entries(labels)
    .map(([key, label]) => (label === key ? key : `${label}（${key}）`))
    .join('、')}`;
}

/**
 * What is wrong with `value` for a field of this vocabulary, after `what` (content/'s own words,
 * e.g. `未知的帮扶对象类别`) when there are any: `未知的帮扶对象类别“poor”，应为以下之一：……`.
 */
export function notAllowed(value: unknown, labels: Readonly<Record<string, string>>, what?: string): string {
  const shown = typeof value === 'string' || typeof value === 'number' ? `“${value}”` : '';
  return `${what ? `${what}${shown}` : `${shown || '该值'}不是可选的值`}，${allowedValues(labels)}`;
}
