/**
 * Admin panel customisation, bundled by Strapi's own Vite build (scripts/lib/build-admin.ts),
 * not by the server build. Offers 简体中文 besides English; the demo accounts use it by default.
 */
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap() {},
};
