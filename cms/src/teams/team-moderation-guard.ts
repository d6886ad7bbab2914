import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  TEAM_MODERATION_REASONS,
  TEAM_NOT_FOUND_FOR_CHARITY,
  type TeamModerationReason,
  teamModerationInputSchema,
  teamModerationNoteIssue,
} from '../lib/content.ts';
import { keyOfLabelled, labelledValue } from '../lib/schema-kit.ts';
import { CHARITY_UID } from '../rbac/charity-access.ts';
import { NO_CHARITY } from '../rbac/ownership.ts';
import { currentPrincipal } from '../rbac/principal.ts';
import { askPortal, type PortalTeamAnswer } from './portal-teams.ts';
import { TEAM_MODERATION_INPUT_FIELDS, TEAM_MODERATION_UID } from './team-moderation-access.ts';

/**
 * Document Service middleware for 团队处理, whatever a role allows:
 * - create: the editor's team (id or share link), reason and note are parsed with content/'s
 *   schema; the portal hides the team if it belongs to one of the editor's charities, and the
 *   entry is saved with the team's name, project and charity — all in one transaction, so a
 *   refusal (unknown team, another charity's team: the same words, no oracle) saves nothing;
 * - update: reason and note only (another team is a new entry); a new reason is sent again;
 * - delete: the portal restores the team first; if it cannot, the entry stays;
 * - reads: narrowed to the editor's own charities (the RBAC condition does it too);
 * - clone: refused (a second entry for the same team is made with 新建).
 * No request (seed, scripts, tests of the CMS's own code): left alone.
 */

type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown>; filters?: unknown };
type Charity = { documentId: string; slug: string; name: string };

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

function refusal(code: string, message: string, field?: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    code,
    errors: [{ path: field ? [field] : [], message, name: 'ValidationError', value: null }],
  });
}

/** The charities this request works for, or null for a super admin / the CMS itself (all). */
async function scope(strapi: Core.Strapi): Promise<string[] | null> {
  const principal = await currentPrincipal(strapi);
  if (principal.kind === 'trusted') return null;
  if (principal.kind === 'editor') return principal.charities;
  return [];
}

async function charitiesOf(strapi: Core.Strapi, ids: string[] | null): Promise<Charity[]> {
  const rows = (await strapi.db.query(CHARITY_UID).findMany({
    where: { publishedAt: null, ...(ids ? { documentId: { $in: ids.length > 0 ? ids : [NO_CHARITY] } } : {}) },
    select: ['documentId', 'slug', 'name'],
  })) as Charity[];
  return rows.filter((r) => r.slug);
}

async function storedEntry(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(TEAM_MODERATION_UID as never).findOne({
    where: { documentId },
    select: ['id', 'documentId', 'team', 'reason', 'charityDocumentId'],
  })) as { id: number; documentId: string; team: string; reason: string; charityDocumentId: string | null } | null;
}

function parseInput(data: Record<string, unknown>) {
  const parsed = teamModerationInputSchema.safeParse({
    team: data.team,
    reason: keyOfLabelled(TEAM_MODERATION_REASONS, data.reason) ?? data.reason,
    note: data.note,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'team');
    throw refusal('INVALID_TEAM_MODERATION', issue?.message ?? '团队处理的内容无效', field);
  }
  const noteIssue = teamModerationNoteIssue(parsed.data.note);
  if (noteIssue) throw refusal('PERSONAL_INFO_IN_TEXT', noteIssue, 'note');
  return parsed.data;
}

function unavailable(answer: PortalTeamAnswer, what: string, kept = '本次没有保存'): never {
  throw refusal(
    'PORTAL_UNAVAILABLE',
    `门户网站暂时无法${what}（${answer.kind === 'unavailable' ? answer.why : answer.kind}），${kept}，请稍后再试`,
  );
}

async function hide(
  strapi: Core.Strapi,
  entry: string,
  team: string,
  reason: TeamModerationReason,
  charities: Charity[],
) {
  const answer = await askPortal({ action: 'hide', entry, team, reason, charities: charities.map((c) => c.slug) });
  if (answer.kind === 'not-found') throw refusal('TEAM_NOT_FOUND', TEAM_NOT_FOUND_FOR_CHARITY, 'team');
  if (answer.kind !== 'hidden') unavailable(answer, '隐藏这支队伍');
  const { team: found } = answer.answer;
  const charity = charities.find((c) => c.slug === found.charity);
  await strapi.db.query(TEAM_MODERATION_UID as never).update({
    where: { documentId: entry },
    data: {
      team: found.id,
      teamName: found.name,
      projectTitle: found.project.title,
      charityDocumentId: charity?.documentId ?? null,
      charityName: charity?.name ?? found.charity,
    },
  });
}

