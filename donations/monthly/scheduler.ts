import { randomUUID } from 'node:crypto';
import type { Cause, Project } from '../../content/index.ts';
import { todayIso } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { newOutTradeNo } from '../create-donation.ts';
import { isUniqueViolation } from '../ledger/open-ledger.ts';
import { getOrder, insertOrder } from '../ledger/orders.ts';
import { eligibilityOf, routeAmongEligible } from '../route-cause.ts';
import { describeCause } from '../routing.ts';
import { attemptCharge, type ChargeFaults, type ChargeOutcome, type ChargeRules } from './charge.ts';
import { addMonths, dueCharges, periodOf } from './periods.ts';
import { monthlyDb, type PlanRow, recordPlanEvent } from './plans.ts';
import { reconcileUnsigns, stopPlan } from './stop-plan.ts';
import type { PlanChargesTable } from './tables.ts';

/**
 * The monthly scheduler's one tick at the context's clock (`ctx.now()`; croner only decides when
 * ticks run, `run-scheduler.ts`). Several portal processes may tick at once over one database:
 *
 * 1. **claim**: for every active plan whose month is due (`periods.ts`, a pure function), insert
 *    the (plan, period) row — UNIQUE(plan_id, period), so exactly one process wins the month — with
 *    a lease, BEFORE anything is asked of Alipay; then write the month's ordinary pending order;
 * 2. **charge**: the winner calls alipay.trade.pay with the agreement (`charge.ts`);
 * 3. **resume**: months left open — a crash between claim and charge, a retry after a refusal, an
 *    answer that never came — are taken again by whoever finds their lease run out (a conditional
 *    UPDATE), and queried with alipay.trade.query before any new deduction.
 */
export interface SchedulerOptions extends Partial<ChargeRules> {
  leaseMinutes?: number;
  /** Months charged at the same time (calls to Alipay in flight). */
  concurrency?: number;
  faults?: ChargeFaults & {
    /** Test-only: throws to play a crash after the claim and before the order and the charge. */
    afterClaim?: (planId: string, period: string) => void;
  };
}

export interface TickReport {
  claimed: number;
  lost: number;
  resumed: number;
  outcomes: Record<ChargeOutcome, number>;
  ended: number;
  unsigned: number;
  errors: string[];
}

const DEFAULTS = { leaseMinutes: 5, retryHours: 24, maxFailures: 3, concurrency: 4 };

export async function runSchedulerTick(ctx: DonationsContext, options: SchedulerOptions = {}): Promise<TickReport> {
  const o = { ...DEFAULTS, ...options };
  const rules: ChargeRules = { retryHours: o.retryHours, maxFailures: o.maxFailures };
  const report: TickReport = {
    claimed: 0,
    lost: 0,
    resumed: 0,
    outcomes: { paid: 0, retry: 0, failed: 0, skipped: 0, unknown: 0 },
    ended: 0,
    unsigned: 0,
    errors: [],
  };
  const now = ctx.now();
  const db = monthlyDb(ctx.ledger);
  const here = periodOf(now);
  const plans = await db
    .selectFrom('monthly_plans')
    .selectAll()
    .where('status', '=', 'active')
    .where('agreement_no', 'is not', null)
    .where('start_period', '<=', addMonths(here, 1))
    .execute();
  const claimedRows = await db
    .selectFrom('plan_charges')
    .select(['plan_id', 'period'])
    .where('period', 'in', [here, addMonths(here, 1)])
    .execute();
  const claimed = new Set(claimedRows.map((r) => `${r.plan_id}|${r.period}`));
  const work: (() => Promise<void>)[] = dueCharges(plans, claimed, now).map(({ plan, period }) => async () => {
    const charge = await claimMonth(ctx, plan, period, o);
    if (charge === 'lost') report.lost++;
    else if (charge === 'ended') report.ended++;
    else {
      report.claimed++;
      report.outcomes[await attemptCharge(ctx, charge, { first: true, rules, faults: o.faults })]++;
    }
  });
  const open = await db
    .selectFrom('plan_charges')
    .selectAll()
    .where('state', '=', 'open')
    .where('next_attempt_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .execute();
  for (const row of open) {
    work.push(async () => {
      const charge = await takeLease(ctx, row, o.leaseMinutes);
      if (!charge) return;
      report.resumed++;
      await ensureOrder(ctx, charge);
      report.outcomes[await attemptCharge(ctx, charge, { first: false, rules, faults: o.faults })]++;
    });
  }
  await inParallel(work, o.concurrency, (error) => report.errors.push((error as Error).message));
  report.unsigned = await reconcileUnsigns(ctx);
  return report;
}

async function inParallel(
  work: (() => Promise<void>)[],
  width: number,
  onError: (error: unknown) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < work.length) {
      const job = work[next++] as () => Promise<void>;
      await job().catch(onError);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
}

/** Takes a month whose lease ran out (one process wins the conditional UPDATE). */
async function takeLease(
  ctx: DonationsContext,
  row: PlanChargesTable,
  leaseMinutes: number,
): Promise<PlanChargesTable | null> {
  const now = ctx.now();
  const lease = new Date(now.getTime() + leaseMinutes * 60_000).toISOString();
  const result = await monthlyDb(ctx.ledger)
    .updateTable('plan_charges')
    .set({ lease_until: lease, attempts: row.attempts + 1 })
    .where('plan_id', '=', row.plan_id)
    .where('period', '=', row.period)
    .where('state', '=', 'open')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { ...row, lease_until: lease, attempts: row.attempts + 1 } : null;
}

/**
 * The project this month goes to: the plan's own while it accepts donations; else, as the donor
 * chose at sign-up, another eligible project of the same charity (its merchant holds the agreement)
 * routed by the cause rules, with the decision recorded — or the plan ends.
 */
async function monthProject(ctx: DonationsContext, plan: PlanRow): Promise<Project | null> {
  const view = await ctx.snapshots.current();
  const today = todayIso(ctx.now());
  const project = view.projects.get(plan.project_slug);
  const charity = project ? view.charities.get(project.charity) : undefined;
  if (project && charity && eligibilityOf(ctx, project, charity, today).eligible) return project;
  const title = project?.title ?? plan.project_slug;
  if (plan.on_project_end === 'stop') {
    await stopPlan(ctx, plan, 'ended', `项目「${title}」已不再接受捐赠；按您签约时的选择，月捐已停止`);
    return null;
  }
  const cause: Cause = plan.cause_json
    ? (JSON.parse(plan.cause_json) as Cause)
    : { targetGroup: project?.targetGroups[0] };
  const sameCharity = view.snapshot.projects.filter(
    (p) => p.charity === plan.charity_slug && p.slug !== plan.project_slug,
  );
  const scoped = { ...view, snapshot: { ...view.snapshot, projects: sameCharity } };
  const choice = await routeAmongEligible(ctx, scoped, cause, describeCause(cause, view.snapshot), today);
  const next = choice ? view.projects.get(choice.chosen.slug) : undefined;
  if (!choice || !next) {
    await stopPlan(
      ctx,
      plan,
      'ended',
      `项目「${title}」已不再接受捐赠，同一慈善组织暂无其他符合条件的项目；月捐已停止`,
    );
    return null;
  }
  const at = ctx.now().toISOString();
  const moved = await monthlyDb(ctx.ledger)
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .updateTable('monthly_plans')
        .set({ project_slug: next.slug })
        .where('id', '=', plan.id)
        .where('project_slug', '=', plan.project_slug)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await recordPlanEvent(
        trx,
        plan.id,
        at,
        'project-moved',
        `项目「${title}」已不再接受捐赠；按您的选择，月捐转到「${next.title}」。${choice.reason}`,
      );
      return true;
    });
  return moved ? next : null;
}

