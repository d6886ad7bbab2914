import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { chinaNoon, monthlySnapshot, planRow, signedPlan } from '../../../support/donations/monthly.ts';

/**
 * `GET /api/open-data/monthly.json` over a real ledger: active plans and their monthly total per
 * project, which follow signing, unsigned (pending) plans and cancelling — and nothing in the
 * answer that points at a donor or a plan (ids, tokens, agreement numbers, names, days).
 */
describe.each(BACKENDS)('monthly open data on $name', ({ name, skip }) => {
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

  it.skipIf(skip)('aggregates active plans per project and never names a donor or a plan', async () => {
    const open = async () => {
      const r = await fetch(`${h.url}/api/open-data/monthly.json`);
      expect(r.status).toBe(200);
      return r.text();
    };
    expect(JSON.parse(await open())).toMatchObject({ activePlans: 0, monthlyFen: 0, projects: [] });
    const named = await signedPlan(
      h,
      { amountFen: 3_000, anonymous: false, displayName: '月捐者林某某' },
      { dayOfMonth: 23 },
    );
    const second = await signedPlan(h, { amountFen: 1_700 }, { dayOfMonth: 9 });
    const yunnan = await signedPlan(h, { projectSlug: 'yuejuan-yunnan', amountFen: 2_500 });
    // Asked for but never signed: not active, not counted.
    const pending = await postJson(`${h.url}/api/donations`, {
      projectSlug: 'yuejuan-zhuxue',
      amountFen: 9_900,
      channel: 'page',
      anonymous: true,
      monthly: { dayOfMonth: 5, onProjectEnd: 'stop' },
    });
    expect(pending.status, pending.text).toBe(201);

    const text = await open();
    expect(JSON.parse(text)).toEqual({
      generatedAt: expect.stringMatching(/^2026-02-15T/),
      activePlans: 3,
      monthlyFen: 7_200,
      projects: [
        { slug: 'yuejuan-yunnan', charity: 'yunnan-cishan', activePlans: 1, monthlyFen: 2_500 },
        { slug: 'yuejuan-zhuxue', charity: 'gansu-cishan', activePlans: 2, monthlyFen: 4_700 },
      ],
    });
    const secrets = [];
    for (const plan of [named, second, yunnan]) {
      const row = await planRow(h, plan.planId);
      secrets.push(plan.planId, plan.token, plan.externalNo, plan.agreementNo, row.token_hash, row.display_name);
    }
    const pendingAnswer = pending.json as unknown as { planId: string; monthly: { manageUrl: string } };
    secrets.push(pendingAnswer.planId, pendingAnswer.monthly.manageUrl.split('#')[1]);
    for (const secret of secrets.filter((s): s is string => typeof s === 'string' && s.length > 0))
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/dayOfMonth|day_of_month|"23"|token|agreement|displayName/);

    // Cancelled from the link: out of the figures at once.
    const cancelled = await postJson(`${h.url}/api/monthly/${second.token}`, { action: 'cancel' });
    expect(cancelled.status).toBe(200);
    expect(JSON.parse(await open())).toMatchObject({
      activePlans: 2,
      monthlyFen: 5_500,
      projects: [
        { slug: 'yuejuan-yunnan', activePlans: 1, monthlyFen: 2_500 },
        { slug: 'yuejuan-zhuxue', activePlans: 1, monthlyFen: 3_000 },
      ],
    });
  });
});