export function teamModerationGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== TEAM_MODERATION_UID) return next();
    if (!strapi.requestContext.get()) return next();
    const action = context.action as string;
    const params = (context.params ?? {}) as Params;
    const own = await scope(strapi);

    if (READS.has(action)) {
      if (own === null) return next();
      if (action === 'findOne' && params.documentId) {
        // One entry by id: refused outright (as the RBAC condition does), like reports.
        const stored = await storedEntry(strapi, params.documentId);
        if (stored && !(stored.charityDocumentId && own.includes(stored.charityDocumentId))) {
          throw new errors.PolicyError('无权查看这条记录：它不属于你所在的慈善组织');
        }
      }
      const filter = { charityDocumentId: { $in: own.length > 0 ? own : [NO_CHARITY] } };
      (context as { params: Params }).params = {
        ...params,
        filters: params.filters ? { $and: [params.filters, filter] } : filter,
      };
      return next();
    }
    if (action === 'clone') throw new errors.PolicyError('团队处理不能复制，请新建一条');
    const charities = await charitiesOf(strapi, own);
    if (charities.length === 0) throw new errors.PolicyError('你的账号没有所属的慈善组织，不能处理队伍');

    if (action === 'create') {
      const input = parseInput(params.data ?? {});
      const data = {
        team: input.team,
        reason: labelledValue(TEAM_MODERATION_REASONS, input.reason),
        note: input.note,
        hiddenAt: new Date().toISOString(),
      };
      (context as { params: Params }).params = { ...params, data };
      let entry: string | null = null;
      try {
        return await strapi.db.transaction(async () => {
          const created = (await next()) as { documentId: string };
          entry = created.documentId;
          await hide(strapi, entry, input.team, input.reason, charities);
          return strapi.documents(TEAM_MODERATION_UID as never).findOne({ documentId: entry });
        });
      } catch (error) {
        // Saved nothing: if the portal hid the team before the commit failed, show it again.
        if (entry && !(error instanceof errors.ValidationError)) await askPortal({ action: 'restore', entry });
        throw error;
      }
    }

    const documentId = params.documentId;
    const stored = documentId ? await storedEntry(strapi, documentId) : null;
    if (!documentId || !stored) return next();
    const mine = own === null || (stored.charityDocumentId !== null && own.includes(stored.charityDocumentId));
    if (!mine) throw new errors.PolicyError('无权处理这条记录：它不属于你所在的慈善组织');

    if (action === 'update') {
      const data = params.data ?? {};
      const input = parseInput({ team: stored.team, reason: stored.reason, ...pick(data) });
      if (input.team !== stored.team) {
        throw refusal('TEAM_CHANGE_NOT_ALLOWED', '一条团队处理只对应一支队伍；要处理另一支队伍，请新建一条', 'team');
      }
      (context as { params: Params }).params = {
        ...params,
        data: { reason: labelledValue(TEAM_MODERATION_REASONS, input.reason), note: input.note },
      };
      return strapi.db.transaction(async () => {
        const result = await next();
        if (input.reason !== keyOfLabelled(TEAM_MODERATION_REASONS, stored.reason)) {
          await hide(strapi, documentId, input.team, input.reason, charities);
        }
        return result;
      });
    }
    if (action === 'delete') {
      // The row goes in a transaction that commits only once the portal has restored the team.
      let restored = false;
      try {
        return await strapi.db.transaction(async () => {
          const result = await next();
          const answer = await askPortal({ action: 'restore', entry: documentId });
          if (answer.kind !== 'restored') unavailable(answer, '恢复这支队伍', '这条记录没有删除');
          restored = true;
          return result;
        });
      } catch (error) {
        // The entry is still there: so is the team's hiding (same entry, same reason: idempotent).
        const reason = keyOfLabelled(TEAM_MODERATION_REASONS, stored.reason);
        if (restored && reason) await hide(strapi, documentId, stored.team, reason, charities).catch(() => undefined);
        throw error;
      }
    }
    return next();
  };
}

/** Only what an editor may set; the rest of a content-manager body (ids, timestamps) is ignored. */
function pick(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([k]) => (TEAM_MODERATION_INPUT_FIELDS as readonly string[]).includes(k)),
  );
}
