import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../content/index.ts';
import { searchDocumentSchema } from './document-schema.ts';

/**
 * The release's search documents as a file, `<release>/search-documents.json` beside its
 * `snapshot.json`. The index stage (publisher/releases/index-release-child.ts) projects them
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
 */
export async function writeReleaseDocuments(path: string, content: Omit<ReleaseDocuments, 'version'>): Promise<void> {
  const temp = join(dirname(path), `.${SEARCH_DOCUMENTS_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, JSON.stringify({ version: 1, ...content } satisfies ReleaseDocuments));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readReleaseDocuments(path: string): Promise<ReleaseDocuments> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ReleaseDocumentsError(
      missing ? 'DOCUMENTS_MISSING' : 'DOCUMENTS_INVALID',
      missing ? `搜索文档文件不存在：${path}` : `搜索文档文件无法读取（${path}）：${(error as Error).message}`,
    );
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
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '（根）';
    throw new ReleaseDocumentsError(
      'DOCUMENTS_INVALID',
      `搜索文档文件格式不符（${path}）：${where} ${issue?.message ?? ''}`.trimEnd(),
    );
  }
  return parsed.data;
}
