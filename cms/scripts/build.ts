import { join } from 'node:path';
import { buildAdmin } from './lib/build-admin.ts';
import { buildServer, ensureUploadsDir } from './lib/build-server.ts';

/**
 * `npm run cms:build`: server code (esbuild, ~1 s) and admin panel (Vite, ~45 s, only when its
 * inputs changed). `--force` rebuilds both; `--server-only` skips the admin panel.
 */
const cmsDir = join(__dirname, '..');

async function main(argv: readonly string[]): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  const force = argv.includes('--force');
  ensureUploadsDir(cmsDir);
  const server = await buildServer(cmsDir, { force });
  console.log(server.skipped ? 'CMS 服务端代码已是最新' : `CMS 服务端代码已构建（${server.seconds} 秒）`);
  if (argv.includes('--server-only')) return;
  const admin = await buildAdmin(cmsDir, { force });
  console.log(admin.skipped ? 'CMS 管理后台已是最新' : `CMS 管理后台已构建（${admin.seconds} 秒）`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('CMS 构建失败：', error);
    process.exit(1);
  },
);
