import type { Core } from '@strapi/strapi';
import { charitiesEditedBy } from './charity-access.ts';
import { type OwnedCollection, ownerCondition } from './ownership.ts';

/**
 * Admin RBAC conditions "own charity only" (Community Edition supports custom conditions).
 *
 * A condition's handler runs when Strapi builds a user's ability (once per admin request, with
 * the user as argument) and returns a filter. The content-manager uses it twice: as a query
 * filter for lists (`permissionChecker.sanitizedQuery`, so editors only see their charity's
 * entries) and in memory (sift) against the loaded entry for read/update/delete/publish. For the
 * in-memory check it populates every relation the filter names (`populateFromQuery`), nested
 * ones included, so `project.charity.documentId` works for disclosures and case summaries.
 *
 * The handler looks the user's charities up itself and filters by their documentIds, rather than
 * filtering on `charity.editors.id`: a condition on `editors` makes the content-manager populate
 * the editors, i.e. leak other editors' e-mail addresses into responses (STACK.md).
 *
 * What conditions can NOT do (content-manager, Strapi 5.54): check create, check the NEW version
 * of an update, check the source of a clone. owner-guard-middleware.ts closes those.
 *
 * Registered in `register()`: the provider refuses registrations once Strapi is loaded, and a
 * role permission naming an unregistered condition is silently stored WITHOUT it (i.e.
 * unrestricted) — role-conditions-check.ts refuses to start in that case.
 */

/** Condition names; Strapi prefixes them with `api::` (no plugin). */
const NAMES: Record<OwnedCollection, string> = {
  charities: 'own-charity',
  projects: 'own-charity-project',
  disclosures: 'own-charity-disclosure',
  caseSummaries: 'own-charity-case-summary',
};

export const OWN_CHARITY_CONDITIONS: Record<OwnedCollection, string> = {
  charities: `api::${NAMES.charities}`,
  projects: `api::${NAMES.projects}`,
  disclosures: `api::${NAMES.disclosures}`,
  caseSummaries: `api::${NAMES.caseSummaries}`,
};

const DISPLAY_NAMES: Record<OwnedCollection, string> = {
  charities: '本组织（编辑所属的慈善组织）',
  projects: '本组织的项目',
  disclosures: '本组织项目的信息公开',
  caseSummaries: '本组织项目的帮扶案例',
};

interface ConditionProvider {
  registerMany(conditions: Record<string, unknown>[]): Promise<unknown>;
  has(id: string): boolean;
}

export function conditionProvider(strapi: Core.Strapi): ConditionProvider {
  return (strapi.service('admin::permission') as unknown as { conditionProvider: ConditionProvider }).conditionProvider;
}

export async function registerOwnCharityConditions(strapi: Core.Strapi): Promise<void> {
  const conditions = (Object.keys(NAMES) as OwnedCollection[]).map((collection) => ({
    name: NAMES[collection],
    displayName: DISPLAY_NAMES[collection],
    category: '衔接',
    // `user` is the admin user (for an admin token: its owner). A user without a charity gets a
    // condition that matches nothing (not `false`, which would drop the permission and hide the
    // whole type): their lists are empty and every entry answers 403.
    handler: async (user: { id: number | string }) =>
      ownerCondition(collection, await charitiesEditedBy(strapi, user.id)),
  }));
  await conditionProvider(strapi).registerMany(conditions);
}
