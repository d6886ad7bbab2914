import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { COLLECTION_LABELS, collectionOfUid } from '../lib/content.ts';
import { loadVersions } from './charity-access.ts';
import {
  changesRelation,
  INVERSE_OWNER_FIELDS,
  isOwnedCollection,
  judgeVersions,
  type OwnedCollection,
  type OwnershipVerdict,
  ownerFilter,
} from './ownership.ts';
import { currentPrincipal, type Principal, requestAuthStrategy } from './principal.ts';
import { regulatoryWrite } from './regulatory-fields.ts';

/**
 * Document Service middleware: charity-owned types (charities, projects, disclosures, case
 * summaries) are written only by their own charity, by EVERY path — content-manager, admin
 * tokens, Content API tokens, bulk actions, releases — since all of them go through
 * `strapi.documents(uid).<action>`. Who is calling comes from principal.ts.
 *
 * It closes what the admin conditions (conditions.ts) can't, in content-manager 5.54
 * (controllers/collection-types.js):
 * - `create` never checks conditions (Strapi's source leaves reverting such a creation as an
 *   open to-do) → a project could be created under another charity;
 * - `update` checks the version BEFORE the change → an own project could be moved to another
 *   charity, a disclosure to another charity's project;
 * - `clone` checks only `create` on the type → another charity's draft could be copied.
 * and it is the only guard for Content API tokens, which admin conditions don't govern.
 *
 * How: a write runs in `strapi.db.transaction`; the document's stored versions are checked
 * before (update, delete, publish, unpublish, discard, clone source) and after (create, update,
 * clone, publish, discard) the write, and a failure throws 403, rolling the write back. The
 * check reads the rows from the database with ownership.ts's rule, which is the conditions' rule,
 * so it holds even if a role was widened in Settings → Roles.
 *
 * One exception to "own charity only", and one narrowing of it: a charity's regulatory record
 * (regulatory-fields.ts) is refused to everyone but ministry editors, who may set it — and publish
 * it — on any charity without owning it.
 *
 * Registered BEFORE publish-validation (index.ts): the first registered middleware runs
 * outermost, so another charity's entry answers 403 before any validation could describe it,
 * and the publish check runs inside this transaction.
 */

