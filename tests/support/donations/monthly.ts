import { expect } from 'vitest';
import type { Snapshot } from '../../../content/index.ts';
import { monthlyDb, type PlanRow } from '../../../donations/monthly/plans.ts';
import { type Params, signNotify } from '../../../donations/sandbox/alipay-signing.ts';
import type { FakeAgreementDesk } from '../../../donations/sandbox/fake-alipay-agreements.ts';
import { SandboxKeys } from '../../../donations/sandbox/sandbox-keys.ts';
import { CREDIT_CODES, charity, project, REGIONS, snapshotOf } from '../fixtures/donations.ts';
import { type Harness, postForm, postJson } from './harness.ts';

/**
 * Monthly giving in tests: a world whose projects accept gifts for more than a year, and the steps
 * a donor takes — POST /api/donations with `monthly`, then signing on the sandbox's page (the fake
 * Alipay sends `dut_user_sign` to the harness's notify route over HTTP).
 */
export function monthlySnapshot(): Snapshot {
  const long = { start: '2026-01-01', end: '2027-12-31' };
  return snapshotOf(
    [
      project('yuejuan-zhuxue', { regions: [REGIONS.minxian], window: long }),
      project('yuejuan-duanqi', { regions: [REGIONS.minxian], window: { start: '2026-01-01', end: '2026-02-28' } }),
      project('yuejuan-jiexu', { regions: [REGIONS.minxian], window: long, goalFen: 20_000_000 }),
      project('yuejuan-yunnan', { charity: 'yunnan-cishan', regions: [REGIONS.zhenxiong], window: long }),
    ],
    [charity('gansu-cishan'), charity('yunnan-cishan', { creditCode: CREDIT_CODES[1] })],
  );
}

export const desk = (h: Harness) => h.ctx.sandbox?.agreements as FakeAgreementDesk;

export async function planRow(h: Harness, planId: string): Promise<PlanRow> {
  return monthlyDb(h.ctx.ledger)
    .selectFrom('monthly_plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
}

export interface SignedPlan {
  planId: string;
  token: string;
  appId: string;
  externalNo: string;
  agreementNo: string;
}

/** Asks for a monthly gift over HTTP, opens the signing page and signs; the plan is active after. */
export async function signedPlan(
  h: Harness,
  body: Record<string, unknown> = {},
  monthly: Record<string, unknown> = {},
): Promise<SignedPlan> {
  const created = await postJson(`${h.url}/api/donations`, {
    projectSlug: 'yuejuan-zhuxue',
    amountFen: 3_000,
    channel: 'page',
    anonymous: true,
    monthly: { dayOfMonth: 16, onProjectEnd: 'continue', ...monthly },
    ...body,
  });
  expect(created.status, created.text).toBe(201);
  const answer = created.json as unknown as { planId: string; pay: { url: string }; monthly: { manageUrl: string } };
  const page = await fetch(answer.pay.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('开通周期扣款');
  const plan = await planRow(h, answer.planId);
  const signed = await postForm(`${h.url}/api/payments/sandbox/sign`, {
    app_id: plan.merchant_app_id,
    external_agreement_no: plan.external_agreement_no,
    action: 'sign',
  });
  expect(await signed.text()).toContain('沙箱签约成功');
  const after = await planRow(h, answer.planId);
  expect(after.status).toBe('active');
  return {
    planId: answer.planId,
    token: answer.monthly.manageUrl.split('#')[1] as string,
    appId: after.merchant_app_id,
    externalNo: after.external_agreement_no,
    agreementNo: after.agreement_no as string,
  };
}

/** An agreement notify signed with the sandbox's Alipay key (or `key`), for hostile-notify tests. */
export function agreementNotify(
  h: Harness,
  plan: SignedPlan,
  type: 'dut_user_sign' | 'dut_user_unsign',
  overrides: Params = {},
  key?: string,
): Params {
  const agreement = desk(h).agreement(plan.appId, plan.externalNo);
  if (!agreement) throw new Error('沙箱中没有这份协议');
  const fields = desk(h).agreementNotifyFields(agreement, type, overrides);
  return signNotify(fields, key ?? new SandboxKeys(h.config.sandboxDir).alipayKeys().privateKey);
}

/** Noon, China time, on a `YYYY-MM-DD`. */
export const chinaNoon = (date: string) => new Date(`${date}T04:00:00.000Z`);
