import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

/**
 * Server build: TypeScript (ESM style) → CommonJS in `cms/dist`, which is what Strapi loads
 * (`createStrapi({ distDir })` reads `dist/config` and `dist/src`; `require()` + `exports.default`
 * interop via `importDefault`).
 *
 * - `src/lib/content.ts` is BUNDLED with everything it imports from `content/` and zod, so the
 *   CMS needs no TS loader at runtime and carries exactly one copy of the schemas.
 * - Every other file is transpiled on its own: its relative imports stay relative (with `.ts`
 *   rewritten to `.js`), packages stay `require`s resolved from `cms/node_modules`.
 * - JSON files under `src/` are copied as they are.
 *
 * A hash of all inputs is stamped into `dist/.server-hash`; `isServerBuildFresh` lets callers skip.
 */

const CONTENT_ENTRY = join('src', 'lib', 'content.ts');

/**
 * Modules in config/ that are not Strapi config files. Strapi loads every file in dist/config as a
 * config key and warns about `env.js` ("filename cannot start with environment"), so they are
 * emitted to dist/config/lib/, a folder its config loader skips.
 */
const CONFIG_HELPERS = new Set(['env.ts']);

/** Where a cms/ source file lands in dist/ (absolute, `.js`). */
function outPath(cmsDir: string, source: string): string {
  const rel = relative(cmsDir, source).replace(/\.ts$/, '.js');
  const [top, name] = rel.split(sep);
  if (top === 'config' && name && CONFIG_HELPERS.has(name.replace(/\.js$/, '.ts'))) {
    return join(cmsDir, 'dist', 'config', 'lib', name);
  }
  return join(cmsDir, 'dist', rel);
}

export function walk(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

const isTs = (f: string) => f.endsWith('.ts') && !f.endsWith('.d.ts');

/** src/admin is the admin panel's (bundled by Vite, build-admin.ts), not the server's. */
const isServerTs = (cmsDir: string) => {
  const admin = join(cmsDir, 'src', 'admin') + sep;
  return (f: string) => isTs(f) && !f.startsWith(admin);
};

function serverInputs(cmsDir: string): string[] {
  const repo = dirname(cmsDir);
  return [
    ...walk(join(cmsDir, 'config'), isTs),
    ...walk(join(cmsDir, 'src'), (f) => isServerTs(cmsDir)(f) || f.endsWith('.json')),
    ...walk(join(repo, 'content'), isTs),
    join(cmsDir, 'package.json'),
  ];
}

export function hashFiles(files: readonly string[], extra = ''): string {
  const hash = createHash('sha256').update(extra);
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const stampPath = (cmsDir: string) => join(cmsDir, 'dist', '.server-hash');

export function isServerBuildFresh(cmsDir: string): boolean {
  const stamp = stampPath(cmsDir);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === hashFiles(serverInputs(cmsDir));
}

/**
 * Packages of the root workspace the CMS uses but does not declare (its own package.json lists
 * Strapi's): bundled into the one file that imports them, so the CMS does not depend on where npm
 * hoisted them. pinyin-pro: slugs from titles (src/lib/pinyin-slug.ts).
 */
const BUNDLED_PACKAGES = new Set(['pinyin-pro']);

/** Keeps per-file output: relative `.ts` imports inside cms/ become external `.js` requires. */
function perFilePlugin(cmsDir: string): Plugin {
  return {
    name: 'xianjie-per-file',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        // A bundled package's own files, and the package itself.
        if (BUNDLED_PACKAGES.has(args.path) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
        if (!args.path.startsWith('.')) return { path: args.path, external: true };
        const target = resolve(args.resolveDir, args.path);
        const inside = [join(cmsDir, 'config'), join(cmsDir, 'src')].some((d) => target.startsWith(d + sep));
        if (!inside) {
          return {
            errors: [
              {
                text: `${args.path}：CMS 代码只能通过 src/lib/content.ts 引用 content/（见 cms/scripts/lib/build-server.ts）`,
              },
            ],
          };
        }
        let path = relative(dirname(outPath(cmsDir, args.importer)), outPath(cmsDir, target))
          .split(sep)
          .join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

export interface ServerBuildResult {
  skipped: boolean;
  seconds: number;
}

export async function buildServer(cmsDir: string, options: { force?: boolean } = {}): Promise<ServerBuildResult> {
  const started = performance.now();
  if (!options.force && isServerBuildFresh(cmsDir)) return { skipped: true, seconds: 0 };
  const dist = join(cmsDir, 'dist');
  // Only our own output is replaced; the admin build in dist/build stays.
  for (const dir of ['config', 'src']) rmSync(join(dist, dir), { recursive: true, force: true });

  const common = {
    outdir: dist,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    bundle: true,
    logLevel: 'warning',
    charset: 'utf8',
  } as const;
  const entries = [...walk(join(cmsDir, 'config'), isTs), ...walk(join(cmsDir, 'src'), isServerTs(cmsDir))];
  const contentEntry = join(cmsDir, CONTENT_ENTRY);
  const entry = (source: string) => ({ in: source, out: relative(dist, outPath(cmsDir, source)).replace(/\.js$/, '') });
  await build({ ...common, entryPoints: [entry(contentEntry)] });
  await build({
    ...common,
    entryPoints: entries.filter((f) => f !== contentEntry).map(entry),
    plugins: [perFilePlugin(cmsDir)],
  });

  for (const file of walk(join(cmsDir, 'src'), (f) => f.endsWith('.json'))) {
    const out = join(dist, relative(cmsDir, file));
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(file, out);
  }
  mkdirSync(dist, { recursive: true });
  writeFileSync(stampPath(cmsDir), hashFiles(serverInputs(cmsDir)));
  return { skipped: false, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** `cms/public/uploads` must exist before Strapi starts (STACK.md). */
export function ensureUploadsDir(cmsDir: string): void {
  const uploads = join(cmsDir, 'public', 'uploads');
  if (!existsSync(uploads) || !statSync(uploads).isDirectory()) mkdirSync(uploads, { recursive: true });
}
