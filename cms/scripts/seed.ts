import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildServer, ensureUploadsDir } from './lib/build-server.ts';
import { resolveFromCmsNodeModules } from './lib/module-paths.ts';

/**
 * `npm run seed --workspace cms [-- path/to/snapshot.json]`: imports a snapshot into the CMS
 * database (upsert by slug; a second run creates nothing new). Default: XIANJIE_SEED_SNAPSHOT or
 * `.data/snapshots/demo.json`; a relative path is taken from the repo root. Don't run it while
 * `cms:start` is using the same SQLite file.
 */
const cmsDir = join(__dirname, '..');

async function main(argv: readonly string[]): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  resolveFromCmsNodeModules(cmsDir);
  // The explicit import below replaces the automatic first-start one.
  process.env.XIANJIE_SEED = 'off';
  ensureUploadsDir(cmsDir);
  await buildServer(cmsDir);
  const distDir = join(cmsDir, 'dist');
  // The compiled modules, i.e. the code Strapi itself runs.
  const require = createRequire(join(distDir, 'src', 'index.js'));
  const { loadEnv } = require('../config/lib/env.js') as typeof import('../config/env.ts');
  const { seedFromFile } = require('./bootstrap/seed.js') as typeof import('../src/bootstrap/seed.ts');
  const env = loadEnv();
  const path = argv[0] ? resolve(env.repoRoot, argv[0]) : env.seed.snapshotPath;

  // Required only now: @strapi/core fixes NODE_ENV (default `development`) when it is first loaded.
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({ appDir: cmsDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const result = await seedFromFile(strapi, path, { log: (line) => console.log(line) });
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    console.log(`导入完成：新建 ${sum(result.created)} 条，更新 ${sum(result.updated)} 条，用时 ${result.seconds} 秒`);
  } finally {
    await strapi.destroy();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('导入失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
