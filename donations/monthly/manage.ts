import { z } from 'zod';
import {
  amountRangeMessage,
  firstIssue,
  formatYuan,
  isWithinBounds,
  monthlyChoiceSchema,
} from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { signUrl } from './create-plan.ts';
import { addMonths, claimWindow, dueDate, openPeriod, periodOf } from './periods.ts';
import { monthlyDb, type PlanRow, planByToken, recordPlanEvent } from './plans.ts';
import { stopPlan } from './stop-plan.ts';

/**
 * The donor's management page behind the private link (no account): each month's gift, the plan's
 * history, and the changes — amount or day (from the next month not yet charged), pause, resume,
 * and cancel in one step (`stop-plan.ts`: the scheduler stops at once, Alipay is unsigned after).
 */
export interface PlanView {
  status: PlanRow['status'];
  statusReason: string | null;
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  amountFen: number;
  maxAmountFen: number;
  dayOfMonth: number;
  onProjectEnd: PlanRow['on_project_end'];
  /** The next agreed day a charge is planned for (null when the plan is stopped or paused). */
  nextChargeOn: string | null;
  /** While the plan waits for its agreement: the signing page again. */
  signUrl: string | null;
  sandbox: boolean;
  charges: {
    period: string;
    amountFen: number;
    state: string;
    orderStatus: string | null;
    project: string;
    note: string | null;
  }[];
  history: { at: string; kind: string; detail: string }[];
}

const changeSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('change'),
      amountFen: z.number().int({ message: '金额应为整数（单位：分）' }).min(1, { message: '金额应大于 0' }).optional(),
      dayOfMonth: monthlyChoiceSchema.shape.dayOfMonth.optional(),
    }),
    z.strictObject({ action: z.literal('pause') }),
    z.strictObject({ action: z.literal('resume') }),
    z.strictObject({ action: z.literal('cancel') }),
  ],
  { message: '操作应为 change、pause、resume 或 cancel' },
);

async function requirePlan(ctx: DonationsContext, token: string): Promise<PlanRow> {
  const plan = await planByToken(monthlyDb(ctx.ledger), token);
  if (!plan) throw new DonationError(404, 'NOT_FOUND', '找不到这项月捐：管理链接有误或不完整');
  return plan;
}

