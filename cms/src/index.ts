import type { Core } from '@strapi/strapi';
import { loadEnv } from '../config/env.ts';
import { describeAccounts, ensureDemoAccounts } from './bootstrap/demo-accounts.ts';
import { seedOnFirstStart } from './bootstrap/first-start.ts';
import { ensurePublicPermissions } from './bootstrap/public-permissions.ts';
import { secureEditorRoles } from './bootstrap/secure-roles.ts';
import { ensurePublisherWebhook } from './bootstrap/webhooks.ts';
import { registerCustomFields } from './custom-fields/register.ts';
import { publishValidation } from './document-middleware/publish-validation.ts';
import { applyEditViews } from './edit-views/apply-views.ts';
import { registerOwnCharityConditions } from './rbac/conditions.ts';
import { ownerGuard } from './rbac/owner-guard-middleware.ts';
import { registerReportCondition } from './reports/report-access.ts';
import { bootstrapReports } from './reports/report-admin.ts';
import { reportGuard } from './reports/report-guard.ts';
import { assertTeamModerationPermissions, registerTeamModerationCondition } from './teams/team-moderation-access.ts';
import { teamModerationGuard } from './teams/team-moderation-guard.ts';

export default {
  /**
   * Document Service middlewares must be registered here: later is too late for some callers.
   * RBAC conditions too: the condition provider refuses them once Strapi is loaded, and the roles
   * written in bootstrap must find them registered.
   */
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before Strapi resolves the schemas' `customField` attributes, right after this phase.
    registerCustomFields(strapi);
    await registerOwnCharityConditions(strapi);
    await registerReportCondition(strapi);
    await registerTeamModerationCondition(strapi);
    // Order matters: the first registered runs outermost. The owner guard refuses another
    // charity's entry before publish validation looks at it, and wraps it in its transaction.
    strapi.documents.use(ownerGuard(strapi));
    strapi.documents.use(publishValidation(strapi));
    strapi.documents.use(reportGuard(strapi));
    strapi.documents.use(teamModerationGuard(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Chinese labels, help texts, list columns and forms, from src/edit-views at every start.
    await applyEditViews(strapi);
    await ensurePublicPermissions(strapi);
    // Refuses to start when a role was widened while the CMS ran or reaches every charity's
    // entries; otherwise (re)writes the editor roles from roles.ts.
    const roleIds = await secureEditorRoles(strapi);
    await bootstrapReports(strapi, roleIds);
    await assertTeamModerationPermissions(strapi, roleIds);
    await seedOnFirstStart(strapi);
    await ensurePublisherWebhook(strapi);
    if (loadEnv().demoAccounts.enabled) {
      const result = await ensureDemoAccounts(strapi, roleIds);
      for (const line of describeAccounts(result)) strapi.log.info(line);
    }
  },
};
