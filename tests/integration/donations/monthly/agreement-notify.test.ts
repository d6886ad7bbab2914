import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyDb } from '../../../../donations/monthly/plans.ts';
import { runSchedulerTick } from '../../../../donations/monthly/scheduler.ts';
import { SandboxKeys } from '../../../../donations/sandbox/sandbox-keys.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import {
  agreementNotify,
  chinaNoon,
  desk,
  monthlySnapshot,
  planRow,
  signedPlan,
} from '../../../support/donations/monthly.ts';
import { postNotify } from '../../../support/donations/orders.ts';

/**
 * Agreement notifies (`dut_user_sign` / `dut_user_unsign`) on the payment notify route, signed by
 * the sandbox's fake of Alipay, and the donor's management link: hostile notifies change nothing
 * and get `failure`; the donor cancels in one step, also when Alipay's answer is lost.
 */
async function plansTable(h: Harness) {
  return monthlyDb(h.ctx.ledger).selectFrom('monthly_plans').selectAll().orderBy('id').execute();
}

describe.each(BACKENDS)('monthly agreements on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, { snapshot: monthlySnapshot() });
    h.clock.current = chinaNoon('2026-02-15');
  }, 60_000);
  afterAll(async () => {
    await h?.ctx.sandbox?.idle();
    await h?.close();
  });

  it.skipIf(skip)('hostile agreement notifies get failure and change nothing', async () => {
    const a = await signedPlan(h);
    const b = await signedPlan(h, { amountFen: 2_000 });
    const before = await plansTable(h);
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const other = new SandboxKeys(h.config.sandboxDir).merchantFor('yunnan-cishan').appId;
    const hostile = {
      forged: agreementNotify(h, a, 'dut_user_unsign', {}, forger.toString()),
      tampered: { ...agreementNotify(h, a, 'dut_user_sign'), agreement_no: '20269999999999999999' },
      unknownApp: agreementNotify(h, a, 'dut_user_unsign', {
        app_id: '2021000000000000',
        auth_app_id: '2021000000000000',
      }),
      otherMerchant: agreementNotify(h, a, 'dut_user_unsign', { app_id: other, auth_app_id: other }),
      unknownAgreement: agreementNotify(h, a, 'dut_user_unsign', {
        external_agreement_no: 'XJM000000000000000000000000',
      }),
      otherPlansUnsign: agreementNotify(h, a, 'dut_user_unsign', { external_agreement_no: b.externalNo }),
      otherProduct: agreementNotify(h, a, 'dut_user_unsign', { personal_product_code: 'GENERAL_WITHHOLDING_P' }),
      signForOtherAgreement: agreementNotify(h, b, 'dut_user_sign', { agreement_no: a.agreementNo }),
    };
    for (const [label, fields] of Object.entries(hostile)) {
      expect(await postNotify(h, fields), label).toBe('failure');
    }
    expect(await plansTable(h)).toEqual(before);
    // The genuine copy Alipay sends again is acknowledged and changes nothing either.
    expect(await postNotify(h, agreementNotify(h, a, 'dut_user_sign'))).toBe('success');
    expect(await plansTable(h)).toEqual(before);
  });

  it.skipIf(skip)('cancel in one step from the link; a replayed sign notify cannot bring it back', async () => {
    const plan = await signedPlan(h, {}, { dayOfMonth: 20 });
    const signNotify = agreementNotify(h, plan, 'dut_user_sign');
    const view = await fetch(`${h.url}/api/monthly/${plan.token}`);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(await view.json()).toMatchObject({
      status: 'active',
      amountFen: 3_000,
      dayOfMonth: 20,
      nextChargeOn: '2026-02-20',
    });
    const cancelled = await postJson(`${h.url}/api/monthly/${plan.token}`, { action: 'cancel' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', nextChargeOn: null });
    expect(await planRow(h, plan.planId)).toMatchObject({ status: 'cancelled', unsign_state: 'confirmed' });
    expect(desk(h).agreement(plan.appId, plan.externalNo)?.status).toBe('STOP');
    await h.ctx.sandbox?.idle();
    const before = await plansTable(h);
    expect(await postNotify(h, signNotify)).toBe('failure');
    expect(await plansTable(h)).toEqual(before);
    h.clock.current = chinaNoon('2026-02-19');
    await runSchedulerTick(h.ctx);
    const charges = await monthlyDb(h.ctx.ledger)
      .selectFrom('plan_charges')
      .selectAll()
      .where('plan_id', '=', plan.planId)
      .execute();
    expect(charges).toEqual([]);
    h.clock.current = chinaNoon('2026-02-15');
  });

  it.skipIf(skip)(
    'cancel while Alipay does not answer: the scheduler stops at once, the unsign is reconciled',
    async () => {
      const plan = await signedPlan(h, {}, { dayOfMonth: 21 });
      const gateway = h.ctx.merchants;
      // Alipay's gateway unreachable for this merchant while the donor cancels.
      const merchant = await gateway.byAppId(plan.appId);
      const exec = merchant?.sdk.exec.bind(merchant.sdk);
      if (!merchant || !exec) throw new Error('no merchant');
      merchant.sdk.exec = async () => {
        throw new Error('网络不可达（测试：支付宝的应答丢失）');
      };
      try {
        const cancelled = await postJson(`${h.url}/api/monthly/${plan.token}`, { action: 'cancel' });
        expect(cancelled.json).toMatchObject({ status: 'cancelled' });
        expect(await planRow(h, plan.planId)).toMatchObject({ status: 'cancelled', unsign_state: 'requested' });
        expect(desk(h).agreement(plan.appId, plan.externalNo)?.status).toBe('NORMAL');
        h.clock.current = chinaNoon('2026-02-20');
        await runSchedulerTick(h.ctx);
        expect(
          await monthlyDb(h.ctx.ledger)
            .selectFrom('plan_charges')
            .selectAll()
            .where('plan_id', '=', plan.planId)
            .execute(),
        ).toEqual([]);
      } finally {
        merchant.sdk.exec = exec;
      }
      const report = await runSchedulerTick(h.ctx);
      expect(report.unsigned).toBeGreaterThanOrEqual(1);
      expect(await planRow(h, plan.planId)).toMatchObject({ status: 'cancelled', unsign_state: 'confirmed' });
      expect(desk(h).agreement(plan.appId, plan.externalNo)?.status).toBe('STOP');
      h.clock.current = chinaNoon('2026-02-15');
    },
  );

  it.skipIf(skip)('unsigning inside Alipay cancels the plan (dut_user_unsign); the link shows why', async () => {
    const plan = await signedPlan(h, {}, { dayOfMonth: 22 });
    expect(await desk(h).userUnsign(plan.appId, plan.agreementNo)).toBe('success');
    const view = await (await fetch(`${h.url}/api/monthly/${plan.token}`)).json();
    expect(view).toMatchObject({ status: 'cancelled', statusReason: '您已在支付宝解除扣款协议，月捐已取消' });
  });

  it.skipIf(skip)('change amount and day, pause and resume; refused above the signed cap', async () => {
    const plan = await signedPlan(h, {}, { dayOfMonth: 25 });
    const url = `${h.url}/api/monthly/${plan.token}`;
    expect((await postJson(url, { action: 'change', amountFen: 2_000, dayOfMonth: 3 })).json).toMatchObject({
      amountFen: 2_000,
      dayOfMonth: 3,
      nextChargeOn: '2026-03-03',
    });
    const above = await postJson(url, { action: 'change', amountFen: 5_000 });
    expect(above.status).toBe(400);
    expect(above.json.error.code).toBe('AMOUNT_OUT_OF_RANGE');
    expect((await postJson(url, { action: 'pause' })).json).toMatchObject({ status: 'paused', nextChargeOn: null });
    expect((await postJson(url, { action: 'resume' })).json).toMatchObject({ status: 'active' });
    expect((await postJson(url, { action: 'stop' })).status).toBe(400);
    expect((await fetch(`${h.url}/api/monthly/${'x'.repeat(43)}`)).status).toBe(404);
    h.clock.current = chinaNoon('2026-03-02');
    await runSchedulerTick(h.ctx);
    const [march] = await monthlyDb(h.ctx.ledger)
      .selectFrom('plan_charges')
      .selectAll()
      .where('plan_id', '=', plan.planId)
      .execute();
    expect(march).toMatchObject({ period: '2026-03', amount_fen: 2_000, state: 'paid' });
    const stats = await (await fetch(`${h.url}/api/projects/yuejuan-zhuxue/stats`)).json();
    expect(stats.monthlyDonors).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(stats)).not.toContain(plan.externalNo);
    h.clock.current = chinaNoon('2026-02-15');
  });
});
