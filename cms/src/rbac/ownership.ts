import type { CollectionName } from '../lib/content.ts';

/**
 * Which charity owns an entry: the one idea behind the RBAC conditions (conditions.ts), the
 * write guard (owner-guard-middleware.ts) and the draft filter for charity API tokens.
 *
 * - a charity owns itself;
 * - a project belongs to `project.charity`;
 * - a disclosure or case summary belongs to the charity of `project`.
 * A disclosure's `corrects`, when set, must point at a disclosure of an allowed charity too (a
 * charity may only correct its own disclosures).
 *
 * Charities are named by `documentId`, not row `id`: Strapi 5 keeps a draft and a published row
 * per document and gives the published row a new id on every publish, while the documentId of
 * both rows stays the same. Pure data and functions: no Strapi import, so it is unit-testable.
 */

export type OwnedCollection = Extract<CollectionName, 'charities' | 'projects' | 'disclosures' | 'caseSummaries'>;

export const OWNED_COLLECTIONS: readonly OwnedCollection[] = ['charities', 'projects', 'disclosures', 'caseSummaries'];

export function isOwnedCollection(collection: CollectionName | undefined): collection is OwnedCollection {
  return collection !== undefined && (OWNED_COLLECTIONS as readonly string[]).includes(collection);
}

/** Attribute path from an entry to its owning charity's documentId. */
export const OWNER_PATH: Record<OwnedCollection, readonly string[]> = {
  charities: ['documentId'],
  projects: ['charity', 'documentId'],
  disclosures: ['project', 'charity', 'documentId'],
  caseSummaries: ['project', 'charity', 'documentId'],
};

/** Optional relations that, when set, must lead to an allowed charity as well. */
export const LINKED_OWNER_PATHS: Partial<Record<OwnedCollection, readonly (readonly string[])[]>> = {
  disclosures: [['corrects', 'project', 'charity', 'documentId']],
};

/**
 * Inverse sides of the ownership relations. Connecting something here re-parents ANOTHER entry
 * (e.g. `project.disclosures: { connect: [B's disclosure] }` moves B's disclosure under A's
 * project), which no check on the written entry itself would notice. Restricted callers may
 * not write them; the parent is chosen on the child's side instead.
 */
export const INVERSE_OWNER_FIELDS: Partial<Record<OwnedCollection, readonly string[]>> = {
  charities: ['projects'],
  projects: ['disclosures', 'caseSummaries'],
};

/**
 * Never matches a real charity: Strapi documentIds are 24 lowercase alphanumerics. Used instead of
 * `$in: []`, because Strapi's query sanitizers drop empty objects/arrays from filters, and a
 * dropped filter would match EVERYTHING.
 */
export const NO_CHARITY = 'xianjie:no-charity';

function nonEmpty(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [NO_CHARITY];
}

/** RBAC condition (matched in memory by sift and turned into a query by Strapi): dotted path. */
export function ownerCondition(collection: OwnedCollection, charityIds: readonly string[]): Record<string, unknown> {
  return { [OWNER_PATH[collection].join('.')]: { $in: nonEmpty(charityIds) } };
}

/** The same rule as a Document Service filter (nested objects). */
export function ownerFilter(collection: OwnedCollection, charityIds: readonly string[]): Record<string, unknown> {
  return OWNER_PATH[collection].reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), {
    $in: nonEmpty(charityIds),
  });
}

type Populate = Record<string, { select: string[]; populate?: Populate }>;

function populateFor(path: readonly string[]): Populate {
  const [head, ...rest] = path;
  if (!head || rest.length === 0) return {};
  const inner = populateFor(rest);
  const last = rest.length === 1;
  return { [head]: { select: last ? ['id', rest[0] as string] : ['id'], ...(last ? {} : { populate: inner }) } };
}

function mergePopulate(a: Populate, b: Populate): Populate {
  const out: Populate = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (!prev) out[key] = value;
    else
      out[key] = {
        select: [...new Set([...prev.select, ...value.select])],
        ...(prev.populate || value.populate
          ? { populate: mergePopulate(prev.populate ?? {}, value.populate ?? {}) }
          : {}),
      };
  }
  return out;
}

/** `strapi.db.query(uid).findMany({ populate })` loading just enough to judge ownership. */
export function ownerPopulate(collection: OwnedCollection): Populate {
  return [OWNER_PATH[collection], ...(LINKED_OWNER_PATHS[collection] ?? [])].reduce<Populate>(
    (acc, path) => mergePopulate(acc, populateFor(path)),
    {},
  );
}

function at(row: unknown, path: readonly string[]): unknown {
  let value = row;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export type OwnershipVerdict = { ok: true } | { ok: false; reason: 'other-charity' | 'no-owner' | 'linked-other' };

/**
 * Judges every stored version (draft, published) of ONE document. Owned when no version belongs
 * to a charity outside `allowed` and at least one version belongs to one inside. A version with
 * no owner at all is tolerated next to an owned one: Strapi drops the published version's
 * relation when its target is unpublished, and the draft still says whose it is.
 */
export function judgeVersions(
  collection: OwnedCollection,
  versions: readonly Record<string, unknown>[],
  allowed: ReadonlySet<string>,
): OwnershipVerdict {
  let owned = false;
  for (const version of versions) {
    const owner = at(version, OWNER_PATH[collection]);
    if (typeof owner !== 'string') continue;
    if (!allowed.has(owner)) return { ok: false, reason: 'other-charity' };
    owned = true;
    for (const path of LINKED_OWNER_PATHS[collection] ?? []) {
      const head = at(version, path.slice(0, 1));
      if (head === null || head === undefined) continue;
      const linked = at(version, path);
      if (typeof linked !== 'string' || !allowed.has(linked)) return { ok: false, reason: 'linked-other' };
    }
  }
  return owned ? { ok: true } : { ok: false, reason: 'no-owner' };
}

/**
 * True when a relation payload in `data` would change something (connect, disconnect or set).
 * On a NEW entry (create, clone) an empty `set` changes nothing: there is nothing to take away, and
 * the content-manager puts `{ set: [] }` on every relation the role may not set when it clones, so
 * that the copy does not take the original's disclosures with it.
 */
export function changesRelation(value: unknown, entry: 'new' | 'existing' = 'existing'): boolean {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'options') continue;
    const empty = Array.isArray(v) && v.length === 0;
    if ((key === 'connect' || key === 'disconnect') && empty) continue;
    if (key === 'set' && empty && entry === 'new') continue;
    return true;
  }
  return false;
}
