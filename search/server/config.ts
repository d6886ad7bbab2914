import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
// Not through search/index's face: that carries Pagefind and the Meilisearch admin client, which
// have no place in the results page's server bundle.
import { RELEASE_SEARCH_CONFIG_FILE, SEARCH_DOCUMENTS_FILE } from '../index/release-documents.ts';

/**
 * Where the server search finds the live release's files — its own small config, so that it reads
 * release files and never another room's config (DESIGN.md). In order:
 *
 * 1. `XIANJIE_RELEASE_DIR`: the live release directory. The portal sets it to
 *    `<data>/releases/current` (publisher/portal.ts), the link each release switch moves, so the
 *    results page follows the switch without a restart.
 * 2. `CONTENT_SOURCE=file:<snapshot.json>` (a development server over a snapshot file): that
 *    snapshot, and the documents and search config beside it if an index step wrote them there.
 * 3. `<XIANJIE_DATA_DIR, default .data>/releases/current`: what `npm start` published last (and
 *    what `publisher/serve/serve-release.ts` serves).
 *
 * In the release directory: `search-documents.json` (the index stage's documents),
 * `search-config.json` (Meilisearch's host, index and search-only key) and `snapshot.json` (the
 * fallback for a release without documents).
 */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const envSchema = z.object({
  XIANJIE_RELEASE_DIR: optionalText,
  CONTENT_SOURCE: optionalText,
  XIANJIE_DATA_DIR: optionalText,
});

export interface ServerSearchFiles {
  /** The release's snapshot: projected in this process only when the documents file is missing. */
  snapshotPath: string;
  /** `search-documents.json` (search/index's release documents). */
  documentsPath: string;
  /** `search-config.json`: the public search config the release's index stage wrote. */
  searchConfigPath: string;
}

export function readServerSearchFiles(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ServerSearchFiles {
  const e = envSchema.parse(env);
  const contentFile = e.CONTENT_SOURCE?.startsWith('file:') ? e.CONTENT_SOURCE.slice('file:'.length) : undefined;
  if (!e.XIANJIE_RELEASE_DIR && contentFile) {
    const snapshotPath = resolve(cwd, contentFile);
    return beside(dirname(snapshotPath), snapshotPath);
  }
  const releaseDir = resolve(
    cwd,
    e.XIANJIE_RELEASE_DIR ?? join(resolve(cwd, e.XIANJIE_DATA_DIR ?? '.data'), 'releases', 'current'),
  );
  return beside(releaseDir, join(releaseDir, 'snapshot.json'));
}

const beside = (dir: string, snapshotPath: string): ServerSearchFiles => ({
  snapshotPath,
  documentsPath: join(dir, SEARCH_DOCUMENTS_FILE),
  searchConfigPath: join(dir, RELEASE_SEARCH_CONFIG_FILE),
});
