import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ExpressionBuilder, sql } from 'kysely';
import { firstIssue, TEAM_ID, teamRequestSchema, teamRequestTextIssue, todayIso } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { figureScope } from '../public-queries.ts';
import { eligibilityOf } from '../route-cause.ts';
import { type TeamStatus, type TeamsDatabase, type TeamsTable, teamsDb } from './tables.ts';

/**
 * 一起捐 teams: start one for a project that accepts gifts, read it (with live totals and the
 * supporters who chose a name), close it (the leader, with the key given at creation), hide it
 * (the project's charity, with its token, or a 团队处理 entry in the CMS: moderation.ts). A hidden
 * team is gone from every public answer.
 */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function newTeamId(): string {
  const bytes = randomBytes(12);
  return [...bytes].map((b) => BASE32[b % 32]).join('');
}

const hashKey = (key: string) => createHash('sha256').update(`team-leader:${key}`).digest('hex');

export interface PublicTeam {
  id: string;
  name: string;
  goalFen: number;
  message: string | null;
  leaderName: string;
  status: 'open' | 'closed';
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  createdOn: string;
  raisedFen: number;
  matchedFen: number;
  donorCount: number;
  giftCount: number;
  supporters: { name: string; amountFen: number; paidOn: string }[];
  anonymousCount: number;
}

export async function createTeam(
  ctx: DonationsContext,
  body: unknown,
): Promise<{ team: PublicTeam; leaderKey: string }> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DonationError(400, 'INVALID_BODY', '请求体应为 JSON 对象');
  }
  const parsed = teamRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const first = firstIssue(parsed.error);
    throw new DonationError(
      400,
      issue?.code === 'too_big' ? 'TEXT_TOO_LONG' : 'INVALID_BODY',
      first.message,
      first.field,
    );
  }
  const request = parsed.data;
  const refused = teamRequestTextIssue(request);
  if (refused) {
    const code = refused.problem === 'personal-info' ? 'PERSONAL_INFO_IN_TEXT' : 'TEXT_NOT_ALLOWED';
    throw new DonationError(400, code, refused.message, refused.field, [
      { code: refused.problem, message: refused.message },
    ]);
  }
  const view = await ctx.snapshots.current();
  const project = view.projects.get(request.projectSlug);
  const charity = project ? view.charities.get(project.charity) : undefined;
  if (!project || !charity) throw new DonationError(404, 'PROJECT_NOT_FOUND', '找不到这个项目', 'projectSlug');
  const eligibility = eligibilityOf(ctx, project, charity, todayIso(ctx.now()));
  if (!eligibility.eligible) {
    throw new DonationError(
      409,
      'NOT_ACCEPTING_DONATIONS',
      `该项目暂不接受捐赠，不能发起一起捐：${eligibility.reasons.map((r) => r.message).join('；')}`,
      'projectSlug',
      eligibility.reasons,
    );
  }
  const leaderKey = randomBytes(24).toString('base64url');
  const id = newTeamId();
  await teamsDb(ctx.ledger.db)
    .insertInto('teams')
    .values({
      id,
      project_slug: project.slug,
      charity_slug: charity.slug,
      name: request.name,
      goal_fen: request.goalFen,
      message: request.message ?? null,
      leader_name: request.leaderName ?? null,
      leader_key_hash: hashKey(leaderKey),
      status: 'open',
      sandbox: ctx.merchants.kind === 'sandbox' ? 1 : 0,
      created_at: ctx.now().toISOString(),
      closed_at: null,
      hidden_at: null,
      hidden_reason: null,
    })
    .execute();
  return { team: await getTeam(ctx, id), leaderKey };
}

/** Not hidden by a 团队处理 entry of the CMS (moderation.ts): the one filter every public read adds. */
const notModerated = (eb: ExpressionBuilder<TeamsDatabase, 'teams'>) =>
  eb.not(
    eb.exists(eb.selectFrom('team_moderations as tm').select('tm.entry_id').whereRef('tm.team_id', '=', 'teams.id')),
  );

