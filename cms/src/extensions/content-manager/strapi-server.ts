import { type ContentManagerPlugin, hardenContentManager } from '../../rbac/content-manager-access.ts';
import { withPinyinUids } from './pinyin-uid.ts';

/**
 * Strapi's plugin-extension hook (`src/extensions/<plugin>/strapi-server`, run on the plugin
 * before it registers): the content-manager judges related entries and relation filters by their
 * own permission, and checks the entries of two bulk read actions (src/rbac/content-manager-access.ts);
 * slugs are generated from the Chinese title's pinyin (pinyin-uid.ts).
 */
export default (plugin: ContentManagerPlugin): ContentManagerPlugin => {
  plugin.services.uid = withPinyinUids(plugin.services.uid);
  return hardenContentManager(plugin);
};
