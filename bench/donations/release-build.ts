import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measureBuild } from '../measure-build.ts';

/**
 * The site built the way the publisher builds a release (`astro build --outDir <release>/site`,
 * `CONTENT_SOURCE=file:<snapshot>`), so the benchmark can serve its API through the server bundle
 * production mounts. Kept under `.data/bench/donations/release/` (inside the repo: the server
 * chunks resolve the repo's node_modules) and rebuilt when a source of the API routes is newer
 * (the pages' code does not change what the API does; `--build always` rebuilds regardless).
 */
const SOURCES = ['donations', 'content', 'site/pages/api', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export interface ReleaseBuild {
  /** The release directory: `site/server/entry.mjs` inside it. */
  dir: string;
  built: boolean;
  seconds: number;
}

export async function ensureReleaseBuild(
  root: string,
  workDir: string,
  snapshotPath: string,
  mode: 'auto' | 'always' | 'never',
): Promise<ReleaseBuild> {
  const dir = join(workDir, 'release');
  const entry = join(dir, 'site', 'server', 'entry.mjs');
  const have = existsSync(entry);
  if (mode === 'never' && !have) throw new Error(`--reuse-build：没有可用的构建（${entry}）`);
  const stale = !have || Math.max(...SOURCES.map((s) => newestMtime(join(root, s)))) > statSync(entry).mtimeMs;
  if (mode === 'never' || (mode === 'auto' && !stale)) return { dir, built: false, seconds: 0 };
  await rm(dir, { recursive: true, force: true });
  process.stdout.write('构建站点（生产所用的 Astro 服务端包）……\n');
  const { seconds } = await measureBuild(
    join(root, 'node_modules', '.bin', 'astro'),
    ['build', '--outDir', join(dir, 'site')],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_SOURCE: `file:${snapshotPath}` },
      logFile: join(workDir, 'site-build.log'),
    },
  );
  return { dir, built: true, seconds };
}
