import { join } from 'node:path';
import { runScript, withLoadedStrapi } from './lib/one-off-strapi.ts';

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
  await withLoadedStrapi(cmsDir, async (strapi, compiled) => {
    const { createCharityApiToken } = compiled(
      './rbac/api-token-binding.js',
    ) as typeof import('../src/rbac/api-token-binding.ts');
    const token = await createCharityApiToken(strapi, slug, name);
    console.log(`已为慈善组织 ${token.charitySlug} 创建 API 令牌「${token.name}」（只显示这一次）：`);
    console.log(token.accessKey);
    console.log(
      '用法：Authorization: Bearer <令牌>，例如 POST /api/disclosures（默认直接发布；?status=draft 只保存草稿）',
    );
  });
}

runScript(main, '创建令牌失败');
