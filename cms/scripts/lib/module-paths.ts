import Module from 'node:module';
import { delimiter, join } from 'node:path';

/**
 * npm hoists @strapi/core to the repo root's node_modules but keeps @strapi/strapi and
 * @strapi/plugin-users-permissions in cms/node_modules (they need cms's React 18; the root has
 * React 19). Core then resolves both by bare name from its own location
 * (`loaders/plugins/get-enabled-plugins.js`): `require.resolve('@strapi/strapi/package.json')`
 * throws, and `require('@strapi/plugin-users-permissions/package.json')` fails SILENTLY, so the
 * plugin would just be missing. Known workspace/hoisting problem:
 * https://github.com/strapi/strapi/issues/20298 and https://github.com/strapi/strapi/issues/16407.
 *
 * Fix without touching the install: put cms/node_modules on Node's global lookup path (NODE_PATH)
 * for this process before Strapi is required. Affects CommonJS `require` only, which is how
 * Strapi loads everything.
 */
export function resolveFromCmsNodeModules(cmsDir: string): void {
  const dir = join(cmsDir, 'node_modules');
  const current = (process.env.NODE_PATH ?? '').split(delimiter).filter(Boolean);
  if (current.includes(dir)) return;
  process.env.NODE_PATH = [dir, ...current].join(delimiter);
  // Re-reads NODE_PATH into Module.globalPaths (Node reads it only at startup).
  (Module as unknown as { _initPaths(): void })._initPaths();
}
