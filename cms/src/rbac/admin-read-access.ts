import type { Core } from '@strapi/strapi';

/**
 * What an admin user may read of ANY content type, asked the way the content-manager asks about
 * the entry in the URL, so that a related entry is judged exactly like that entry:
 * - the type: the role's `read` permission on the target type;
 * - the row: the permission's conditions (e.g. "own charity"), matched in memory (sift) against
 *   the row loaded with the relations the conditions name — what the content-manager's
 *   controllers do with `populateFromQuery(permissionQuery)` before `cannot.read(entry)`;
 * - the fields: the permission's field list, applied by the admin permissions manager with the
 *   row as subject.
 *
 * The content-manager applies these to the type in the URL only (5.54,
 * services/permission-checker.js and admin's permissions-manager/sanitize.js): the field list of
 * the root type lets a whole relation through once the relation's NAME is permitted. That is the
 * hole related-entries.ts and relation-filters.ts close with this module.
 */

export const READ_ACTION = 'plugin::content-manager.explorer.read';

export type Entity = Record<string, unknown>;
export type Query = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The part of content-manager's permission checker (services/permission-checker.js, 5.54) used here. */
export interface PermissionChecker {
  can: { read(entity?: unknown, field?: string): boolean };
  cannot: { read(entity?: unknown, field?: string): boolean };
  requiresEntity: { read(): boolean };
  sanitizeOutput(data: unknown, options?: unknown): Promise<unknown>;
  sanitizeQuery(query: Query, options?: unknown): Promise<Query>;
  sanitizedQuery: ((query: Query, action?: unknown) => Promise<Query>) & {
    read(query: Query): Promise<Query>;
  };
}

export interface CheckerArgs {
  userAbility: unknown;
  model: string;
}

export type CreateChecker = (args: CheckerArgs) => PermissionChecker;

interface PermissionsManager {
  getQuery(action: string): Query | null | undefined;
  toSubject(target: unknown, subjectType?: string): unknown;
  sanitizeOutput(data: unknown, options: { subject: unknown; action: string }): Promise<unknown>;
}

interface PopulateBuilder {
  populateFromQuery(query: Query): PopulateBuilder;
  build(): Promise<Record<string, unknown> | undefined>;
}

export interface ReadAccess {
  canReadType(uid: string): boolean;
  /** Whether the role's read permission on `uid` lists `path` (`title`, `plan.goalFen`, `charity`). */
  canReadField(uid: string, path: string): boolean;
  /** The row-level condition of reading `uid` as a filter on `uid`, or null when reading is unconditioned. */
  conditionFilter(uid: string): Query | null;
  /**
   * Of the rows `ids` of `uid`, those the user may read, each with the subject its fields are judged
   * by (the row with the conditions' relations). `null`: reading `uid` has no condition, every row may be read.
   */
  readableRows(uid: string, ids: readonly unknown[]): Promise<Map<unknown, Entity> | null>;
  /** The entry with only the fields the role may read (or `action`) of `uid`; nested relations untouched. */
  sanitizeEntry(uid: string, entry: Entity, subject: Entity, action?: string): Promise<Entity>;
  /** Every row of `uid` matching `where`, and whether the user may read it. */
  judgeRows(uid: string, where: Record<string, unknown>): Promise<JudgedRow[]>;
}

export interface JudgedRow {
  row: Entity;
  readable: boolean;
}

export function readAccess(strapi: Core.Strapi, createChecker: CreateChecker, userAbility: unknown): ReadAccess {
  const checkers = new Map<string, PermissionChecker>();
  const managers = new Map<string, PermissionsManager>();
  const rows = new Map<string, Promise<Entity | undefined>>();

  const checker = (uid: string): PermissionChecker => {
    let found = checkers.get(uid);
    if (!found) {
      found = createChecker({ userAbility, model: uid });
      checkers.set(uid, found);
    }
    return found;
  };
  const manager = (uid: string): PermissionsManager => {
    let found = managers.get(uid);
    if (!found) {
      const permission = strapi.service('admin::permission') as unknown as {
        createPermissionsManager(options: { ability: unknown; model: string; action: string }): PermissionsManager;
      };
      found = permission.createPermissionsManager({ ability: userAbility, model: uid, action: READ_ACTION });
      managers.set(uid, found);
    }
    return found;
  };

  /** The rows matching `where` (one query), each judged like the entry in the URL. */
  const judgeRows = async (uid: string, where: Record<string, unknown>): Promise<JudgedRow[]> => {
    const check = checker(uid);
    const permissionQuery = await check.sanitizedQuery.read({});
    const builder = strapi.plugin('content-manager').service('populate-builder') as unknown as (
      uid: string,
    ) => PopulateBuilder;
    const populate = await builder(uid).populateFromQuery(permissionQuery).build();
    const found = (await strapi.db.query(uid as never).findMany({
      where,
      ...(populate ? { populate } : {}),
    })) as Entity[];
    return found.map((row) => ({ row, readable: check.can.read(row) }));
  };
  const loadRows = async (uid: string, ids: readonly unknown[]): Promise<Map<unknown, Entity>> => {
    const judged = await judgeRows(uid, { id: { $in: [...ids] } });
    return new Map(judged.filter((j) => j.readable).map((j) => [j.row.id, j.row]));
  };

  return {
    canReadType: (uid) => checker(uid).can.read(),
    canReadField: (uid, path) => checker(uid).can.read(null, path),
    conditionFilter(uid) {
      if (!checker(uid).requiresEntity.read()) return null;
      const query = manager(uid).getQuery(READ_ACTION);
      return query && Object.keys(query).length > 0 ? query : null;
    },
    async readableRows(uid, ids) {
      if (!checker(uid).requiresEntity.read()) return null;
      const key = (id: unknown) => `${uid}\u0000${String(id)}`;
      // An entry without an id can't be looked up: it is simply not readable.
      const missing = [...new Set(ids)].filter((id) => id !== undefined && id !== null && !rows.has(key(id)));
      if (missing.length > 0) {
        const batch = loadRows(uid, missing);
        for (const id of missing)
          rows.set(
            key(id),
            batch.then((found) => found.get(id)),
          );
      }
      const out = new Map<unknown, Entity>();
      for (const id of ids) {
        const row = await rows.get(key(id));
        if (row) out.set(id, row);
      }
      return out;
    },
    judgeRows,
    async sanitizeEntry(uid, entry, subject, action = READ_ACTION) {
      const pm = manager(uid);
      return (await pm.sanitizeOutput(entry, { subject: pm.toSubject(subject, uid), action })) as Entity;
    },
  };
}
