import type { Core } from '@strapi/strapi';
import { loadEnv } from '../config/env.ts';
import { describeAccounts, ensureDemoAccounts } from './bootstrap/demo-accounts.ts';
import { seedOnFirstStart } from './bootstrap/first-start.ts';
import { ensurePublicPermissions } from './bootstrap/public-permissions.ts';
import { ensureEditorRoles } from './bootstrap/roles.ts';
import { ensurePublisherWebhook } from './bootstrap/webhooks.ts';
import { publishValidation } from './document-middleware/publish-validation.ts';

export default {
  /** Document Service middlewares must be registered here: later is too late for some callers. */
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(publishValidation(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    const roleIds = await ensureEditorRoles(strapi);
    await seedOnFirstStart(strapi);
    await ensurePublisherWebhook(strapi);
    if (loadEnv().demoAccounts.enabled) {
      const result = await ensureDemoAccounts(strapi, roleIds);
      for (const line of describeAccounts(result)) strapi.log.info(line);
    }
  },
};
