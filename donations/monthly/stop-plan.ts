import type { DonationsContext } from '../context.ts';
import { queryAgreement, unsignAgreement } from './alipay-agreement.ts';
import { monthlyDb, type PlanRow, recordPlanEvent } from './plans.ts';

/**
 * Ending a plan (the donor cancels, its project ends with "stop", Alipay's side unsigned): the plan's
 * row changes first, in one conditional UPDATE, so the scheduler stops for it at once — whatever
 * Alipay answers after. Then the agreement is unsigned with Alipay; a lost or failed answer leaves
 * `unsign_state = 'requested'` and `reconcileUnsigns` asks again later (query, then unsign).
 */
export async function stopPlan(
  ctx: DonationsContext,
  plan: PlanRow,
  to: 'cancelled' | 'ended',
  reason: string,
): Promise<boolean> {
  const db = monthlyDb(ctx.ledger);
  const at = ctx.now().toISOString();
  const stopped = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('monthly_plans')
      .set({
        status: to,
        status_reason: reason,
        cancelled_at: at,
        unsign_state: plan.agreement_no ? 'requested' : 'confirmed',
      })
      .where('id', '=', plan.id)
      .where('status', 'in', ['signing', 'active', 'paused'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordPlanEvent(trx, plan.id, at, to, reason);
    return true;
  });
  if (stopped && plan.agreement_no) await unsignNow(ctx, plan.id, plan.merchant_app_id, plan.agreement_no);
  return stopped;
}

async function unsignNow(ctx: DonationsContext, planId: string, appId: string, agreementNo: string): Promise<boolean> {
  const merchant = await ctx.merchants.byAppId(appId);
  if (!merchant) return false;
  const known = await queryAgreement(merchant, agreementNo);
  const answer =
    known.kind === 'ok' && known.status === 'NORMAL' ? await unsignAgreement(merchant, agreementNo) : known;
  if (answer.kind === 'error') {
    ctx.log(`月捐 ${planId}：支付宝解约未确认（稍后重试）：${answer.message}`);
    return false;
  }
  await monthlyDb(ctx.ledger)
    .updateTable('monthly_plans')
    .set({ unsign_state: 'confirmed' })
    .where('id', '=', planId)
    .where('unsign_state', '=', 'requested')
    .execute();
  return true;
}

/** Unsigns whose answer was lost or refused: asked again (the scheduler calls this each tick). */
export async function reconcileUnsigns(ctx: DonationsContext, limit = 200): Promise<number> {
  const rows = await monthlyDb(ctx.ledger)
    .selectFrom('monthly_plans')
    .select(['id', 'merchant_app_id', 'agreement_no'])
    .where('unsign_state', '=', 'requested')
    .limit(limit)
    .execute();
  let confirmed = 0;
  for (const row of rows) {
    if (row.agreement_no && (await unsignNow(ctx, row.id, row.merchant_app_id, row.agreement_no))) confirmed++;
  }
  return confirmed;
}
