import type { FieldLabels } from '../schemas/correction.ts';
import { DISCLOSURE_FIELD_LABELS } from '../schemas/disclosure.ts';
import { PROJECT_FIELD_LABELS } from '../schemas/project.ts';

/**
 * What a correction note says changed: the public fields whose values differ between the
 * published version and the new one. Pure, so the CMS (which records the note at publish) and
 * tests share it. Works on content/ entries as validated or as mapped from Strapi
 * (`toSnapshotEntry`): both sides must come from the same mapping.
 */

/** The collections whose published entries carry correction notes. */
export const CORRECTION_FIELD_LABELS = {
  projects: PROJECT_FIELD_LABELS,
  disclosures: DISCLOSURE_FIELD_LABELS,
} as const satisfies Record<string, FieldLabels>;
export type CorrectedCollection = keyof typeof CORRECTION_FIELD_LABELS;

export function isCorrectedCollection(collection: string | undefined): collection is CorrectedCollection {
  return collection !== undefined && Object.hasOwn(CORRECTION_FIELD_LABELS, collection);
}

/** JSON with object keys sorted and `undefined` left out: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every labelled field of `entry` as canonical JSON, by path. A group (`plan`) is recorded as
 * present or absent, and its labelled members only when it is present, so a plan added or
 * removed is one change (`plan`) and an edit inside it names the member (`plan.goalFen`).
 */
export function correctionFieldValues(
  collection: CorrectedCollection,
  entry: Record<string, unknown>,
): Record<string, string> {
  const labels = CORRECTION_FIELD_LABELS[collection];
  const groups = new Set(
    Object.keys(labels)
      .filter((p) => p.includes('.'))
      .map((p) => p.slice(0, p.indexOf('.'))),
  );
  const out: Record<string, string> = {};
  for (const path of Object.keys(labels)) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      const value = entry[path];
      out[path] = groups.has(path) ? (isRecord(value) ? '"present"' : '"absent"') : canonicalJson(value);
      continue;
    }
    const group = entry[path.slice(0, dot)];
    if (isRecord(group)) out[path] = canonicalJson(group[path.slice(dot + 1)]);
  }
  return out;
}

/**
 * The paths whose values differ between two `correctionFieldValues` results (or two maps of
 * their digests), in label order. A member of a group that appeared or disappeared is not named
 * on its own: the group is.
 */
export function changedFields(
  collection: CorrectedCollection,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string[] {
  const changed: string[] = [];
  for (const path of Object.keys(CORRECTION_FIELD_LABELS[collection])) {
    if (before[path] === after[path]) continue;
    const dot = path.indexOf('.');
    if (dot >= 0 && changed.includes(path.slice(0, dot))) continue;
    changed.push(path);
  }
  return changed;
}

/** The Chinese words for a changed field (`plan.goalFen` → 募捐目标金额); an unknown path as it is. */
export function correctionFieldLabel(collection: CorrectedCollection, path: string): string {
  return (CORRECTION_FIELD_LABELS[collection] as FieldLabels)[path] ?? path;
}

/** `['title', 'body']` → `标题、正文`. */
export function describeChangedFields(collection: CorrectedCollection, fields: readonly string[]): string {
  return fields.map((f) => correctionFieldLabel(collection, f)).join('、');
}
