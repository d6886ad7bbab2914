import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion, type Metafile } from 'esbuild';
import { z } from 'zod';
import { REPO_ROOT } from '../config.ts';
import { PROGRAMS } from '../programs.ts';

/**
 * The portal's programs as JavaScript for plain `node` (what `npm start` runs; tsx stays for
 * development and tests). Every program of publisher/programs.ts is an entry point of one esbuild
 * build — ESM, Node 20, our TypeScript bundled with shared chunks, every package left as an import
 * from the repository's node_modules (native better-sqlite3, pg, astro, Strapi: nothing of theirs is
 * re-bundled) — into one folder, `.data/dist/<key>/`, and the CMS's start script (cms/scripts/start.ts)
 * beside them as `cms-start.cjs`, CommonJS like the Strapi code it starts.
 *
 * `<key>` hashes every source file the last build read (esbuild's metafile), the lockfile, this
 * file, esbuild's version and the checkout's path. A new file can only matter once an existing one
 * imports it, and that one's hash changes, so the list from the last build is enough to tell
 * whether it is still current: a start with nothing changed hashes ~400 files and reuses it.
 * `.data/dist/current` points to the folder in use; a build goes to a temporary folder renamed
 * into place, so two starts at once cannot see half a build.
 */
export const DIST_DIR = join(REPO_ROOT, '.data', 'dist');
const CURRENT = join(DIST_DIR, 'current');
const MANIFEST = 'build.json';
/** Folders kept besides the current one: a portal still running from an older build loads chunks lazily. */
const KEEP_OLDER = 2;

const manifestSchema = z.object({ key: z.string(), inputs: z.array(z.string()), builtAt: z.string() });

export interface BuiltPrograms {
  /** The folder with `start.js` and the other programs. */
  dir: string;
  /** False when the last build was still current. */
  built: boolean;
  seconds: number;
}

/** Source files whose content is part of every key, besides what the build itself read. */
const ALWAYS = ['package-lock.json', 'package.json', fileURLToPath(import.meta.url)];

function keyOf(inputs: readonly string[]): string {
  const hash = createHash('sha256').update(`${REPO_ROOT}\0esbuild ${esbuildVersion}\0`);
  for (const file of [...ALWAYS, ...inputs]) {
    const path = resolve(REPO_ROOT, file);
    hash.update(file).update('\0');
    // A source deleted since the last build makes that build stale.
    hash.update(existsSync(path) ? readFileSync(path) : 'missing').update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function currentBuild(): Promise<{ dir: string; key: string } | null> {
  try {
    const dir = join(DIST_DIR, await readlink(CURRENT));
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')));
    return keyOf(manifest.inputs) === manifest.key ? { dir, key: manifest.key } : null;
  } catch {
    return null;
  }
}

const inputsOf = (metafile: Metafile) => Object.keys(metafile.inputs).filter((f) => !f.includes('node_modules/'));

async function buildInto(outdir: string): Promise<string[]> {
  const common = {
    absWorkingDir: REPO_ROOT,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    charset: 'utf8',
  } as const;
  const programs = await build({
    ...common,
    entryPoints: Object.entries(PROGRAMS).map(([name, source]) => ({ in: source, out: name })),
    format: 'esm',
    splitting: true,
    // Flat: a program finds its siblings beside its own module (publisher/programs.ts).
    chunkNames: 'chunk-[hash]',
  });
  const cmsDir = join(REPO_ROOT, 'cms');
  const cms = await build({
    ...common,
    entryPoints: [{ in: 'cms/scripts/start.ts', out: 'cms-start' }],
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // The script finds the CMS from its own folder; built, it lives here, so that folder is named.
    define: { __dirname: JSON.stringify(join(cmsDir, 'scripts')) },
  });
  return [...new Set([...inputsOf(programs.metafile), ...inputsOf(cms.metafile)])].sort();
}

async function prune(keep: string): Promise<void> {
  const dirs = (await readdir(DIST_DIR, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && e.name !== keep && !e.name.startsWith('.tmp-'),
  );
  const dated = await Promise.all(
    dirs.map(async (e) => ({ name: e.name, mtime: (await stat(join(DIST_DIR, e.name))).mtimeMs })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const old of dated.slice(KEEP_OLDER)) await rm(join(DIST_DIR, old.name), { recursive: true, force: true });
}

/** The current build, made first when a source changed (or `force`). */
export async function buildPrograms(options: { force?: boolean } = {}): Promise<BuiltPrograms> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const existing = options.force ? null : await currentBuild();
  if (existing) return { dir: existing.dir, built: false, seconds: seconds() };

  await mkdir(DIST_DIR, { recursive: true });
  const tmp = join(DIST_DIR, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const inputs = await buildInto(tmp);
    const key = keyOf(inputs);
    await writeFile(join(tmp, MANIFEST), JSON.stringify({ key, inputs, builtAt: new Date().toISOString() }, null, 2));
    const dir = join(DIST_DIR, key);
    // Another start may have built the same sources meanwhile: theirs is as good as ours.
    if (existsSync(dir)) await rm(tmp, { recursive: true, force: true });
    else await rename(tmp, dir);
    const link = `${CURRENT}.${process.pid}`;
    await rm(link, { force: true });
    await symlink(key, link);
    await rename(link, CURRENT);
    await prune(key);
    return { dir, built: true, seconds: seconds() };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force');
  buildPrograms({ force }).then(
    (result) => {
      process.stdout.write(
        result.built
          ? `门户程序已构建为 JavaScript（${result.seconds} 秒）：${result.dir}\n`
          : `门户程序的 JavaScript 已是最新：${result.dir}\n`,
      );
    },
    (error: unknown) => {
      process.stderr.write(`构建门户程序失败：${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
