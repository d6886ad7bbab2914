import type { Core } from '@strapi/strapi';
import { isPlainObject, type Query, type ReadAccess } from './admin-read-access.ts';

/**
 * Filters that reach through a relation are held to the target's read permission, so a list can't
 * be used to probe entries the user may not open (`needs?filters[projects][caseSummaries][consent]
 * [guardian][$eq]=…` answered "yes" or "no" about another charity's consent record):
 * - a relation to a type the role can't read is dropped from the filter;
 * - a field of the target the role's field list doesn't name is dropped;
 * - when reading the target has a condition ("own charity"), the sub-filter is joined with it, so it
 *   matches only related entries the user may read: `{ projects: { $and: [sub, condition] } }`.
 * The same holds for `filters` inside `populate` (which related entries come back). What the admin
 * UI sends — a relation's main field or id, `{ charity: { name: { $eq } } }` — keeps working.
 *
 * Runs on the query BEFORE the content-manager sanitizes it and adds the root's own condition, so
 * only the caller's filters are touched. Fields of the root itself are Strapi's to check.
 */

type Attribute = { type: string; target?: string; component?: string; components?: string[] };
type Model = { attributes: Record<string, Attribute> };

/** Present on every entry and not part of a role's field list (admin sanitize.js `getQueryFields`). */
const ALWAYS_FILTERABLE = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);
const LOGICAL = new Set(['$and', '$or', '$not']);

interface Scope {
  /** The content type whose permission governs this part of the filter. */
  permissionUid: string;
  /** Path from that type to here (components), for its field list. */
  path: readonly string[];
  /** The model the keys belong to (the type, or a component of it). */
  modelUid: string;
  /** False at the root: its fields are checked by Strapi. */
  nested: boolean;
}

export function restrictRelationQuery(strapi: Core.Strapi, access: ReadAccess, uid: string, query: Query): Query {
  const model = (modelUid: string) => strapi.getModel(modelUid as never) as Model | undefined;

  const filters = (value: unknown, scope: Scope): unknown => {
    if (Array.isArray(value)) return value.map((item) => filters(item, scope));
    if (!isPlainObject(value)) return value;
    const attributes = model(scope.modelUid)?.attributes ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(value)) {
      if (key.startsWith('$')) {
        out[key] = LOGICAL.has(key) ? filters(sub, scope) : sub;
        continue;
      }
      const attribute = attributes[key];
      const path = [...scope.path, key].join('.');
      // A role's field list names a component's leaves (`consent.guardian`), not the component.
      const listed = attribute?.type === 'component' || ALWAYS_FILTERABLE.has(key);
      if (scope.nested && !listed && !access.canReadField(scope.permissionUid, path)) continue;
      if (!attribute) {
        out[key] = sub;
      } else if (attribute.type === 'relation') {
        const target = attribute.target;
        // Admin users (createdBy/updatedBy): Strapi keeps only their public fields in filters.
        if (target === 'admin::user') out[key] = sub;
        else if (target && access.canReadType(target)) out[key] = relation(target, sub);
      } else if (attribute.type === 'component' && attribute.component) {
        out[key] = filters(sub, { ...scope, path: [...scope.path, key], modelUid: attribute.component });
      } else {
        out[key] = sub;
      }
    }
    return out;
  };

  const relation = (target: string, sub: unknown): unknown => {
    const inner = filters(sub, { permissionUid: target, path: [], modelUid: target, nested: true });
    // Only operators on the relation itself (`{ $null: true }`): nothing of the target is probed.
    if (!isPlainObject(inner) || Object.keys(inner).every((k) => k.startsWith('$') && !LOGICAL.has(k))) return inner;
    const condition = access.conditionFilter(target);
    return condition ? { $and: [inner, condition] } : inner;
  };

  const populate = (value: unknown, modelUid: string): unknown => {
    if (!isPlainObject(value)) return value;
    const attributes = model(modelUid)?.attributes ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(value)) {
      const attribute = attributes[key];
      if (attribute?.type === 'relation' && attribute.target && attribute.target !== 'admin::user') {
        // Unreadable targets are left out of the response anyway (related-entries.ts).
        if (!access.canReadType(attribute.target)) continue;
        out[key] = isPlainObject(sub) ? nested(attribute.target, sub) : sub;
      } else if (attribute?.type === 'component' && attribute.component && isPlainObject(sub)) {
        out[key] = inner(attribute.component, sub);
      } else if (attribute?.type === 'dynamiczone' && isPlainObject(sub) && isPlainObject(sub.on)) {
        const on: Record<string, unknown> = {};
        for (const [component, fragment] of Object.entries(sub.on)) {
          on[component] = isPlainObject(fragment) ? inner(component, fragment) : fragment;
        }
        out[key] = { ...sub, on };
      } else {
        out[key] = sub;
      }
    }
    return out;
  };

  /** A component's populate entry: only its own `populate` leads further. */
  const inner = (componentUid: string, sub: Record<string, unknown>): Record<string, unknown> =>
    sub.populate === undefined ? sub : { ...sub, populate: populate(sub.populate, componentUid) };

  /** A related type's populate entry (`{ filters, populate, fields, sort }`). */
  const nested = (targetUid: string, sub: Record<string, unknown>): Record<string, unknown> => ({
    ...inner(targetUid, sub),
    ...(sub.filters === undefined
      ? {}
      : { filters: filters(sub.filters, { permissionUid: targetUid, path: [], modelUid: targetUid, nested: true }) }),
  });

  if (!isPlainObject(query)) return query;
  return {
    ...query,
    ...(query.filters === undefined
      ? {}
      : { filters: filters(query.filters, { permissionUid: uid, path: [], modelUid: uid, nested: false }) }),
    ...(query.populate === undefined ? {} : { populate: populate(query.populate, uid) }),
  };
}
