import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One file of a built release, as bytes; gzipped files appear a second time, unpacked. */
export interface ReleaseFile {
  path: string;
  bytes: Buffer;
}

/**
 * Every file under `dir` (a release directory, its pages, open data, feeds, search documents and
 * server bundle), for scans that a string appears nowhere. Gzipped files (Pagefind's fragments,
 * precompressed siblings) are searched unpacked too.
 */
export async function releaseFiles(dir: string): Promise<ReleaseFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: ReleaseFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const bytes = await readFile(path);
    out.push({ path, bytes });
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        out.push({ path: `${path} (gunzip)`, bytes: gunzipSync(bytes) });
      } catch {
        // Not gzip after all: searched as it is.
      }
    }
  }
  return out;
}
