import type { AstroIntegration } from 'astro';
import { pruneShareCache, SHARE_CACHE_KEEP_DAYS, shareCacheDir } from '../lib/share-image/share-image-cache.ts';

/**
 * After a build, drops share images no build has used for SHARE_CACHE_KEEP_DAYS days
 * (lib/share-image/share-image-cache.ts), so the cache follows the content instead of growing.
 */
export function shareImageCache(): AstroIntegration {
  return {
    name: 'xianjie:share-image-cache',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const removed = await pruneShareCache(shareCacheDir());
        if (removed > 0) logger.info(`已清理 ${removed} 张超过 ${SHARE_CACHE_KEEP_DAYS} 天未使用的分享图缓存`);
      },
    },
  };
}
