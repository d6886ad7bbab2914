import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkShareImages } from '../lib/share-image/link-share-images.ts';
import { pruneShareCache, SHARE_CACHE_KEEP_DAYS, shareCacheDir } from '../lib/share-image/share-image-cache.ts';

/**
 * After a build: hard-links the built share images to their cache files (link-share-images.ts), so
 * unchanged cards cost a release no disk, then drops share images no build has used for
 * SHARE_CACHE_KEEP_DAYS days (share-image-cache.ts), so the cache follows the content instead of
 * growing. Neither fails the build: a release with copies instead of links is still correct.
 */
export function shareImageCache(): AstroIntegration {
  return {
    name: 'xianjie:share-image-cache',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const cacheDir = shareCacheDir();
        try {
          const { linked, bytes } = await linkShareImages(fileURLToPath(dir), cacheDir);
          if (linked > 0) logger.info(`${linked} 张分享图与缓存共用文件，省下 ${Math.round(bytes / 1024)} KB`);
        } catch (error) {
          logger.warn(`分享图未能与缓存共用文件，保留副本：${(error as Error).message}`);
        }
        const removed = await pruneShareCache(cacheDir);
        if (removed > 0) logger.info(`已清理 ${removed} 张超过 ${SHARE_CACHE_KEEP_DAYS} 天未使用的分享图缓存`);
      },
    },
  };
}
