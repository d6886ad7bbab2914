import { registerCustomFieldInputs } from './custom-fields.ts';
import { withReadableCells } from './list-cells.tsx';
import { ZH_HANS } from './translations/zh-hans.ts';

/**
 * Admin panel customisation, bundled by Strapi's own Vite build (scripts/lib/build-admin.ts),
 * not by the server build. The admin speaks 简体中文: it is offered besides English and is the
 * default for anyone who has not chosen a language (the login page included); an account's own
 * choice (profile → 界面语言) still wins after login.
 */

/** Strapi's key for the admin's language in localStorage (admin/src/reducer: LANGUAGE_LOCAL_STORAGE_KEY). */
const LANGUAGE_KEY = 'strapi-admin-language';

interface AdminApp {
  customFields: Parameters<typeof registerCustomFieldInputs>[0]['customFields'];
  registerHook(name: string, fn: (args: never) => unknown): void;
}

export default {
  config: {
    locales: ['zh-Hans'],
    // What Strapi leaves in English (translations/zh-hans.ts).
    translations: { 'zh-Hans': ZH_HANS },
  },
  register(app: AdminApp) {
    // Runs before the admin reads the stored language to render its first page.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
    registerCustomFieldInputs(app);
  },
  bootstrap(app: AdminApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', withReadableCells);
  },
};
