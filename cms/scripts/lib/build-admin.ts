import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hashFiles, walk } from './build-server.ts';

/**
 * Admin panel build (Vite, ~45 s, ~2 GB) into `dist/build`, where Strapi's admin serves it from
 * (`<distDir>/build`, see @strapi/admin serve-admin-panel).
 *
 * Why not `strapi build`: the CLI looks for a tsconfig.json upwards from cms/ (TypeScript's
 * findConfigFile), finds the repo root's, then tries to compile the whole repo with it and
 * derives the output dir from it. So we run the same three steps it runs — build context,
 * static client files, Vite build — with our own Strapi instance (appDir cms/, distDir
 * cms/dist). These are internal modules of @strapi/strapi, loaded by file path because the
 * package's `exports` hides them; @strapi/strapi is pinned to exactly 5.54.0 (STACK.md), so
 * check these three paths when upgrading it.
 *
 * Rebuilt only when its inputs change: Strapi's version, cms/package.json, the config files the
 * admin bundle bakes in (admin path and URLs), src/admin and what it imports from src/ and content/.
 */

const INTERNALS = {
  buildContext: 'dist/src/node/create-build-context.js',
  staticFiles: 'dist/src/node/staticFiles.js',
  vite: 'dist/src/node/vite/build.js',
  logger: 'dist/src/cli/utils/logger.js',
} as const;

function adminInputs(cmsDir: string): string[] {
  const files = ['package.json', 'config/admin.ts', 'config/server.ts', 'config/plugins.ts'].map((f) =>
    join(cmsDir, f),
  );
  files.push(...walk(join(cmsDir, 'src', 'admin'), (f) => /\.(ts|tsx|json)$/.test(f)));
  // The custom fields' names, shared with the server.
  files.push(join(cmsDir, 'src', 'custom-fields', 'names.ts'));
  // The money reader and formatter, shared with the site (cms/src/admin/money.ts imports them).
  files.push(...['money.ts', 'yuan-text.ts'].map((f) => join(cmsDir, '..', 'content', 'contracts', f)));
  return files;
}

function adminHash(cmsDir: string, strapiVersion: string): string {
  return hashFiles(adminInputs(cmsDir), `@strapi/strapi@${strapiVersion}`);
}

export interface AdminBuildResult {
  skipped: boolean;
  seconds: number;
}

function stampOf(cmsDir: string): { stamp: string; hash: string; strapiDir: string } {
  const strapiDir = dirname(createRequire(join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json'));
  const version = (JSON.parse(readFileSync(join(strapiDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { stamp: join(cmsDir, 'dist', '.admin-hash'), hash: adminHash(cmsDir, version), strapiDir };
}

export function isAdminBuildFresh(cmsDir: string): boolean {
  const { stamp, hash } = stampOf(cmsDir);
  return (
    existsSync(join(cmsDir, 'dist', 'build', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash
  );
}

/**
 * Builds in THIS process: it creates a (config-only) Strapi instance, which registers SIGINT/SIGTERM
 * handlers and keeps ~2 GB of heap around, so a server process should run `scripts/build.ts` as a
 * child instead (see start.ts).
 */
export async function buildAdmin(cmsDir: string, options: { force?: boolean } = {}): Promise<AdminBuildResult> {
  const started = performance.now();
  const distDir = join(cmsDir, 'dist');
  if (!options.force && isAdminBuildFresh(cmsDir)) return { skipped: true, seconds: 0 };
  const { stamp, hash, strapiDir } = stampOf(cmsDir);
  const require = createRequire(join(cmsDir, 'package.json'));

  const load = <T>(path: string): T => require(join(strapiDir, path)) as T;
  const { createBuildContext } = load<{ createBuildContext(o: Record<string, unknown>): Promise<unknown> }>(
    INTERNALS.buildContext,
  );
  const { writeStaticClientFiles } = load<{ writeStaticClientFiles(ctx: unknown): Promise<void> }>(
    INTERNALS.staticFiles,
  );
  const { build } = load<{ build(ctx: unknown): Promise<void> }>(INTERNALS.vite);
  const { createLogger } = load<{ createLogger(o: Record<string, unknown>): unknown }>(INTERNALS.logger);
  const { createStrapi } = require('@strapi/strapi') as {
    createStrapi(o: Record<string, unknown>): unknown;
  };

  // Rollup resolves the build context's entry (`.strapi/client/app.js`) against the process cwd.
  const cwd = process.cwd();
  process.chdir(cmsDir);
  try {
    // Only configuration is loaded (no register/bootstrap, no database connection).
    const strapi = createStrapi({ appDir: cmsDir, distDir, autoReload: false, serveAdminPanel: false });
    const logger = createLogger({ debug: false, silent: false, timestamp: false });
    const ctx = await createBuildContext({
      cwd: cmsDir,
      logger,
      strapi,
      options: { bundler: 'vite', minify: true, sourcemap: false, stats: false },
    });
    await writeStaticClientFiles(ctx);
    await build(ctx);
  } finally {
    process.chdir(cwd);
  }
  writeFileSync(stamp, hash);
  return { skipped: false, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
