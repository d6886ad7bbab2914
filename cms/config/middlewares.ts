/** Strapi's default stack (Strapi 5 project template). Our own middleware is route-level, see src/lib/core-api.ts. */
export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