async function teamRow(ctx: DonationsContext, id: string): Promise<TeamsTable> {
  const row = TEAM_ID.test(id)
    ? await teamsDb(ctx.ledger.db)
        .selectFrom('teams')
        .selectAll()
        .where('id', '=', id)
        .where(notModerated)
        .executeTakeFirst()
    : undefined;
  if (!row || row.status === 'hidden')
    throw new DonationError(404, 'TEAM_NOT_FOUND', '找不到这支队伍（可能已被慈善组织隐藏）', 'team');
  return row;
}

/** The team a gift's `team` names, for a gift to `projectSlug`: open, and for that project. */
export async function teamForGift(ctx: DonationsContext, id: string, projectSlug: string): Promise<TeamsTable> {
  const team = await teamRow(ctx, id);
  if (team.status !== 'open')
    throw new DonationError(409, 'TEAM_CLOSED', '这支队伍已结束，捐款不再计入队伍；可以直接捐给项目', 'team');
  if (team.project_slug !== projectSlug) {
    throw new DonationError(400, 'INVALID_BODY', '这支队伍为另一个项目募捐，请在队伍页面捐款', 'team');
  }
  return team;
}

const chinaDay = (iso: string) => todayIso(new Date(iso));

/** Totals per team (net of refunds, paid gifts only); donors told apart by the hashed Alipay buyer. */
export async function teamTotals(ctx: DonationsContext, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { raisedFen: number; giftCount: number; donorCount: number; matchedFen: number }>();
  const db = teamsDb(ctx.ledger.db);
  let query = db
    .selectFrom('team_orders')
    .innerJoin('orders', 'orders.id', 'team_orders.order_id')
    .select([
      'team_orders.team_id as team',
      sql<number>`cast(coalesce(sum(orders.amount_fen - orders.refunded_fen), 0) as bigint)`.as('raised'),
      sql<number>`count(*)`.as('gifts'),
      sql<number>`count(distinct coalesce((select max(e.buyer_ref) from payment_events e where e.order_id = orders.id and e.outcome = 'PAID'), cast(orders.id as varchar(64))))`.as(
        'donors',
      ),
      sql<number>`cast(coalesce(sum((select m.amount_fen - m.returned_fen from matches m where m.order_id = orders.id)), 0) as bigint)`.as(
        'matched',
      ),
    ])
    .where('team_orders.team_id', 'in', [...ids])
    .where('orders.status', '=', 'paid')
    .groupBy('team_orders.team_id');
  if (!figureScope(ctx).includeSandbox) query = query.where('orders.sandbox', '=', 0);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.team,
      {
        raisedFen: Number(r.raised),
        giftCount: Number(r.gifts),
        donorCount: Number(r.donors),
        matchedFen: Number(r.matched),
      },
    ]),
  );
}

export async function getTeam(ctx: DonationsContext, id: string): Promise<PublicTeam> {
  const team = await teamRow(ctx, id);
  const view = await ctx.snapshots.current();
  const project = view.projects.get(team.project_slug);
  const charity = view.charities.get(team.charity_slug);
  const totals = (await teamTotals(ctx, [team.id])).get(team.id) ?? {
    raisedFen: 0,
    giftCount: 0,
    donorCount: 0,
    matchedFen: 0,
  };
  let named = teamsDb(ctx.ledger.db)
    .selectFrom('team_orders')
    .innerJoin('orders', 'orders.id', 'team_orders.order_id')
    .select(['orders.display_name', 'orders.amount_fen', 'orders.refunded_fen', 'orders.paid_at', 'orders.anonymous'])
    .where('team_orders.team_id', '=', team.id)
    .where('orders.status', '=', 'paid')
    .orderBy('orders.paid_at', 'desc')
    .limit(200);
  if (!figureScope(ctx).includeSandbox) named = named.where('orders.sandbox', '=', 0);
  const gifts = await named.execute();
  const shown = gifts.filter((g) => g.anonymous === 0 && g.display_name);
  return {
    id: team.id,
    name: team.name,
    goalFen: Number(team.goal_fen),
    message: team.message,
    leaderName: team.leader_name ?? '发起人',
    status: team.status === 'closed' ? 'closed' : 'open',
    project: {
      slug: team.project_slug,
      title: project?.title ?? team.project_slug,
      charity: { slug: team.charity_slug, name: charity?.name ?? team.charity_slug },
    },
    createdOn: chinaDay(team.created_at),
    ...totals,
    supporters: shown.slice(0, 20).map((g) => ({
      name: g.display_name as string,
      amountFen: Number(g.amount_fen) - Number(g.refunded_fen),
      paidOn: chinaDay(g.paid_at as string),
    })),
    anonymousCount: gifts.length - shown.length,
  };
}

