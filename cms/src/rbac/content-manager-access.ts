import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  type CheckerArgs,
  type CreateChecker,
  isPlainObject,
  type PermissionChecker,
  type Query,
  readAccess,
} from './admin-read-access.ts';
import { pruneRelatedEntries } from './related-entries.ts';
import { restrictRelationQuery } from './relation-filters.ts';

/**
 * The content-manager (Strapi 5.54), extended where it checks only the entry in the URL
 * (loaded by src/extensions/content-manager/strapi-server.ts, Strapi's plugin-extension hook):
 *
 * - its permission checker service, which every document endpoint uses, now also judges what
 *   comes WITH the entry: related entries in the output (related-entries.ts) and filters through
 *   relations in the query (relation-filters.ts), by the target's own permission;
 * - `actions/bulkFindForValidation` and `actions/countManyEntriesDraftRelations` load entries by
 *   documentId and check only that the type is readable, not the entries (the issue saw ids,
 *   timestamps and `updatedBy` e-mails of another charity's drafts): they now answer 403 when any
 *   requested entry fails the read condition, as bulk publish and bulk delete already do.
 */

type Ctx = {
  params: { model: string };
  state: { userAbility: unknown };
  request: { body?: { documentIds?: unknown }; query: Record<string, unknown> };
};
type Action = (this: unknown, ctx: Ctx) => Promise<unknown>;
type Controller = Record<string, Action>;
type Factory<T> = T | ((deps: { strapi: Core.Strapi }) => T);

export interface ContentManagerPlugin {
  services: Record<string, Factory<unknown>>;
  controllers: Record<string, Factory<unknown>>;
}

const instantiate = <T>(factory: Factory<T>, strapi: Core.Strapi): T =>
  typeof factory === 'function' ? (factory as (deps: { strapi: Core.Strapi }) => T)({ strapi }) : factory;

/** The checker for one user and type, with related entries and relation filters held to their own permission. */
function hardenChecker(strapi: Core.Strapi, create: CreateChecker, args: CheckerArgs): PermissionChecker {
  const checker = create(args);
  const access = readAccess(strapi, create, args.userAbility);
  const restrict = (query: Query | undefined): Query => restrictRelationQuery(strapi, access, args.model, query ?? {});
  // `sanitizedQuery.read(query)`, `.update(query)`, …: one shortcut per content-manager action.
  const shortcuts = Object.fromEntries(
    Object.entries(checker.sanitizedQuery as unknown as Record<string, (query: Query) => Promise<Query>>).map(
      ([action, run]) => [action, (query: Query) => run(restrict(query))],
    ),
  );
  const sanitizedQuery = Object.assign(
    (query: Query, action?: unknown) => checker.sanitizedQuery(restrict(query), action),
    shortcuts,
  ) as unknown as PermissionChecker['sanitizedQuery'];
  /**
   * The entry itself, judged by its stored row when the copy at hand can't show the condition holds:
   * responses built with the deep populate (bulk validation, write answers) carry `charity` as a
   * count, so Strapi's in-memory check failed and its sanitizer kept only ids and timestamps of the
   * user's OWN entries (bulk publish then saw every entry as empty).
   */
  const sanitizeEntity = async (data: unknown, options: unknown): Promise<unknown> => {
    if (isPlainObject(data) && data.id !== undefined && checker.requiresEntity.read() && checker.cannot.read(data)) {
      const stored = (await access.readableRows(args.model, [data.id]))?.get(data.id);
      const action = isPlainObject(options) && typeof options.action === 'string' ? options.action : undefined;
      if (stored) return access.sanitizeEntry(args.model, data, stored, action);
    }
    return checker.sanitizeOutput(data, options);
  };
  return {
    ...checker,
    sanitizedQuery,
    sanitizeQuery: (query, options) => checker.sanitizeQuery(restrict(query), options),
    sanitizeOutput: async (data, options) => {
      const own = Array.isArray(data)
        ? await Promise.all(data.map((item) => sanitizeEntity(item, options)))
        : await sanitizeEntity(data, options);
      return pruneRelatedEntries(strapi, access, args.model, own);
    },
  };
}

const asIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value]).filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );

/** 403 unless the user may read every stored version of every requested document. */
async function assertReadable(strapi: Core.Strapi, ctx: Ctx, documentIds: unknown): Promise<void> {
  const ids = asIds(documentIds);
  const { model } = ctx.params;
  const checkers = strapi.plugin('content-manager').service('permission-checker') as unknown as {
    create: CreateChecker;
  };
  const checker = checkers.create({ userAbility: ctx.state.userAbility, model });
  // No read at all: the action answers 403 itself; no condition: every entry may be read.
  if (ids.length === 0 || checker.cannot.read() || !checker.requiresEntity.read()) return;
  const judged = await readAccess(strapi, checkers.create, ctx.state.userAbility).judgeRows(model, {
    documentId: { $in: ids },
  });
  if (judged.some((j) => !j.readable)) {
    // PolicyError: the one 403 whose message Strapi passes on (see owner-guard-middleware.ts).
    throw new errors.PolicyError('无权读取：所选条目中有你无权查看的条目（例如其他慈善组织的内容）', {
      code: 'ENTRY_NOT_READABLE',
    });
  }
}

export function hardenContentManager(plugin: ContentManagerPlugin): ContentManagerPlugin {
  const checkerService = plugin.services['permission-checker'] as Factory<{ create: CreateChecker }>;
  plugin.services['permission-checker'] = ({ strapi }: { strapi: Core.Strapi }) => {
    const base = instantiate(checkerService, strapi);
    return { ...base, create: (args: CheckerArgs) => hardenChecker(strapi, base.create, args) };
  };

  const collectionTypes = plugin.controllers['collection-types'] as Factory<Controller>;
  plugin.controllers['collection-types'] = ({ strapi }: { strapi: Core.Strapi }): Controller => {
    const base = instantiate(collectionTypes, strapi);
    const checked = (action: string, documentIds: (ctx: Ctx) => unknown): Action =>
      async function (this: unknown, ctx) {
        await assertReadable(strapi, ctx, documentIds(ctx));
        return (base[action] as Action).call(this, ctx);
      };
    return {
      ...base,
      bulkFindForValidation: checked('bulkFindForValidation', (ctx) => ctx.request.body?.documentIds),
      countManyEntriesDraftRelations: checked('countManyEntriesDraftRelations', (ctx) => ctx.request.query.documentIds),
    };
  };
  return plugin;
}
