import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isAdminBuildFresh } from './lib/build-admin.ts';
import { buildServer, ensureUploadsDir } from './lib/build-server.ts';
import { resolveFromCmsNodeModules } from './lib/module-paths.ts';

/**
 * `npm run cms:start`: builds what is stale (cheap when nothing changed), then starts Strapi on
 * the compiled output with the admin panel. The first start on an empty database imports the
 * demo data and creates the demo accounts (src/bootstrap/).
 */
const cmsDir = join(__dirname, '..');

async function main(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  resolveFromCmsNodeModules(cmsDir);
  ensureUploadsDir(cmsDir);
  const server = await buildServer(cmsDir);
  if (!server.skipped) console.log(`CMS 服务端代码已构建（${server.seconds} 秒）`);
  if (!isAdminBuildFresh(cmsDir)) {
    // In a child process: the Vite build needs ~2 GB that the server should not keep.
    const tsx = createRequire(join(cmsDir, 'package.json')).resolve('tsx/cli');
    execFileSync(process.execPath, [tsx, join(cmsDir, 'scripts', 'build.ts')], { cwd: cmsDir, stdio: 'inherit' });
  }
  // Required only now: @strapi/core fixes NODE_ENV (default `development`) when it is first loaded.
  const { createStrapi } = createRequire(join(cmsDir, 'package.json'))(
    '@strapi/strapi',
  ) as typeof import('@strapi/strapi');
  await createStrapi({
    appDir: cmsDir,
    distDir: join(cmsDir, 'dist'),
    autoReload: false,
    serveAdminPanel: true,
  }).start();
}

main().catch((error: unknown) => {
  console.error('CMS 启动失败：', error);
  process.exit(1);
});
