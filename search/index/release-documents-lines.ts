import { createReadStream } from 'node:fs';
import type { z } from 'zod';
import { searchDocumentSchema } from '../../content/search/document-schema.ts';
import type { SearchDocument } from '../../content/search/documents.ts';
import { parseItemLine, takeLinesInSlices } from '../../content/snapshot/sliced-lines.ts';
import { DEFAULT_SLICE_MS } from '../../content/snapshot/steps.ts';
import { timeSlicer } from '../../content/snapshot/time-slices.ts';
import {
  DOCUMENTS_OPENING,
  invalidDocuments,
  type ReleaseDocuments,
  ReleaseDocumentsError,
  readReleaseDocuments,
  releaseDocumentsSchema,
  unreadableDocuments,
} from './release-documents.ts';

/**
 * The reading half of the line layout (`formatReleaseDocumentsLines`): the same documents — or
 * the same ReleaseDocumentsError — as `readReleaseDocuments`, read a line at a time with a turn
 * of the event loop every ~10 ms of work, so the portal keeps answering requests while it loads
 * 80,000 documents. Each document is checked with the same zod schema as it arrives; the first
 * issue is reported with the whole-file reader's path (`documents.12.type`) and wording, header
 * issues first, as the whole-file check orders them.
 *
 * A file not in the layout (written by an older release, by hand, pretty-printed; a line that is
 * not JSON) is read the whole-file way, which also gives the usual error for text that is not
 * JSON at all: only a good file in the layout is guaranteed to stay in slices.
 */
export interface DocumentsReadOptions {
  /** Work between two turns of the event loop, in milliseconds. */
  sliceMs?: number;
}

/** A header is a few dozen bytes; a first line longer than this is a whole-file document. */
const HEADER_LIMIT = 64 * 1024;

const headerSchema = releaseDocumentsSchema.omit({ documents: true });
type Issue = z.ZodError['issues'][number];

interface LineRead {
  header: z.infer<typeof headerSchema> | null;
  documents: SearchDocument[];
  /** The first schema issue, with its path in the whole file. */
  issue: Issue | undefined;
}

function parseHeader(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{') || !line.endsWith(DOCUMENTS_OPENING)) return null;
  let value: unknown;
  try {
    value = JSON.parse(`${line.slice(0, -DOCUMENTS_OPENING.length)}}`);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || 'documents' in value) return null;
  return value as Record<string, unknown>;
}

type State = 'header' | 'first' | 'entry' | 'close' | 'end';

/** Null when the text is not in the line layout. */
export async function parseReleaseDocumentsLines(
  chunks: AsyncIterable<string>,
  options: DocumentsReadOptions = {},
): Promise<LineRead | null> {
  const slicer = timeSlicer(options.sliceMs ?? DEFAULT_SLICE_MS);
  // Widened on purpose: `take` moves it on, which the compiler cannot see from the loop below.
  let state = 'header' as State;
  const out: LineRead = { header: null, documents: [], issue: undefined };

  /** One line; false when it is not what the layout allows here. */
  const take = (raw: string): boolean => {
    const line = raw.trim();
    if (state === 'end') return line === '';
    if (state === 'header') {
      const value = parseHeader(line);
      if (!value) return false;
      const header = headerSchema.safeParse(value);
      if (header.success) out.header = header.data;
      else out.issue = header.error.issues[0];
      state = 'first';
      return true;
    }
    if ((state === 'first' || state === 'close') && line === ']}') {
      state = 'end';
      return true;
    }
    if (state === 'close') return false;
    const entry = parseItemLine(line);
    if (!entry) return false;
    const { item, more } = entry;
    // After the first issue the file is rejected anyway: only check that the rest is JSON.
    if (!out.issue) {
      const index = out.documents.length;
      const parsed = searchDocumentSchema.safeParse(item);
      if (parsed.success) out.documents.push(parsed.data);
      else {
        const first = parsed.error.issues[0];
        out.issue = first && { ...first, path: ['documents', index, ...first.path] };
      }
    }
    state = more ? 'entry' : 'close';
    return true;
  };

  if (!(await takeLinesInSlices(chunks, take, slicer, HEADER_LIMIT))) return null;
  return state === 'end' ? out : null;
}

/**
 * `readReleaseDocuments` for the portal: a file in the line layout is read in slices, any other
 * file the whole-file way. Same result, same errors (DOCUMENTS_MISSING / DOCUMENTS_INVALID).
 */
export async function readReleaseDocumentsIncrementally(
  path: string,
  options: DocumentsReadOptions = {},
): Promise<ReleaseDocuments> {
  const chunks = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let read: LineRead | null;
  try {
    read = await parseReleaseDocumentsLines(chunks, options);
  } catch (error) {
    // Opening or reading failed (ENOENT, EACCES, EISDIR…): say so as readReleaseDocuments does.
    if (error instanceof ReleaseDocumentsError) throw error;
    throw unreadableDocuments(path, error);
  } finally {
    chunks.destroy();
  }
  if (!read) return readReleaseDocuments(path);
  if (read.issue || !read.header) throw invalidDocuments(path, read.issue);
  return { ...read.header, documents: read.documents };
}
