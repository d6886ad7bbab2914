import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passOnOverdue } from '../../../referrals/cases/overdue.ts';
import { deidentifiedFacts } from '../../../referrals/index.ts';
import { DATABASES } from '../../support/databases.ts';
import { COUNTY_A, type Harness, startHarness } from '../../support/referrals/workbench-harness.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

/**
 * The workbench's tick (referrals/runtime.ts → cases/overdue.ts): a referral whose charity let the
 * deadline pass is offered to the next charity the household agreed to, by the system, with an
 * audit row; one with no next charity stays overdue for the county to decide.
 */
const tmp = tempDirs();
const FORM = {
  targetGroup: 'minors',
  serviceType: 'education',
  urgency: 'urgent',
  govAssistance: 'none',
  govReason: '',
  name: '测试户逾期',
  idNumber: '',
  phone: '',
  address: '',
  householdSize: '3',
  minor: 'no',
  guardianName: '',
  consentGiven: 'yes',
  consentBy: '测试户逾期',
  consentRelation: 'self',
  consentOn: '2026-06-10',
  consentUntil: '2026-12-31',
  consentFields: ['name'],
  notes: '',
};
const BOTH = ['gansu-cishan|minxian-zhuxue', 'lanzhou-ertong|minxian-ertong-kangfu'];

describe.each(DATABASES)('overdue referrals pass on by themselves on $name', ({ target, skip }) => {
  let h: Harness;
  const person = async (spec: Parameters<Harness['account']>[0]) => {
    const { username, password } = await h.account(spec);
    const client = h.client();
    return { client, username, password };
  };

  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(target, tmp('xj-overdue-'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(skip)('the next charity is offered it, with a system audit row; none left → it stays overdue', async () => {
    const county = await person({
      username: 'county.o',
      displayName: '岷县经办',
      role: 'civil-affairs',
      regionCode: COUNTY_A,
    });
    const charityA = await person({
      username: 'charity.oa',
      displayName: '总会',
      role: 'charity',
      charitySlug: 'gansu-cishan',
    });
    const charityB = await person({
      username: 'charity.ob',
      displayName: '基金会',
      role: 'charity',
      charitySlug: 'lanzhou-ertong',
    });
    expect((await county.client.login(county.username, county.password)).status).toBe(303);
    const refer = async (choice: string[]) => {
      const created = await county.client.post('/workbench/referrals', FORM);
      const id = /referrals\/([0-9a-f-]{36})/.exec(created.location ?? '')?.[1] ?? '';
      await county.client.get(`/workbench/referrals/${id}/charities`);
      const chosen = await county.client.post(`/workbench/referrals/${id}/charities`, {
        choice,
        consentCharities: 'yes',
      });
      expect(chosen.status).toBe(303);
      return id;
    };
    const twoCharities = await refer(BOTH);
    const oneCharity = await refer(BOTH.slice(0, 1));

    // Within the deadline nothing moves.
    expect(await passOnOverdue(h.ctx)).toBe(0);

    h.clock.now = new Date('2026-06-25T02:00:00Z');
    try {
      expect(await passOnOverdue(h.ctx)).toBe(1);
      // A second tick finds nothing more to do: the new offer has a fresh deadline.
      expect(await passOnOverdue(h.ctx)).toBe(0);

      for (const c of [charityA, charityB]) expect((await c.client.login(c.username, c.password)).status).toBe(303);
      expect((await charityB.client.get(`/workbench/referrals/${twoCharities}`)).status).toBe(200);
      expect((await charityA.client.get(`/workbench/referrals/${twoCharities}`)).status).toBe(404);
      expect((await charityA.client.get(`/workbench/referrals/${oneCharity}`)).status).toBe(200);

      const offers = await h.ctx.wb.db
        .selectFrom('wb_offers')
        .select(['referral_id', 'charity_slug', 'state', 'offered_on', 'deadline'])
        .where('referral_id', 'in', [twoCharities, oneCharity])
        .orderBy('referral_id')
        .orderBy('rank')
        .execute();
      const of = (id: string) => offers.filter((o) => o.referral_id === id);
      expect(of(twoCharities).map((o) => [o.charity_slug, o.state])).toEqual([
        ['gansu-cishan', 'passed'],
        ['lanzhou-ertong', 'offered'],
      ]);
      expect(of(twoCharities)[1]?.offered_on).toBe('2026-06-25');
      expect((of(twoCharities)[1]?.deadline ?? '') > '2026-06-25').toBe(true);
      expect(of(oneCharity).map((o) => o.state)).toEqual(['offered']);

      const audits = await h.ctx.wb.db
        .selectFrom('wb_audit')
        .select(['account_id', 'role', 'referral_id', 'county_code'])
        .where('action', '=', 'auto-pass-on')
        .execute();
      expect(audits).toEqual([
        { account_id: 'system', role: 'system', referral_id: twoCharities, county_code: COUNTY_A },
      ]);

      // The county sees who moved it in its audit log.
      expect((await county.client.login(county.username, county.password)).status).toBe(303);
      const log = (await county.client.get('/workbench/audit')).body;
      expect(log).toContain('逾期自动转给下一家');
      expect(log).toContain('系统（自动）');

      const facts = await deidentifiedFacts(h.ctx.wb, h.clock.now);
      expect(facts.map((f) => f.outcome).sort()).toEqual(['overdue', 'pending']);
    } finally {
      h.clock.now = new Date('2026-06-10T02:00:00Z');
    }
  });
});
