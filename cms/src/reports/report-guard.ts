import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLES } from '../bootstrap/roles.ts';
import { NO_CHARITY } from '../rbac/ownership.ts';
import { currentPrincipal } from '../rbac/principal.ts';
import { applyAnswer } from './report-answer.ts';
import { REPORT_UID } from './report-fields.ts';
import { reportCharity, storedReport } from './report-rows.ts';

/**
 * Document Service middleware for reports: whatever a role allows (Strapi's own Editor role, a
 * super admin, a widened role), in every path that goes through the Document Service —
 * content-manager, bulk actions, tokens —
 * - a report is created only by the portal's delivery (the intake route marks its request) or by
 *   the CMS's own code (no request: seed, scripts, tests); the admin cannot create or clone one;
 * - an update may change the answer fields only, and is made consistent (report-answer.ts);
 * - only a super admin may delete one (a reporter's request to erase their data, PIPL Art. 47);
 * - reads: the RBAC condition (report-access.ts) narrows what the editor roles see; this narrows
 *   it again for every admin user who is neither a super admin nor a ministry editor — whatever
 *   other role they hold (Strapi's default Editor role reads every type) — to their own
 *   charity's reports, without the reporter's contact (a whistleblower is never shown to the
 *   organisation they report).
 */

/** Set on the Koa state by the intake controller before it creates the entry. */
export const INTAKE_STATE_FLAG = 'xianjieReportIntake';

type Params = Record<string, unknown> & {
  documentId?: string;
  data?: Record<string, unknown>;
  filters?: unknown;
};

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const MINISTRY_ROLE = ROLES.ministryEditor.code;

/** Every report, or only those of these charities (documentIds). */
async function readScope(strapi: Core.Strapi, state: Record<string, unknown> | undefined): Promise<'all' | string[]> {
  const principal = await currentPrincipal(strapi);
  if (principal.kind === 'trusted') return 'all';
  if (principal.kind === 'no-writes') return [];
  const roles = (state?.user as { roles?: { code?: string }[] } | undefined)?.roles ?? [];
  if (principal.kind === 'editor' && roles.some((r) => r.code === MINISTRY_ROLE)) return 'all';
  return principal.charities;
}

function withoutContact<T>(result: T): T {
  if (Array.isArray(result)) return result.map(withoutContact) as T;
  if (result && typeof result === 'object' && 'contact' in result) {
    const { contact: _hidden, ...rest } = result as Record<string, unknown>;
    return rest as T;
  }
  return result;
}

function forbidden(message: string): errors.PolicyError {
  return new errors.PolicyError(message);
}

export function reportGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== REPORT_UID) return next();
    const request = strapi.requestContext.get() as { state?: Record<string, unknown> } | undefined;
    if (!request) return next();
    const action = context.action as string;
    const params = (context.params ?? {}) as Params;

    if (READS.has(action)) {
      const scope = await readScope(strapi, request.state);
      if (scope === 'all') return next();
      if (action === 'findOne' && params.documentId) {
        // One report by id: refused outright (as the RBAC condition does), not "not found".
        const owner = await reportCharity(strapi, params.documentId);
        if (owner !== undefined && (owner === null || !scope.includes(owner))) {
          throw forbidden('无权查看这条举报：它不是关于你所在慈善组织的项目');
        }
        return withoutContact(await next());
      }
      const own = { charityDocumentId: { $in: scope.length > 0 ? scope : [NO_CHARITY] } };
      (context as { params: Params }).params = {
        ...params,
        filters: params.filters ? { $and: [params.filters, own] } : own,
      };
      return withoutContact(await next());
    }
    if (action === 'create' || action === 'clone') {
      if (action === 'create' && request.state?.[INTAKE_STATE_FLAG] === true) return next();
      throw forbidden('举报只能由公众在门户网站提交，管理后台不能新建或复制举报');
    }
    if (action === 'delete') {
      if ((await currentPrincipal(strapi)).kind === 'trusted') return next();
      throw forbidden('举报不能删除');
    }
    if (action === 'update') {
      if (!params.documentId) throw forbidden('只能逐条答复举报');
      const stored = await storedReport(strapi, params.documentId);
      if (!stored) return next();
      const verdict = applyAnswer(stored, params.data ?? {}, new Date());
      if (!verdict.ok) {
        throw new errors.ValidationError(verdict.message, {
          errors: [{ path: [verdict.field], message: verdict.message, name: 'ValidationError' }],
        });
      }
      (context as { params: Params }).params = { ...params, data: verdict.data };
      return next();
    }
    return next();
  };
}
