import { join, resolve } from 'node:path';
import { runScript, withLoadedStrapi } from './lib/one-off-strapi.ts';

/**
 * `npm run seed --workspace cms [-- path/to/snapshot.json]`: imports a snapshot into the CMS
 * database (upsert by slug; a second run creates nothing new). Default: XIANJIE_SEED_SNAPSHOT or
 * `.data/snapshots/demo.json`; a relative path is taken from the repo root. Don't run it while
 * `cms:start` is using the same SQLite file. `--resume` leaves entries that already exist untouched
 * (finishing a stopped import).
 */
const cmsDir = join(__dirname, '..');

async function main(argv: readonly string[]): Promise<void> {
  await withLoadedStrapi(cmsDir, async (strapi, compiled) => {
    const { loadEnv } = compiled('../config/lib/env.js') as typeof import('../config/env.ts');
    const { seedFromFile } = compiled('./bootstrap/seed.js') as typeof import('../src/bootstrap/seed.ts');
    const env = loadEnv();
    const resume = argv.includes('--resume');
    const file = argv.find((a) => !a.startsWith('--'));
    const path = file ? resolve(env.repoRoot, file) : env.seed.snapshotPath;
    const result = await seedFromFile(strapi, path, { log: (line) => console.log(line), resume });
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    console.log(
      `导入完成：新建 ${sum(result.created)} 条，更新 ${sum(result.updated)} 条，保留 ${sum(result.skipped)} 条，用时 ${result.seconds} 秒`,
    );
  });
}

runScript(main, '导入失败');
