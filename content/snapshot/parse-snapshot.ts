import type { z } from 'zod';
import { ContentError, type ContentIssue, formatPath } from '../errors.ts';
import { checkReferences } from './check-references.ts';
import {
  COLLECTION_LABELS,
  COLLECTIONS,
  type CollectionName,
  OPTIONAL_LISTS,
  type Snapshot,
  seedConsentSchema,
  snapshotMetaSchema,
} from './snapshot-schema.ts';

/** `慈善项目 “slug”（projects[12]）`: how every snapshot reader names an entry in its errors. */
export function entryLabel(collection: CollectionName | 'seedConsents', index: number, raw: unknown): string {
  const slug =
    raw && typeof raw === 'object' && typeof (raw as { slug?: unknown }).slug === 'string'
      ? `“${(raw as { slug: string }).slug}”`
      : '';
  const label = collection === 'seedConsents' ? '案例同意记录' : COLLECTION_LABELS[collection];
  return `${label}${slug ? ` ${slug}` : ''}（${collection}[${index}]）`;
}

export function issuesOf(error: z.ZodError, entry: string): ContentIssue[] {
  return error.issues.map((i) => ({ entry, field: formatPath(i.path), message: i.message }));
}

/** Entries or the header failed their schemas; every snapshot reader throws the same. */
export function invalidEntries(sourceLabel: string, issues: ContentIssue[]): ContentError {
  return new ContentError('SNAPSHOT_INVALID', `${sourceLabel}校验失败，共 ${issues.length} 处问题：`, issues);
}

/** References that point at no entry in the snapshot (checkReferences). */
export function unresolvedReferences(sourceLabel: string, issues: ContentIssue[]): ContentError {
  return new ContentError('SNAPSHOT_INVALID', `${sourceLabel}中的引用无法对应，共 ${issues.length} 处问题：`, issues);
}

/**
 * Validates a snapshot entry by entry, so that every problem is reported with the entry and
 * field it belongs to, then checks that every reference (project → charity, …) resolves.
 * Throws `ContentError` with code `SNAPSHOT_INVALID`; returns the parsed snapshot otherwise.
 */
export function parseSnapshot(input: unknown, sourceLabel = '快照'): Snapshot {
  const issues: ContentIssue[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new ContentError('SNAPSHOT_INVALID', `${sourceLabel}不是一个 JSON 对象`);
  }
  const record = input as Record<string, unknown>;

  const meta = snapshotMetaSchema.safeParse(record);
  if (!meta.success) issues.push(...issuesOf(meta.error, '快照头部'));

  const out: Record<string, unknown[]> = {};
  const lists: [CollectionName | 'seedConsents', z.ZodType][] = [
    ...(Object.entries(COLLECTIONS) as [CollectionName, z.ZodType][]),
    ['seedConsents', seedConsentSchema],
  ];
  for (const [name, schema] of lists) {
    const raw = record[name] ?? (OPTIONAL_LISTS.has(name) ? [] : undefined);
    if (!Array.isArray(raw)) {
      issues.push({ entry: '快照', field: name, message: '缺少该集合，或它不是数组' });
      continue;
    }
    out[name] = raw.map((item, index) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) issues.push(...issuesOf(parsed.error, entryLabel(name, index, item)));
      return parsed.success ? parsed.data : item;
    });
  }

  if (issues.length > 0) throw invalidEntries(sourceLabel, issues);
  const snapshot = { ...meta.data, ...out } as unknown as Snapshot;
  const refIssues = checkReferences(snapshot);
  if (refIssues.length > 0) throw unresolvedReferences(sourceLabel, refIssues);
  return snapshot;
}
