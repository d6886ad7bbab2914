import type { AstroIntegration } from 'astro';

/**
 * zod without `new Function` in every browser bundle. zod 4 decides per object schema, when the
 * schema is BUILT, whether to compile a fast parser with `new Function` (after a probe that is
 * itself an eval). Under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is refused
 * and reported as a violation. `config({ jitless: true })` in an island only helps the schemas
 * built after it runs, so which island happened to load first decided whether a page reported a
 * violation (a shared chunk built schemas before the donate flow's jitless import ran: CSP e2e,
 * after the after-gift, monthly and campaign islands were added).
 *
 * The setting lives in one object zod keeps on `globalThis.__zod_globalConfig`
 * (zod/v4/core/core.js); this integration makes the client build create that object with
 * `jitless: true`, so no schema in the browser is ever compiled, whatever the import order.
 * Server code is untouched (it runs without a CSP and keeps the fast parsers). The build fails if a
 * zod update moves the line, rather than silently shipping the probe again.
 */
const CREATE = '(_a.__zod_globalConfig = {})';

export function zodJitless(): AstroIntegration {
  return {
    name: 'xianjie:zod-jitless',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'xianjie:zod-jitless',
                enforce: 'pre',
                transform(code, id, options) {
                  if (options?.ssr || !/[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return null;
                  if (!code.includes(CREATE)) {
                    throw new Error(`zod 的全局配置写法已变（${id}），请更新 site/integrations/zod-jitless.ts`);
                  }
                  return { code: code.replace(CREATE, '(_a.__zod_globalConfig = { jitless: true })'), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
