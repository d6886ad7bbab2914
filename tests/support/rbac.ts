import type { CollectionName } from '../../content/snapshot/snapshot-schema.ts';
import { fromSnapshotEntry, STRAPI_COLLECTIONS } from '../../content/snapshot/strapi-mapping.ts';
import type { BootedCms } from './cms.ts';
import { FIXTURE_SNAPSHOT } from './fixture-snapshot.ts';
import { adminLogin, type DemoAccount, demoAccounts } from './http.ts';

/**
 * Helpers for the "own charity only" tests: who is who in the fixture, publishable entry data
 * derived from it, and the stored rows of a document for before/after comparisons.
 *
 * The demo accounts give charity editor 1 the first charity by slug (`gansu-cishan`, charity A,
 * which has project `minxian-zhuxue` with its disclosures and case) and editor 2 the second
 * (`lanzhou-ertong`, charity B, project `lanzhou-kangfu`).
 */

export const UID = {
  charity: STRAPI_COLLECTIONS.charities.uid,
  project: STRAPI_COLLECTIONS.projects.uid,
  disclosure: STRAPI_COLLECTIONS.disclosures.uid,
  caseSummary: STRAPI_COLLECTIONS.caseSummaries.uid,
  need: STRAPI_COLLECTIONS.needs.uid,
  award: STRAPI_COLLECTIONS.awards.uid,
} as const;

export interface Editor {
  account: DemoAccount;
  token: string;
}

/** Logs in both charity editors (A = editor of the first charity by slug) and the ministry editor. */
export async function loginEditors(cms: BootedCms): Promise<{ a: Editor; b: Editor; ministry: Editor }> {
  const accounts = demoAccounts(cms.dataDir);
  const pick = async (predicate: (a: DemoAccount) => boolean): Promise<Editor> => {
    const account = accounts.find(predicate);
    if (!account) throw new Error('缺少演示账号');
    return { account, token: await adminLogin(cms.url, account) };
  };
  return {
    a: await pick((x) => x.role === 'charityEditor' && x.charity === 'gansu-cishan'),
    b: await pick((x) => x.role === 'charityEditor' && x.charity === 'lanzhou-ertong'),
    ministry: await pick((x) => x.role === 'ministryEditor'),
  };
}

/** A new admin user holding the role with `roleCode`, logged in (for "a role like this one" tests). */
export async function loginNewAdmin(
  cms: BootedCms,
  roleCode: string,
  account: { email: string; password: string; role: DemoAccount['role'] },
  name: { firstname: string; lastname: string },
): Promise<Editor> {
  const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as {
    id: number;
  } | null;
  if (!role) throw new Error(`没有角色 ${roleCode}`);
  const users = cms.strapi.service('admin::user') as unknown as {
    create(a: Record<string, unknown>): Promise<unknown>;
  };
  await users.create({ ...name, ...account, roles: [role.id], isActive: true, registrationToken: null });
  return { account, token: await adminLogin(cms.url, account) };
}

/** slug → documentId for every collection (drafts; documentIds are shared by both versions). */
export async function documentIds(cms: BootedCms): Promise<(collection: CollectionName, slug: string) => string> {
  const map = new Map<string, string>();
  for (const [name, c] of Object.entries(STRAPI_COLLECTIONS)) {
    const rows = (await cms.strapi.db.query(c.uid).findMany({ select: ['slug', 'documentId'] })) as {
      slug: string;
      documentId: string;
    }[];
    for (const row of rows) map.set(`${name}:${row.slug}`, row.documentId);
  }
  return (collection, slug) => {
    const id = map.get(`${collection}:${slug}`);
    if (!id) throw new Error(`测试数据中没有 ${collection} ${slug}`);
    return id;
  };
}

/** Publishable Strapi data for a copy of the fixture entry `fixtureSlug`, with `overrides`. */
export function entryData(
  collection: CollectionName,
  fixtureSlug: string,
  ids: (collection: CollectionName, slug: string) => string,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const entry = (FIXTURE_SNAPSHOT[collection] as { slug: string }[]).find((e) => e.slug === fixtureSlug);
  if (!entry) throw new Error(`夹具中没有 ${collection} ${fixtureSlug}`);
  return { ...fromSnapshotEntry(collection, entry as never, ids), ...overrides };
}

/** The consent the fixture's case (a minor, published 2026-03-01) needs before it may be published. */
export const CONSENT = { recordedOn: '2026-02-01', scope: ['portal-publication'], guardian: '姑姑' };

/** Every stored row (draft and published) of a document, with its direct relations' documentIds. */
export async function storedRows(cms: BootedCms, uid: string, documentId: string): Promise<unknown[]> {
  const populate: Record<string, { select: string[] }> = {};
  const model = cms.strapi.getModel(uid as never) as { attributes: Record<string, { type: string }> };
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
  }
  return cms.strapi.db.query(uid as never).findMany({ where: { documentId }, populate, orderBy: { id: 'asc' } });
}

/** Row count of a content type (all versions). */
export function rowCount(cms: BootedCms, uid: string): Promise<number> {
  return cms.strapi.db.query(uid as never).count({});
}