const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);
const CHECK_BEFORE = new Set(['update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);
const CHECK_AFTER = new Set(['create', 'update', 'clone', 'publish', 'discardDraft']);
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Params = Record<string, unknown> & { documentId?: string; status?: string; data?: Record<string, unknown> };

/**
 * 403 with a message the caller sees. A plain ForbiddenError thrown below a route loses its
 * message: compose-endpoint's authorize middleware replaces it with a bare "Forbidden"; only
 * PolicyError (a ForbiddenError) passes through with its message — Strapi 5's documented way to
 * say why (https://github.com/strapi/strapi/pull/19374, https://github.com/strapi/documentation/pull/3322).
 */
function forbidden(message: string): errors.PolicyError {
  return new errors.PolicyError(message);
}

/** What the owner is chosen by, per type ("所属…"). */
const PARENT_LABEL: Record<OwnedCollection, string> = {
  charities: '慈善组织',
  projects: '所属慈善组织',
  disclosures: '所属项目',
  caseSummaries: '所属项目',
};

function verdictMessage(collection: OwnedCollection, verdict: OwnershipVerdict, stage: 'before' | 'after'): string {
  const label = COLLECTION_LABELS[collection];
  if (verdict.ok) return '';
  if (verdict.reason === 'linked-other') return `无权操作：更正只能指向本组织的${label}`;
  if (stage === 'before') {
    return verdict.reason === 'other-charity'
      ? `无权操作：这条${label}属于其他慈善组织`
      : `无权操作：这条${label}不属于你所在的慈善组织`;
  }
  return verdict.reason === 'other-charity'
    ? `无权操作：${PARENT_LABEL[collection]}不是你所在的慈善组织${collection === 'projects' ? '' : '的项目'}`
    : `${label}必须选择${PARENT_LABEL[collection]}（你所在的慈善组织${collection === 'projects' ? '' : '的项目'}）`;
}

async function assertOwned(
  strapi: Core.Strapi,
  collection: OwnedCollection,
  documentId: string,
  allowed: ReadonlySet<string>,
  stage: 'before' | 'after',
): Promise<void> {
  const versions = await loadVersions(strapi, collection, documentId);
  // Nothing stored: Strapi itself answers (404, or nothing to do).
  if (versions.length === 0) return;
  const verdict = judgeVersions(collection, versions, allowed);
  if (!verdict.ok) throw forbidden(verdictMessage(collection, verdict, stage));
}

/**
 * Charities' regulatory record (regulatory-fields.ts): refused to everyone but the ministry, whose
 * editors may set it on ANY charity — and, on a write of nothing else, publish it — without owning
 * the charity. True when such a regulator's write needs no ownership check.
 */
function regulatorMaySkipOwnership(principal: Principal, action: string, params: Params): boolean {
  const { regulatory, descriptive } = regulatoryWrite(params.data);
  const regulator = principal.kind === 'editor' && principal.regulator;
  if (regulatory.length > 0 && !regulator) {
    throw forbidden(
      `无权修改：慈善组织的登记与资格信息（${regulatory.join('、')}）只能由民政部门编辑维护；可修改的是简介、联系方式等其余信息`,
    );
  }
  return regulator && (action === 'update' || action === 'publish') && !descriptive;
}

function resultDocumentId(result: unknown): string | undefined {
  const id = (result as { documentId?: unknown } | null | undefined)?.documentId;
  return typeof id === 'string' ? id : undefined;
}

export function ownerGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const collection = collectionOfUid(context.uid);
    if (!isOwnedCollection(collection)) return next();
    const action = context.action as string;
    const params = (context.params ?? {}) as Params;

    if (READS.has(action)) {
      // Only charity tokens are narrowed here (their drafts: own charity only). Admin reads are
      // narrowed by the conditions; other callers keep Strapi's behaviour.
      if (params.status === 'published' || requestAuthStrategy(strapi) !== 'content-api-token') return next();
      const principal = await currentPrincipal(strapi);
      if (principal.kind !== 'charity-token') return next();
      const own = ownerFilter(collection, principal.charities);
      // Always under `$and`, never as top-level keys: Strapi merges its own lookups into the same
      // object by spreading (`findOne` adds `documentId`, the status and locale lookups add
      // `publishedAt`/`locale`), and a key of ours under the same name would be overwritten — the
      // charities' `{ documentId: { $in: own } }` was, so a token read another charity's draft by id.
      // A new params object: callers may reuse theirs (the core service spreads one into findMany and count).
      (context as { params: Params }).params = {
        ...params,
        filters: { $and: params.filters ? [params.filters, own] : [own] },
      };
      return next();
    }
    if (!WRITES.has(action)) return next();

    const principal = await currentPrincipal(strapi);
    if (principal.kind === 'trusted') return next();
    const label = COLLECTION_LABELS[collection];
    if (principal.kind === 'no-writes') throw forbidden(`无权修改${label}`);
    if (principal.kind === 'charity-token' && collection === 'charities') {
      throw forbidden('API 令牌不能修改慈善组织信息，请在管理后台修改');
    }
    if (collection === 'charities' && regulatorMaySkipOwnership(principal, action, params)) return next();
    const entry = action === 'create' || action === 'clone' ? 'new' : 'existing';
    for (const field of INVERSE_OWNER_FIELDS[collection] ?? []) {
      if (changesRelation(params.data?.[field], entry)) {
        throw forbidden(`不能在${label}中修改 ${field}：请在对应条目中选择所属${label}`);
      }
    }

    const allowed = new Set(principal.charities);
    return strapi.db.transaction(async () => {
      if (CHECK_BEFORE.has(action) && params.documentId) {
        await assertOwned(strapi, collection, params.documentId, allowed, 'before');
      }
      const result = await next();
      // create and clone make a NEW document (a clone's `params.documentId` is its source).
      const documentId = action === 'create' || action === 'clone' ? resultDocumentId(result) : params.documentId;
      if (CHECK_AFTER.has(action) && documentId) {
        await assertOwned(strapi, collection, documentId, allowed, 'after');
      }
      return result;
    });
  };
}
