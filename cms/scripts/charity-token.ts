import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildServer, ensureUploadsDir } from './lib/build-server.ts';
import { resolveFromCmsNodeModules } from './lib/module-paths.ts';

/**
 * `npm run --workspace cms charity-token -- <charity-slug> [token-name]`: creates a Content API
 * token that can write only that charity's projects, disclosures and case summaries (and read
 * their drafts), and prints it once. Strapi keeps only a hash; a lost token is revoked in
 * Settings → API Tokens and a new one created. Don't run it while `cms:start` uses the same
 * SQLite file.
 */
const cmsDir = join(__dirname, '..');

async function main(argv: readonly string[]): Promise<void> {
  const [slug, name] = argv;
  if (!slug) throw new Error('用法：npm run --workspace cms charity-token -- <慈善组织 slug> [令牌名称]');
  process.env.NODE_ENV ??= 'production';
  resolveFromCmsNodeModules(cmsDir);
  // Never import a snapshot as a side effect of creating a token.
  process.env.XIANJIE_SEED = 'off';
  ensureUploadsDir(cmsDir);
  await buildServer(cmsDir);
  const distDir = join(cmsDir, 'dist');
  // The compiled modules, i.e. the code Strapi itself runs.
  const require = createRequire(join(distDir, 'src', 'index.js'));
  const { createCharityApiToken } =
    require('./rbac/api-token-binding.js') as typeof import('../src/rbac/api-token-binding.ts');
  // Required only now: @strapi/core fixes NODE_ENV (default `development`) when it is first loaded.
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({ appDir: cmsDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const token = await createCharityApiToken(strapi, slug, name);
    console.log(`已为慈善组织 ${token.charitySlug} 创建 API 令牌「${token.name}」（只显示这一次）：`);
    console.log(token.accessKey);
    console.log(
      '用法：Authorization: Bearer <令牌>，例如 POST /api/disclosures（默认直接发布；?status=draft 只保存草稿）',
    );
  } finally {
    await strapi.destroy();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('创建令牌失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
