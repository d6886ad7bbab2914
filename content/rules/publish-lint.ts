import type { ContentIssue } from '../errors.ts';
import type { CollectionName } from '../snapshot/snapshot-schema.ts';
import { lintPii } from './pii-lint.ts';

/**
 * Which free-text fields of each published type are checked for personal information before
 * publish (CMS lifecycle) and again at build. Paths are dotted; `[]` walks every array item.
 * Charities are organisations whose contact is meant to be public, so they are not linted.
 */
export const PII_LINTED_FIELDS: Record<CollectionName, readonly string[]> = {
  charities: [],
  projects: [
    'title',
    'summary',
    'story',
    'plan.beneficiaryScope',
    'plan.beneficiarySelection',
    'plan.purpose',
    'plan.useOfFunds',
    'corrections[].reason',
  ],
  disclosures: ['title', 'body', 'expenses[].item', 'corrections[].reason'],
  caseSummaries: ['alias', 'situation', 'governmentAssistance', 'charityHelp', 'outcome'],
  needs: ['title', 'description'],
  typicalCases: ['title', 'summary', 'body'],
  awards: ['citation'],
  campaigns: ['description'],
};

/**
 * Keeps about a third of the match (at most 3 characters) so the error does not itself repeat
 * the personal information in logs and on the editor's screen: `13812345678` → `138…`, `张三` → `张…`.
 */
export function maskPii(text: string): string {
  const keep = Math.min(3, Math.max(1, Math.floor(text.length / 3)));
  return `${text.slice(0, keep)}…`;
}

/** Every string at `path` inside `value`, with its concrete dotted path (`expenses[2].item`). */
function stringsAt(value: unknown, segments: string[], prefix: string): { field: string; text: string }[] {
  if (segments.length === 0) return typeof value === 'string' ? [{ field: prefix, text: value }] : [];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = segments as [string, ...string[]];
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  const child = (value as Record<string, unknown>)[key];
  const path = prefix ? `${prefix}.${key}` : key;
  if (!isArray) return stringsAt(child, rest, path);
  if (!Array.isArray(child)) return [];
  return child.flatMap((item, i) => stringsAt(item, rest, `${path}[${i}]`));
}

/**
 * PII issues in one entry of a collection, one per finding. `entry` is left empty: the caller
 * knows how to name the entry (CMS form, snapshot index).
 */
export function lintEntryText(collection: CollectionName, entry: Record<string, unknown>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const path of PII_LINTED_FIELDS[collection]) {
    for (const { field, text } of stringsAt(entry, path.split('.'), '')) {
      for (const f of lintPii(text)) issues.push({ entry: '', field, message: `${f.message}：“${maskPii(f.text)}”` });
    }
  }
  return issues;
}