/** The first period a plan could still be charged for, given what is claimed already. */
async function nextPeriod(ctx: DonationsContext, plan: PlanRow, day: number): Promise<string> {
  const last = await monthlyDb(ctx.ledger)
    .selectFrom('plan_charges')
    .select((eb) => eb.fn.max('period').as('p'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  const now = ctx.now().getTime();
  let period = last?.p ? addMonths(String(last.p), 1) : plan.start_period;
  if (period < periodOf(now)) period = periodOf(now);
  while (now >= claimWindow(period, day).closes) period = addMonths(period, 1);
  return period;
}

export async function viewPlan(ctx: DonationsContext, token: string): Promise<PlanView> {
  const plan = await requirePlan(ctx, token);
  const db = monthlyDb(ctx.ledger);
  const view = await ctx.snapshots.current().catch(() => null);
  const title = (slug: string) => view?.projects.get(slug)?.title ?? slug;
  const charges = await db
    .selectFrom('plan_charges')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('period', 'desc')
    .limit(120)
    .execute();
  const orders = charges.length
    ? await ctx.ledger.db
        .selectFrom('orders')
        .select(['id', 'status'])
        .where(
          'id',
          'in',
          charges.map((c) => c.order_id),
        )
        .execute()
    : [];
  const status = new Map(orders.map((o) => [o.id, o.status]));
  const history = await db
    .selectFrom('plan_events')
    .select(['at', 'kind', 'detail'])
    .where('plan_id', '=', plan.id)
    .orderBy('at', 'desc')
    .limit(50)
    .execute();
  let sign: string | null = null;
  if (plan.status === 'signing') {
    const merchant = await ctx.merchants.byAppId(plan.merchant_app_id);
    if (merchant)
      sign = signUrl(ctx, plan, merchant, `${ctx.config.siteUrl.replace(/\/$/, '')}/monthly/manage/#${token}`);
  }
  const running = plan.status === 'active' || plan.status === 'signing';
  return {
    status: plan.status,
    statusReason: plan.status_reason,
    project: {
      slug: plan.project_slug,
      title: title(plan.project_slug),
      charity: { slug: plan.charity_slug, name: view?.charities.get(plan.charity_slug)?.name ?? plan.charity_slug },
    },
    amountFen: plan.amount_fen,
    maxAmountFen: plan.max_amount_fen,
    dayOfMonth: plan.day_of_month,
    onProjectEnd: plan.on_project_end,
    nextChargeOn: running ? dueDate(await nextPeriod(ctx, plan, plan.day_of_month), plan.day_of_month) : null,
    signUrl: sign,
    sandbox: plan.sandbox === 1,
    charges: charges.map((c) => ({
      period: c.period,
      amountFen: c.amount_fen,
      state: c.state,
      orderStatus: status.get(c.order_id) ?? null,
      project: title(c.project_slug),
      note: c.state === 'paid' ? null : c.last_error,
    })),
    history: history.map((h) => ({ at: new Date(h.at).toISOString(), kind: h.kind, detail: h.detail })),
  };
}

export async function changePlan(ctx: DonationsContext, token: string, body: unknown): Promise<PlanView> {
  const parsed = changeSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new DonationError(400, 'INVALID_BODY', issue.message, issue.field);
  }
  const plan = await requirePlan(ctx, token);
  const change = parsed.data;
  const db = monthlyDb(ctx.ledger);
  const at = ctx.now().toISOString();
  const refuse = (message: string): never => {
    throw new DonationError(409, 'NOT_ACCEPTING_DONATIONS', message);
  };
  if (change.action === 'cancel') {
    if (plan.status === 'cancelled' || plan.status === 'ended') return viewPlan(ctx, token);
    await stopPlan(ctx, plan, 'cancelled', '您已取消月捐；不会再扣款');
    return viewPlan(ctx, token);
  }
  const moves = {
    pause: ['active', 'paused', '您已暂停月捐；恢复前不会扣款'],
    resume: ['paused', 'active', '您已恢复月捐'],
  } as const;
  if (change.action === 'pause' || change.action === 'resume') {
    const [from, to, detail] = moves[change.action];
    if (plan.status === to) return viewPlan(ctx, token);
    if (plan.status !== from)
      refuse(`这项月捐当前${STATUS[plan.status]}，不能${change.action === 'pause' ? '暂停' : '恢复'}`);
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('monthly_plans')
        .set({ status: to, status_reason: to === 'paused' ? detail : null })
        .where('id', '=', plan.id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) await recordPlanEvent(trx, plan.id, at, change.action, detail);
    });
    return viewPlan(ctx, token);
  }
  if (plan.status === 'cancelled' || plan.status === 'ended') refuse(`这项月捐${STATUS[plan.status]}，不能修改`);
  const amount = change.amountFen ?? plan.amount_fen;
  const day = change.dayOfMonth ?? plan.day_of_month;
  if (!isWithinBounds(amount, ctx.config.amount)) {
    throw new DonationError(400, 'AMOUNT_OUT_OF_RANGE', amountRangeMessage(ctx.config.amount), 'amountFen');
  }
  if (amount > plan.max_amount_fen) {
    throw new DonationError(
      400,
      'AMOUNT_OUT_OF_RANGE',
      `支付宝协议约定单次最多扣 ${formatYuan(plan.max_amount_fen)}；要提高金额，请取消后重新签约`,
      'amountFen',
    );
  }
  // From the next month not charged yet: a month already claimed keeps what it was claimed with.
  const start = day === plan.day_of_month ? plan.start_period : await nextPeriod(ctx, plan, day);
  const open = openPeriod({ start_period: plan.start_period, day_of_month: plan.day_of_month }, ctx.now());
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('monthly_plans')
      .set({
        amount_fen: amount,
        day_of_month: day,
        start_period: [plan.start_period, start].sort()[1] as string,
      })
      .where('id', '=', plan.id)
      .execute();
    await recordPlanEvent(
      trx,
      plan.id,
      at,
      'changed',
      `改为每月 ${day} 日捐 ${formatYuan(amount)}${open ? '（本月已在扣款期内的按原设置）' : ''}`,
    );
  });
  return viewPlan(ctx, token);
}

const STATUS: Record<PlanRow['status'], string> = {
  signing: '尚未签约',
  active: '进行中',
  paused: '已暂停',
  cancelled: '已取消',
  ended: '已结束',
};