function keyMatches(hash: string, authorization: string | null): boolean {
  const m = authorization ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim()) : null;
  if (!m?.[1]) return false;
  return timingSafeEqual(Buffer.from(hashKey(m[1]), 'hex'), Buffer.from(hash, 'hex'));
}

async function setStatus(ctx: DonationsContext, id: string, status: TeamStatus, reason: string | null): Promise<void> {
  const at = ctx.now().toISOString();
  await teamsDb(ctx.ledger.db)
    .updateTable('teams')
    .set(status === 'closed' ? { status, closed_at: at } : { status, hidden_at: at, hidden_reason: reason })
    .where('id', '=', id)
    .where('status', '!=', 'hidden')
    .execute();
}

/** The leader closes the team (the key from creation, as a bearer token): gifts no longer join it. */
export async function closeTeam(ctx: DonationsContext, id: string, authorization: string | null): Promise<PublicTeam> {
  const team = await teamRow(ctx, id);
  if (!keyMatches(team.leader_key_hash, authorization))
    throw new DonationError(401, 'UNAUTHORIZED', '需要发起人的队伍管理密钥');
  if (team.status === 'open') await setStatus(ctx, id, 'closed', null);
  return getTeam(ctx, id);
}

/** The project's charity hides the team (moderation), with its token; the reason stays internal. */
export async function hideTeam(
  ctx: DonationsContext,
  charitySlug: string,
  id: string,
  authorization: string | null,
  body: unknown,
): Promise<{ hidden: true; id: string }> {
  if (!ctx.exportTokens.verify(charitySlug, authorization))
    throw new DonationError(401, 'UNAUTHORIZED', '需要该慈善组织的令牌');
  // Another charity's team answers exactly like no team (teamRow's 404): no oracle for team ids.
  const team = await teamRow(ctx, id);
  if (team.charity_slug !== charitySlug)
    throw new DonationError(404, 'TEAM_NOT_FOUND', '找不到这支队伍（可能已被慈善组织隐藏）', 'team');
  const reason =
    typeof (body as { reason?: unknown })?.reason === 'string'
      ? String((body as { reason: string }).reason).slice(0, 200)
      : null;
  await setStatus(ctx, id, 'hidden', reason);
  return { hidden: true, id };
}

/** A campaign's leaderboard: its projects' visible teams by amount (ties: more donors, then older). */
export async function leaderboard(ctx: DonationsContext, projects: readonly string[], limit = 20) {
  if (projects.length === 0) return [];
  const teams = await teamsDb(ctx.ledger.db)
    .selectFrom('teams')
    .select(['id', 'name', 'project_slug', 'goal_fen', 'status', 'created_at'])
    .where('project_slug', 'in', [...projects])
    .where('status', '!=', 'hidden')
    .where(notModerated)
    .execute();
  const totals = await teamTotals(
    ctx,
    teams.map((t) => t.id),
  );
  return teams
    .map((t) => ({
      id: t.id,
      name: t.name,
      projectSlug: t.project_slug,
      goalFen: Number(t.goal_fen),
      status: t.status,
      createdAt: t.created_at,
      ...(totals.get(t.id) ?? { raisedFen: 0, giftCount: 0, donorCount: 0, matchedFen: 0 }),
    }))
    .sort((a, b) => b.raisedFen - a.raisedFen || b.donorCount - a.donorCount || (a.createdAt < b.createdAt ? -1 : 1))
    .slice(0, limit)
    .map(({ createdAt: _c, ...rest }) => rest);
}
