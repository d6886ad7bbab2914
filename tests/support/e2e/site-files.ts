import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Walks the built client output, for budgets that hold over every page rather than a sample. */
export async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path, ext)));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

export async function sizeOf(path: string): Promise<number> {
  return (await stat(path)).size;
}

export async function textOf(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** `/projects/x/` for `<client>/projects/x/index.html`. */
export function urlPathOf(clientDir: string, file: string): string {
  return `/${relative(clientDir, file).replace(/index\.html$/, '')}`;
}
