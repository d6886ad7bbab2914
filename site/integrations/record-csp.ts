import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  directiveSources,
  PAGE_POLICY_FILE,
  type PagePolicy,
  pagePolicySchema,
} from '../../content/schemas/page-policy.ts';

/**
 * Records the build's page policy for the portal (content/schemas/page-policy.ts): the script-src
 * and style-src of the Content-Security-Policy <meta> Astro wrote (astro.config.mjs
 * `experimental.csp`). Astro hashes every inline script and style of the whole build into one
 * policy, so every page carries the same meta; the build checks that it does, because the portal's
 * header can carry only one, and fails rather than record a policy some page would break under.
 */
const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * The policy every page carries, or null for a build with no page at all (an API-only build, as the
 * donations route test makes): nothing to record then, and the portal keeps its strict default
 * policy (no inline script or style) for such a release.
 */
export async function pagePolicyOf(clientDir: string): Promise<PagePolicy | null> {
  let policy: string | null = null;
  let first = '';
  const files = await htmlFiles(clientDir);
  if (files.length === 0) return null;
  for (const file of files) {
    const meta = META.exec(await readFile(file, 'utf8'))?.[1];
    if (meta === undefined) throw new Error(`${file} 没有 CSP <meta>（astro.config.mjs experimental.csp）`);
    if (policy === null) {
      policy = meta;
      first = file;
    } else if (meta !== policy) {
      throw new Error(`${file} 的 CSP 与 ${first} 不同：门户的 CSP 响应头只能有一份`);
    }
  }
  const text = (policy ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  return pagePolicySchema.parse({
    scriptSrc: directiveSources(text, 'script-src'),
    styleSrc: directiveSources(text, 'style-src'),
  });
}

export function recordCsp(): AstroIntegration {
  let outDir: URL | null = null;
  return {
    name: 'xianjie:record-csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!outDir) throw new Error('astro:config:done 未运行');
        const policy = await pagePolicyOf(fileURLToPath(dir));
        if (policy === null) {
          logger.info('构建中没有页面，不记录页面 CSP');
          return;
        }
        await writeFile(join(fileURLToPath(outDir), PAGE_POLICY_FILE), `${JSON.stringify(policy, null, 2)}\n`);
        logger.info(
          `页面 CSP 已记录（${PAGE_POLICY_FILE}）：script-src ${policy.scriptSrc.length} 项，style-src ${policy.styleSrc.length} 项`,
        );
      },
    },
  };
}
