import { factories, type UID } from '@strapi/strapi';

/**
 * Core controllers, services and routers for our content types. Every read route runs
 * `global::force-published` (src/middlewares/force-published.ts) after authentication, so an
 * anonymous `?status=draft` still gets published entries only.
 */
export const FORCE_PUBLISHED = 'global::force-published';

export function coreRouter(uid: UID.ContentType) {
  return factories.createCoreRouter(uid, {
    config: {
      find: { middlewares: [FORCE_PUBLISHED] },
      findOne: { middlewares: [FORCE_PUBLISHED] },
    },
  });
}

export function coreController(uid: UID.ContentType) {
  return factories.createCoreController(uid);
}

export function coreService(uid: UID.ContentType) {
  return factories.createCoreService(uid);
}
