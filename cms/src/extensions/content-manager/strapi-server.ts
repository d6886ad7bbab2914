import { type ContentManagerPlugin, hardenContentManager } from '../../rbac/content-manager-access.ts';

/**
 * Strapi's plugin-extension hook (`src/extensions/<plugin>/strapi-server`, run on the plugin
 * before it registers): the content-manager judges related entries and relation filters by their
 * own permission, and checks the entries of two bulk read actions (src/rbac/content-manager-access.ts).
 */
export default (plugin: ContentManagerPlugin): ContentManagerPlugin => hardenContentManager(plugin);
