import { fromAlipayTime } from '../alipay/alipay-time.ts';
import type { DonationsContext } from '../context.ts';
import { type PaymentEventInput, recordEvent } from '../ledger/events.ts';
import type { Merchant } from '../merchants/merchant.ts';
import { PERSONAL_PRODUCT_CODE, SIGN_SCENE } from './alipay-agreement.ts';
import { monthlyDb, planByExternalNo, recordPlanEvent } from './plans.ts';

/**
 * Alipay's agreement notifies (`dut_user_sign`, `dut_user_unsign`) on the payment notify route,
 * AFTER notify.ts verified `sign_type`, the merchant named by app_id and the RSA2 signature — the
 * same rigour as a payment. Then, in order: our personal product and signing scene → the plan by
 * OUR reference (`external_agreement_no`) → the plan belongs to this app → for a sign: status NORMAL,
 * the plan still waiting (a later copy of the same agreement is a duplicate; any other is refused)
 * → for an unsign: the agreement number must be the plan's own (an unsign naming another plan's
 * reference changes nothing) → one conditional UPDATE. Every verified notify is a payment event,
 * without the Alipay user's identifiers (a keyed hash of the user id only).
 */
export const AGREEMENT_NOTIFY_TYPES = new Set(['dut_user_sign', 'dut_user_unsign']);

export interface AgreementNotifyResult {
  reply: 'success' | 'failure';
  outcome: string;
}

export async function handleAgreementNotify(
  ctx: DonationsContext,
  fields: Record<string, string>,
  merchant: Merchant,
  at: string,
): Promise<AgreementNotifyResult> {
  const { alipay_user_id: userId, alipay_logon_id: _logon, ...kept } = fields;
  const event: PaymentEventInput = {
    source: 'notify',
    appId: fields.app_id ?? null,
    outTradeNo: fields.external_agreement_no ?? null,
    tradeNo: fields.agreement_no ?? null,
    tradeStatus: `${fields.notify_type}:${fields.status ?? ''}`,
    notifyId: fields.notify_id ?? null,
    raw: JSON.stringify(kept),
    buyerRef: userId ? ctx.buyerRef(userId) : null,
    verified: true,
  };
  const done = async (reply: 'success' | 'failure', outcome: string, detail: string) => {
    await recordEvent(ctx.ledger.db, event, { outcome, detail }, at);
    return { reply, outcome };
  };
  if (fields.personal_product_code !== PERSONAL_PRODUCT_CODE || fields.sign_scene !== SIGN_SCENE) {
    return done(
      'failure',
      'AGREEMENT_PRODUCT_MISMATCH',
      `不是本站的周期扣款协议：${fields.personal_product_code ?? '（缺失）'} ${fields.sign_scene ?? ''}`,
    );
  }
  const db = monthlyDb(ctx.ledger);
  const plan = fields.external_agreement_no ? await planByExternalNo(db, fields.external_agreement_no) : null;
  if (!plan) return done('failure', 'UNKNOWN_AGREEMENT', `找不到协议 ${fields.external_agreement_no ?? '（缺失）'}`);
  if (plan.merchant_app_id !== merchant.appId) {
    return done('failure', 'APP_ID_MISMATCH', `协议属于商户 ${plan.merchant_app_id}，通知来自 ${merchant.appId}`);
  }
  const agreementNo = fields.agreement_no ?? '';
  if (!/^[0-9A-Za-z]{8,64}$/.test(agreementNo))
    return done('failure', 'MISSING_AGREEMENT_NO', '缺少或无效的支付宝协议号');

  if (fields.notify_type === 'dut_user_sign') {
    if (fields.status !== 'NORMAL')
      return done('failure', 'UNKNOWN_STATUS', `签约通知的状态不是 NORMAL：${fields.status ?? '（缺失）'}`);
    if (plan.status !== 'signing') {
      if (plan.agreement_no === agreementNo && (plan.status === 'active' || plan.status === 'paused')) {
        return done('success', 'DUPLICATE', '重复的签约通知，未作改动');
      }
      return done('failure', 'STALE_SIGN', `计划状态为 ${plan.status}，不接受这份签约通知`);
    }
    const signedAt = fromAlipayTime(fields.sign_time) ?? at;
    const changed = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('monthly_plans')
        .set({ status: 'active', agreement_no: agreementNo, signed_at: signedAt })
        .where('id', '=', plan.id)
        .where('status', '=', 'signing')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await recordPlanEvent(trx, plan.id, at, 'signed', '已在支付宝开通月捐扣款');
      return true;
    });
    return changed ? done('success', 'SIGNED', '签约生效') : done('failure', 'RACE', '计划状态已变化，支付宝会重发');
  }

  // dut_user_unsign
  if (plan.agreement_no !== agreementNo) {
    return done('failure', 'AGREEMENT_MISMATCH', `协议号 ${agreementNo} 不是计划 ${plan.external_agreement_no} 的协议`);
  }
  if (plan.status === 'cancelled' || plan.status === 'ended') {
    await db
      .updateTable('monthly_plans')
      .set({ unsign_state: 'confirmed' })
      .where('id', '=', plan.id)
      .where('unsign_state', '=', 'requested')
      .execute();
    return done('success', 'UNSIGN_CONFIRMED', '解约已确认');
  }
  const reason = '您已在支付宝解除扣款协议，月捐已取消';
  const changed = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('monthly_plans')
      .set({ status: 'cancelled', status_reason: reason, cancelled_at: at, unsign_state: 'confirmed' })
      .where('id', '=', plan.id)
      .where('status', 'in', ['active', 'paused'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await recordPlanEvent(trx, plan.id, at, 'cancelled', reason);
    return true;
  });
  return changed ? done('success', 'UNSIGNED', reason) : done('failure', 'RACE', '计划状态已变化，支付宝会重发');
}
