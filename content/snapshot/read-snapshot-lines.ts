import type { z } from 'zod';
import type { ContentIssue } from '../errors.ts';
import { checkReferencesSliced } from './check-references.ts';
import { entryLabel, invalidEntries, issuesOf, unresolvedReferences } from './parse-snapshot.ts';
import { parseItemLine, takeLinesInSlices } from './sliced-lines.ts';
import {
  COLLECTIONS,
  OPTIONAL_LISTS,
  type Snapshot,
  seedConsentSchema,
  snapshotMetaSchema,
} from './snapshot-schema.ts';
import { DEFAULT_SLICE_MS, type TimeSlicer } from './steps.ts';
import { timeSlicer } from './time-slices.ts';
import { SNAPSHOT_LISTS, type SnapshotListName } from './write-snapshot.ts';

/**
 * The reading half of the line layout (write-snapshot.ts): chunks of text in, the same Snapshot
 * — or the same ContentError — that `parseSnapshot(JSON.parse(text))` gives, out. The work is cut
 * into slices of about `sliceMs`, with a turn of the event loop between them, so the portal keeps
 * answering requests while it loads a 96 MB snapshot.
 *
 * Returns `null` when the text is not in the line layout (a file written by hand, pretty-printed,
 * or by an older release; a line that is not what the layout allows there): the caller then reads
 * it the whole-file way, which also gives the usual error for text that is not JSON at all.
 */
export interface LineReadOptions {
  /** Work between two turns of the event loop, in milliseconds. */
  sliceMs?: number;
}

/**
 * A header is a few hundred bytes, or some tens of KB with the referral aggregates
 * (snapshot-schema.ts `referralAggregates`); a first line longer than this is a whole-file document.
 */
const HEADER_LIMIT = 1024 * 1024;

const SCHEMAS: Record<SnapshotListName, z.ZodType> = { ...COLLECTIONS, seedConsents: seedConsentSchema };
const LIST_NAMES = new Set<string>(SNAPSHOT_LISTS);

function parseHeader(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{') || !line.endsWith(',')) return null;
  let value: unknown;
  try {
    value = JSON.parse(`${line.slice(0, -1)}}`);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if (Object.keys(value).some((key) => LIST_NAMES.has(key))) return null;
  return value as Record<string, unknown>;
}

const OPEN = /^"([A-Za-z]+)":\[(\]?)([,}]?)$/;

type State = 'header' | 'open' | 'first' | 'entry' | 'close' | 'end';

export async function parseSnapshotLines(
  chunks: AsyncIterable<string>,
  sourceLabel: string,
  options: LineReadOptions = {},
): Promise<Snapshot | null> {
  const slicer = timeSlicer(options.sliceMs ?? DEFAULT_SLICE_MS);
  // Widened on purpose: `take` moves it on, which the compiler cannot see from the loop below.
  let state = 'header' as State;
  let header: Record<string, unknown> = {};
  const lists = new Map<SnapshotListName, unknown[]>();
  const listIssues = new Map<SnapshotListName, ContentIssue[]>();
  let current: { name: SnapshotListName; items: unknown[]; issues: ContentIssue[] } | null = null;

  /** One line; false when it is not what the layout allows here. */
  const take = (raw: string): boolean => {
    const line = raw.trim();
    if (state === 'end') return line === '';
    if (state === 'header') {
      const parsed = parseHeader(line);
      if (!parsed) return false;
      header = parsed;
      state = 'open';
      return true;
    }
    if (state === 'open') {
      const match = OPEN.exec(line);
      const name = match?.[1];
      if (!match || !name || !LIST_NAMES.has(name) || lists.has(name as SnapshotListName)) return false;
      const list = name as SnapshotListName;
      const items: unknown[] = [];
      lists.set(list, items);
      const issues: ContentIssue[] = [];
      listIssues.set(list, issues);
      if (match[2] === ']') {
        if (match[3] === '') return false;
        state = match[3] === '}' ? 'end' : 'open';
      } else {
        if (match[3] !== '') return false;
        current = { name: list, items, issues };
        state = 'first';
      }
      return true;
    }
    if (!current) return false;
    if ((state === 'first' || state === 'close') && (line === '],' || line === ']}')) {
      current = null;
      state = line === ']}' ? 'end' : 'open';
      return true;
    }
    if (state === 'close') return false;
    const entry = parseItemLine(line);
    if (!entry) return false;
    const { item, more } = entry;
    const index = current.items.length;
    const parsed = SCHEMAS[current.name].safeParse(item);
    if (!parsed.success) current.issues.push(...issuesOf(parsed.error, entryLabel(current.name, index, item)));
    current.items.push(parsed.success ? parsed.data : item);
    state = more ? 'entry' : 'close';
    return true;
  };

  if (!(await takeLinesInSlices(chunks, take, slicer, HEADER_LIMIT))) return null;
  if (state !== 'end') return null;

  return assemble(header, lists, listIssues, sourceLabel, slicer);
}

/** The whole-snapshot checks of parseSnapshot, in its order: header, lists, then references. */
async function assemble(
  header: Record<string, unknown>,
  lists: Map<SnapshotListName, unknown[]>,
  listIssues: Map<SnapshotListName, ContentIssue[]>,
  sourceLabel: string,
  slicer: TimeSlicer,
): Promise<Snapshot> {
  const issues: ContentIssue[] = [];
  const meta = snapshotMetaSchema.safeParse(header);
  if (!meta.success) issues.push(...issuesOf(meta.error, '快照头部'));
  const out: Record<string, unknown[]> = {};
  for (const name of SNAPSHOT_LISTS) {
    const items = lists.get(name) ?? (OPTIONAL_LISTS.has(name) ? [] : undefined);
    if (!items) {
      issues.push({ entry: '快照', field: name, message: '缺少该集合，或它不是数组' });
      continue;
    }
    issues.push(...(listIssues.get(name) ?? []));
    out[name] = items;
  }
  if (issues.length > 0) throw invalidEntries(sourceLabel, issues);
  const snapshot = { ...meta.data, ...out } as unknown as Snapshot;
  const refIssues = await checkReferencesSliced(snapshot, slicer);
  if (refIssues.length > 0) throw unresolvedReferences(sourceLabel, refIssues);
  return snapshot;
}
