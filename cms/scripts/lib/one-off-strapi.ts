import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { buildServer, ensureUploadsDir } from './build-server.ts';
import { resolveFromCmsNodeModules } from './module-paths.ts';

/** Loads a module of the compiled CMS (`dist/src/…`), i.e. the code Strapi itself runs. */
export type CompiledRequire = (id: string) => unknown;

/**
 * Runs `work` against a loaded (not listening) Strapi on the CMS database, then shuts it down.
 * For one-off scripts (seed, charity tokens) that must not run beside `cms:start` on the same
 * SQLite file. The automatic first-start seed is off: a script never imports a snapshot as a side
 * effect.
 */
export async function withLoadedStrapi<T>(
  cmsDir: string,
  work: (strapi: Core.Strapi, compiled: CompiledRequire) => Promise<T>,
): Promise<T> {
  process.env.NODE_ENV ??= 'production';
  resolveFromCmsNodeModules(cmsDir);
  process.env.XIANJIE_SEED = 'off';
  ensureUploadsDir(cmsDir);
  await buildServer(cmsDir);
  const distDir = join(cmsDir, 'dist');
  const compiled = createRequire(join(distDir, 'src', 'index.js'));
  // Required only now: @strapi/core fixes NODE_ENV (default `development`) when it is first loaded.
  const { createStrapi } = compiled('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({ appDir: cmsDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    return await work(strapi, compiled);
  } finally {
    await strapi.destroy();
  }
}

/** Runs a script's `main` with the process arguments and exits 0, or 1 with `failure：message`. */
export function runScript(main: (argv: readonly string[]) => Promise<void>, failure: string): void {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`${failure}：`, error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
