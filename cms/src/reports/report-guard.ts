import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentPrincipal } from '../rbac/principal.ts';
import { applyAnswer } from './report-answer.ts';
import { REPORT_UID } from './report-fields.ts';
import { storedReport } from './report-rows.ts';

/**
 * Document Service middleware for reports: whatever a role allows (Strapi's own Editor role, a
 * super admin, a widened role), in every path that goes through the Document Service —
 * content-manager, bulk actions, tokens —
 * - a report is created only by the portal's delivery (the intake route marks its request) or by
 *   the CMS's own code (no request: seed, scripts, tests); the admin cannot create or clone one;
 * - an update may change the answer fields only, and is made consistent (report-answer.ts);
 * - only a super admin may delete one (a reporter's request to erase their data, PIPL Art. 47).
 * Row-level visibility (own charity) is the RBAC condition's job (report-access.ts).
 */

/** Set on the Koa state by the intake controller before it creates the entry. */
export const INTAKE_STATE_FLAG = 'xianjieReportIntake';

type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown> };

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
