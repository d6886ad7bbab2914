import { todayIso } from '../../content/index.ts';
import { fromAlipayTime } from '../alipay/alipay-time.ts';
import { queryTrade } from '../alipay/trade-query.ts';
import type { DonationsContext } from '../context.ts';
import type { PaymentEventInput } from '../ledger/events.ts';
import { getOrder, type OrderRow } from '../ledger/orders.ts';
import { transitionOrder } from '../ledger/transitions.ts';
import { eligibilityOf } from '../route-cause.ts';
import { PAID_STATUSES, settlePaid } from '../settle.ts';
import { deduct } from './alipay-agreement.ts';
import { getPlan, monthlyDb, type PlanRow, recordPlanEvent } from './plans.ts';
import type { PlanChargesTable } from './tables.ts';

/**
 * One attempt at one month's charge, by the scheduler that holds the month's lease (`scheduler.ts`).
 * The month's order exists before Alipay is called (the claim wrote it); an attempt that follows
 * another (a retry, or a restart after a crash) first asks alipay.trade.query about the month's
 * out_trade_no, so a deduction Alipay made but we never recorded is settled, not made again — and
 * the same out_trade_no is sent again otherwise, which Alipay would refuse to pay twice.
 */
export interface ChargeRules {
  retryHours: number;
  /** Business refusals allowed before the plan pauses (the last one pauses it). */
  maxFailures: number;
}

export type ChargeOutcome = 'paid' | 'retry' | 'failed' | 'skipped' | 'unknown';

export interface ChargeFaults {
  /** Test-only: throws to play a crash after Alipay deducted and before we recorded it. */
  afterDeduct?: (planId: string, period: string) => void;
}

type Charge = PlanChargesTable;

const REASONS: Record<string, string> = {
  'ACQ.BUYER_BALANCE_NOT_ENOUGH': '支付宝账户余额不足',
  'ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH': '绑定银行卡余额不足',
  'ACQ.AGREEMENT_NOT_EXIST': '支付宝扣款协议不存在（可能已在支付宝解约）',
  'ACQ.AGREEMENT_INVALID': '支付宝扣款协议已失效（可能已在支付宝解约）',
  'ACQ.AGREEMENT_STATUS_NOT_NORMAL': '支付宝扣款协议不是正常状态',
  'ACQ.PAYMENT_AUTH_CODE_INVALID': '支付宝扣款协议已失效',
};

export function refusalReason(subCode: string, message: string): string {
  return REASONS[subCode] ?? `支付宝拒绝扣款（${subCode}${message ? `：${message}` : ''}）`;
}

async function setCharge(ctx: DonationsContext, charge: Charge, values: Partial<Charge>): Promise<void> {
  await monthlyDb(ctx.ledger)
    .updateTable('plan_charges')
    .set(values)
    .where('plan_id', '=', charge.plan_id)
    .where('period', '=', charge.period)
    .execute();
}

async function closeOrder(ctx: DonationsContext, order: OrderRow, at: string): Promise<void> {
  if (order.status !== 'pending') return;
  await transitionOrder(ctx.ledger.db, { orderId: order.id, from: 'pending', to: 'closed', at, source: 'system' });
}

async function settle(
  ctx: DonationsContext,
  order: OrderRow,
  charge: Charge,
  paid: { tradeNo: string; paidAt: string | null; raw: string; tradeStatus: string },
  at: string,
): Promise<ChargeOutcome> {
  const event: PaymentEventInput = {
    source: 'query',
    appId: order.merchant_app_id,
    outTradeNo: order.out_trade_no,
    tradeNo: paid.tradeNo,
    tradeStatus: paid.tradeStatus,
    raw: paid.raw,
    verified: true,
  };
  const result = await settlePaid(ctx.ledger.db, order, {
    tradeNo: paid.tradeNo,
    paidAt: paid.paidAt,
    at,
    source: 'query',
    event,
  });
  if (!result.ok) {
    await setCharge(ctx, charge, { lease_until: null, last_error: result.outcome });
    return 'unknown';
  }
  await setCharge(ctx, charge, { state: 'paid', settled_at: at, lease_until: null, last_error: null });
  return 'paid';
}

