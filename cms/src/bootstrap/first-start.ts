import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../config/env.ts';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';
import { seedFromFile } from './seed.ts';

/**
 * On a CMS with no charities yet, import the seed snapshot (XIANJIE_SEED_SNAPSHOT, default
 * `.data/snapshots/demo.json`), generating the demo dataset first if that file is missing.
 * Skipped with XIANJIE_SEED=off.
 */
export async function seedOnFirstStart(strapi: Core.Strapi): Promise<void> {
  const env = loadEnv();
  if (!env.seed.enabled) return;
  const charities = await strapi.db.query(STRAPI_COLLECTIONS.charities.uid).count({});
  if (charities > 0) return;

  const path = env.seed.snapshotPath;
  if (!existsSync(path)) {
    strapi.log.info(`找不到 ${path}，正在生成演示数据……`);
    // The generator is TypeScript run by tsx (a dev dependency of the repo root).
    const tsx = createRequire(join(env.cmsDir, 'package.json')).resolve('tsx/cli');
    execFileSync(process.execPath, [tsx, join('datasets', 'cli.ts'), 'demo', '--out', path], {
      cwd: env.repoRoot,
      stdio: 'inherit',
    });
  }
  strapi.log.info(`首次启动：从 ${path} 导入示例数据`);
  const result = await seedFromFile(strapi, path);
  const created = Object.values(result.created).reduce((a, b) => a + b, 0);
  strapi.log.info(`示例数据导入完成：新建 ${created} 条，用时 ${result.seconds} 秒`);
}
