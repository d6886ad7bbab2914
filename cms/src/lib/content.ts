import { z } from 'zod';

/**
 * The CMS's single door to `content/`. `cms/scripts/build.ts` BUNDLES this file (with zod) into
 * `dist/src/lib/content.js`; every other CMS file is transpiled on its own and requires this one,
 * so there is exactly one copy of the schemas and of zod at runtime.
 *
 * zod speaks Chinese here: type errors ("expected string, received null") reach editors.
 */
z.config(z.locales.zhCN());

export * from '../../../content/index.ts';
export { demoSnapshotPath, resolveDataDir } from '../../../content/node/env.ts';
export * from '../../../content/node/read-snapshot.ts';
export { lintEntryText } from '../../../content/rules/publish-lint.ts';
export * from '../../../content/snapshot/strapi-mapping.ts';
export { z };