export async function attemptCharge(
  ctx: DonationsContext,
  charge: Charge,
  options: { first: boolean; rules: ChargeRules; faults?: ChargeFaults },
): Promise<ChargeOutcome> {
  const at = ctx.now().toISOString();
  const order = await getOrder(ctx.ledger.db, charge.order_id);
  const plan = await getPlan(monthlyDb(ctx.ledger), charge.plan_id);
  if (!order || !plan) throw new Error(`月捐 ${charge.plan_id} ${charge.period}：订单或计划缺失`);
  if (order.status !== 'pending') {
    const paid = order.status === 'paid' || order.status === 'refunded';
    await setCharge(ctx, charge, { state: paid ? 'paid' : 'failed', settled_at: at, lease_until: null });
    return paid ? 'paid' : 'failed';
  }
  const merchant = await ctx.merchants.byAppId(order.merchant_app_id);
  if (!merchant) {
    await setCharge(ctx, charge, { lease_until: null, last_error: `商户 ${order.merchant_app_id} 未配置` });
    return 'unknown';
  }
  if (!options.first) {
    // A call before this one may have reached Alipay: what does Alipay know of this month?
    const known = await queryTrade(merchant, order.out_trade_no);
    if (known.kind === 'found' && PAID_STATUSES.has(known.tradeStatus)) {
      return settle(
        ctx,
        order,
        charge,
        { ...known, paidAt: fromAlipayTime(known.sendPayDate) ?? null, raw: known.raw },
        at,
      );
    }
    if (known.kind === 'error') {
      await setCharge(ctx, charge, { lease_until: null, last_error: known.message });
      return 'unknown';
    }
  }
  const check = await chargeable(ctx, plan, charge);
  if ('skip' in check) {
    await closeOrder(ctx, order, at);
    await setCharge(ctx, charge, { state: 'skipped', settled_at: at, lease_until: null, last_error: check.skip });
    return 'skipped';
  }
  const answer = await deduct(merchant, {
    outTradeNo: order.out_trade_no,
    amountFen: order.amount_fen,
    subject: check.title,
    agreementNo: plan.agreement_no as string,
    notifyUrl: ctx.config.notifyUrl,
  });
  options.faults?.afterDeduct?.(charge.plan_id, charge.period);
  if (answer.kind === 'paid') {
    return settle(
      ctx,
      order,
      charge,
      {
        tradeNo: answer.tradeNo,
        paidAt: fromAlipayTime(answer.paidAt ?? undefined),
        raw: answer.raw,
        tradeStatus: 'TRADE_SUCCESS',
      },
      at,
    );
  }
  if (answer.kind === 'unknown') {
    // Not a refusal: the next attempt queries first (10 minutes, not a day).
    const next = new Date(Date.parse(at) + 10 * 60_000).toISOString();
    await setCharge(ctx, charge, { lease_until: null, next_attempt_at: next, last_error: answer.message });
    return 'unknown';
  }
  if (answer.subCode === 'ACQ.TRADE_HAS_SUCCESS') {
    await setCharge(ctx, charge, { lease_until: null, last_error: answer.subCode });
    return 'unknown';
  }
  const failures = charge.failures + 1;
  const reason = refusalReason(answer.subCode, answer.message);
  if (answer.permanent || failures >= options.rules.maxFailures) {
    await closeOrder(ctx, order, at);
    await setCharge(ctx, charge, { state: 'failed', failures, settled_at: at, lease_until: null, last_error: reason });
    await pausePlan(
      ctx,
      plan,
      `${charge.period} 扣款 ${failures} 次未成功：${reason}。月捐已暂停，可在管理页面恢复或取消`,
      at,
    );
    return 'failed';
  }
  const next = new Date(Date.parse(at) + options.rules.retryHours * 3_600_000).toISOString();
  await setCharge(ctx, charge, { failures, lease_until: null, next_attempt_at: next, last_error: reason });
  return 'retry';
}

/** The project's title, or why this month must not be charged now (plan stopped, project not accepting). */
async function chargeable(
  ctx: DonationsContext,
  plan: PlanRow,
  charge: Charge,
): Promise<{ title: string } | { skip: string }> {
  if (plan.status !== 'active' || !plan.agreement_no) return { skip: `月捐状态为 ${plan.status}，本月不扣款` };
  const view = await ctx.snapshots.current();
  const project = view.projects.get(charge.project_slug);
  const charity = project ? view.charities.get(project.charity) : undefined;
  if (!project || !charity || !eligibilityOf(ctx, project, charity, todayIso(ctx.now())).eligible) {
    return { skip: `项目 ${project?.title ?? charge.project_slug} 已不再接受捐赠，本月不扣款` };
  }
  return { title: project.title };
}

async function pausePlan(ctx: DonationsContext, plan: PlanRow, reason: string, at: string): Promise<void> {
  const db = monthlyDb(ctx.ledger);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('monthly_plans')
      .set({ status: 'paused', status_reason: reason })
      .where('id', '=', plan.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) await recordPlanEvent(trx, plan.id, at, 'paused', reason);
  });
}