type ClaimResult = PlanChargesTable | 'lost' | 'ended';

async function claimMonth(
  ctx: DonationsContext,
  plan: PlanRow,
  period: string,
  o: typeof DEFAULTS & SchedulerOptions,
): Promise<ClaimResult> {
  const project = await monthProject(ctx, plan);
  if (!project) return 'ended';
  const now = ctx.now();
  const at = now.toISOString();
  const charge: PlanChargesTable = {
    plan_id: plan.id,
    period,
    order_id: randomUUID(),
    out_trade_no: newOutTradeNo(now),
    project_slug: project.slug,
    amount_fen: plan.amount_fen,
    state: 'open',
    attempts: 1,
    failures: 0,
    next_attempt_at: at,
    lease_until: new Date(now.getTime() + o.leaseMinutes * 60_000).toISOString(),
    last_error: null,
    claimed_at: at,
    settled_at: null,
  };
  try {
    await monthlyDb(ctx.ledger)
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('plan_charges').values(charge).execute();
      });
  } catch (error) {
    if (isUniqueViolation(error)) return 'lost';
    throw error;
  }
  o.faults?.afterClaim?.(plan.id, period);
  await ensureOrder(ctx, charge, plan);
  return charge;
}

/** The month's ordinary pending order (same states, notify path and stats as any gift). */
async function ensureOrder(ctx: DonationsContext, charge: PlanChargesTable, known?: PlanRow): Promise<void> {
  if (await getOrder(ctx.ledger.db, charge.order_id)) return;
  const plan =
    known ??
    (await monthlyDb(ctx.ledger)
      .selectFrom('monthly_plans')
      .selectAll()
      .where('id', '=', charge.plan_id)
      .executeTakeFirstOrThrow());
  const claimed = new Date(charge.claimed_at);
  try {
    await insertOrder(
      ctx.ledger.db,
      {
        id: charge.order_id,
        outTradeNo: charge.out_trade_no,
        projectSlug: charge.project_slug,
        charitySlug: plan.charity_slug,
        merchantAppId: plan.merchant_app_id,
        amountFen: charge.amount_fen,
        channel: plan.channel,
        anonymous: plan.anonymous === 1,
        displayName: plan.display_name,
        message: null,
        routed: plan.cause_json !== null,
        sandbox: plan.sandbox === 1,
        // Reconciliation must not close a month still being retried: the window covers the retries.
        payExpiresAt: new Date(claimed.getTime() + 5 * 86_400_000).toISOString(),
        createdAt: charge.claimed_at,
      },
      { requested: false, nameEnc: null, taxIdKind: null, taxIdEnc: null, emailEnc: null },
      null,
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
