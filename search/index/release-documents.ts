import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../../content/index.ts';
import { searchDocumentSchema } from '../../content/search/document-schema.ts';

/**
 * The release's search documents as a file, `<release>/search-documents.json` beside its
 * `snapshot.json`. The index stage (search/index/release-index-program.ts) projects them
 * anyway for Pagefind and Meilisearch; writing them down lets the server search behind
 * /search/results/ read them instead of projecting the snapshot a second time inside the portal
 * process (seconds of synchronous work at scale, during which every request waited).
 */
export const SEARCH_DOCUMENTS_FILE = 'search-documents.json';

export const releaseDocumentsSchema = z.object({
  version: z.literal(1),
  /** The snapshot's `demo` flag: the results page says so without reading the snapshot. */
  demo: z.boolean(),
  /** The day eligibility (`acceptingDonations`, 公开募捐资格) was judged against. */
  ruleDay: isoDate,
  documents: z.array(searchDocumentSchema),
});
export type ReleaseDocuments = z.infer<typeof releaseDocumentsSchema>;

/** The documents file of the release a snapshot path belongs to (same directory). */
export const releaseDocumentsPathOf = (snapshotPath: string) => join(dirname(snapshotPath), SEARCH_DOCUMENTS_FILE);

/**
 * The release's public search config beside its documents (the same JSON as the site's
 * `search-config.json`): the server search asks Meilisearch with its search-only key.
 */
export const RELEASE_SEARCH_CONFIG_FILE = 'search-config.json';
export const releaseSearchConfigPathOf = (snapshotPath: string) =>
  join(dirname(snapshotPath), RELEASE_SEARCH_CONFIG_FILE);

export class ReleaseDocumentsError extends Error {
  constructor(
    readonly code: 'DOCUMENTS_MISSING' | 'DOCUMENTS_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'ReleaseDocumentsError';
  }
}

/**
 * Writes to a temporary name in the same directory, then renames over the target: rename(2) is
 * atomic, so a reader sees the old file, no file, or the whole new one — never half of it.
 * The text is `formatReleaseDocumentsLines`: one document per line. Returns the bytes written (the
 * prebuilt corpus, search/server/corpus-file.ts, points into them and records their SHA-256).
 */
export async function writeReleaseDocuments(path: string, content: Omit<ReleaseDocuments, 'version'>): Promise<Buffer> {
  const temp = join(dirname(path), `.${SEARCH_DOCUMENTS_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = Buffer.from(formatReleaseDocumentsLines({ version: 1, ...content }), 'utf8');
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return bytes;
}

/** How the header line ends: the documents list opens there, one document per following line. */
export const DOCUMENTS_OPENING = ',"documents":[';

/**
 * The documents file as one valid JSON document with each search document on its own line, so
 * that the portal can read it a line at a time and give the event loop back in between
 * (release-documents-lines.ts) instead of blocking for seconds in one JSON.parse + validation
 * (129 MB at scale). Any JSON reader still reads it whole. The layout, line by line:
 *
 *   {"version":1,"demo":false,"ruleDay":"2026-11-27","documents":[    the header fields, then the list
 *   {…},                                                             a document per line…
 *   {…}
 *   ]}
 *
 * (No documents: the header line, then `]}`.) JSON.stringify never puts a raw newline inside a
 * value, so a line is always a whole document.
 */
export function formatReleaseDocumentsLines(content: ReleaseDocuments): string {
  const { documents, ...meta } = content;
  const lines = [`${JSON.stringify(meta).slice(0, -1)}${DOCUMENTS_OPENING}`];
  for (const [i, doc] of documents.entries()) {
    lines.push(`${JSON.stringify(doc)}${i === documents.length - 1 ? '' : ','}`);
  }
  lines.push(']}');
  return `${lines.join('\n')}\n`;
}

/** The error for a file that cannot be opened or read (both readers say it the same way). */
export function unreadableDocuments(path: string, error: unknown): ReleaseDocumentsError {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return new ReleaseDocumentsError(
    missing ? 'DOCUMENTS_MISSING' : 'DOCUMENTS_INVALID',
    missing ? `搜索文档文件不存在：${path}` : `搜索文档文件无法读取（${path}）：${(error as Error).message}`,
  );
}

/** The error for a file whose content does not fit the schema: the first issue, with where it is. */
export function invalidDocuments(path: string, issue: z.ZodError['issues'][number] | undefined): ReleaseDocumentsError {
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '（根）';
  return new ReleaseDocumentsError(
    'DOCUMENTS_INVALID',
    `搜索文档文件格式不符（${path}）：${where} ${issue?.message ?? ''}`.trimEnd(),
  );
}

/**
 * Reads the whole file at once: what any process that is not serving requests uses, and the
 * portal's fallback for a file not in the line layout (a release written before it).
 */
export async function readReleaseDocuments(path: string): Promise<ReleaseDocuments> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadableDocuments(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReleaseDocumentsError(
      'DOCUMENTS_INVALID',
      `搜索文档文件不是有效的 JSON（${path}）：${(error as Error).message}`,
    );
  }
  const parsed = releaseDocumentsSchema.safeParse(json);
  if (!parsed.success) throw invalidDocuments(path, parsed.error.issues[0]);
  return parsed.data;
}
