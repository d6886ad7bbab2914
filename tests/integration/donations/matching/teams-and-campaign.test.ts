import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { paidNotify, pendingOrder, postNotify } from '../../../support/donations/orders.ts';
import { matchingSnapshot, matchPool } from '../../../support/fixtures/matching.ts';

/**
 * 一起捐 and the campaign's live figures over HTTP (issue 18), on SQLite and PostgreSQL: hostile team texts are
 * refused with a code and nothing is written; gifts through a team's link count to it and get the
 * same match as any gift; the campaign stats, the donation status, the settlement statement and the
 * open data say what happened — and name no donor.
 */
// Both ledgers: on PostgreSQL the team totals' donor count once mixed a text and a uuid column.
describe.each(BACKENDS)('teams and the campaign page API ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    if (backend.skip) return;
    h = await startHarness(backend.name, {
      snapshot: matchingSnapshot([matchPool({ totalFen: 3_000, capPerProjectFen: 3_000, capPerDonorDayFen: 2_000 })]),
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  const team = (body: Record<string, unknown>) =>
    postJson(`${h.url}/api/teams`, { projectSlug: 'minxian-zhuxue', name: '岷县助学小队', goalFen: 100_000, ...body });
  const teamCount = async () =>
    Number(
      (
        await h.ctx.ledger.db
          .withTables<{ teams: { id: string } }>()
          .selectFrom('teams')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(backend.skip).each([
    ['an ID number in the name', { name: '队长620102199001011234' }, 'PERSONAL_INFO_IN_TEXT', 'name'],
    ['a phone number in the message', { message: '有事打13912345678' }, 'PERSONAL_INFO_IN_TEXT', 'message'],
    ['a URL', { message: '详情见 https://example.com/x' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['a bare domain', { message: '上 juankuan.top 看看' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['HTML', { name: '<b>小队</b>' }, 'TEXT_NOT_ALLOWED', 'name'],
    ['a script', { message: '<script>alert(1)</script>' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['a personal help request', { message: '求助！我儿子住院，手术费还差五万' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['an ad', { message: '加微信领优惠，代理返利' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['a beneficiary pointed at', { message: '受助人是三组的王大爷，身患癌症' }, 'TEXT_NOT_ALLOWED', 'message'],
    ['10 KB of text', { message: '好'.repeat(10_240) }, 'TEXT_TOO_LONG', 'message'],
    ['a 10 KB name', { name: 'a'.repeat(10_240) }, 'TEXT_TOO_LONG', 'name'],
  ])('refuses %s with a code, writing nothing', async (_label, body, code, field) => {
    const before = await teamCount();
    const answer = await team(body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.field).toBe(field);
    expect(answer.json.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await teamCount()).toBe(before);
  });

  it.skipIf(backend.skip)('refuses a team for a project that does not accept gifts', async () => {
    const answer = await team({ projectSlug: 'ended-project' });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('NOT_ACCEPTING_DONATIONS');
  });

  it.skipIf(backend.skip)(
    'a team: gifts through its link count to it, matched by the same rules; pool runs out honestly',
    async () => {
      const created = await team({ message: '一起为山里的孩子凑学费', leaderName: '小李' });
      expect(created.status, created.text).toBe(201);
      const { team: t, leaderKey } = created.json as unknown as { team: { id: string }; leaderKey: string };
      // Two gifts of 10 元 through the link from one donor, one from another: the pool (30 元) ends.
      const gifts = [];
      for (const [i, buyer] of [
        '2088000000000001',
        '2088000000000001',
        '2088000000000002',
        '2088000000000003',
      ].entries()) {
        const order = await pendingOrder(h, {
          amountFen: 1_000,
          team: t.id,
          anonymous: i > 0,
          ...(i === 0 ? { displayName: '王同学' } : {}),
        });
        expect(await postNotify(h, paidNotify(h, order.trade, { buyer_id: buyer }))).toBe('success');
        gifts.push(order.donationId);
      }
      const statuses = await Promise.all(
        gifts.map(
          async (id) =>
            (await (await fetch(`${h.url}/api/donations/${id}`)).json()) as {
              match: { amountFen: number; limitedBy: string };
            },
        ),
      );
      expect(statuses.map((s) => s.match.amountFen)).toEqual([1_000, 1_000, 1_000, 0]);
      expect(statuses[3]?.match.limitedBy).toBe('pool');

      const page = (await (await fetch(`${h.url}/api/teams/${t.id}`)).json()) as { team: Record<string, unknown> };
      expect(page.team).toMatchObject({
        raisedFen: 4_000,
        matchedFen: 3_000,
        giftCount: 4,
        donorCount: 3,
        anonymousCount: 3,
        leaderName: '小李',
      });
      expect(page.team.supporters).toEqual([{ name: '王同学', amountFen: 1_000, paidOn: '2026-02-15' }]);

      const stats = (await (await fetch(`${h.url}/api/projects/minxian-zhuxue/stats`)).json()) as Record<
        string,
        number
      >;
      expect(stats).toMatchObject({ raisedFen: 4_000, matchedFen: 3_000 });
      const campaign = (await (await fetch(`${h.url}/api/campaigns/chunjie-2026/stats`)).json()) as {
        pools: { remainingFen: number; exhausted: boolean }[];
        teams: { id: string; raisedFen: number; donorCount: number }[];
      };
      expect(campaign.pools[0]).toMatchObject({ remainingFen: 0, exhausted: true });
      expect(campaign.teams[0]).toMatchObject({ id: t.id, raisedFen: 4_000, donorCount: 3 });

      // The donate step says it before paying: the pool is used up now.
      const next = await postJson(`${h.url}/api/donations`, {
        projectSlug: 'lanzhou-kangfu',
        amountFen: 1_000,
        channel: 'page',
        anonymous: true,
      });
      expect((next.json as unknown as { matching: unknown }).matching).toMatchObject({
        exhausted: true,
        remainingFen: 0,
      });

      // Open data: figures only.
      const open = await (await fetch(`${h.url}/api/open-data/matching.json`)).text();
      expect(open).toContain('"matchedFen":3000');
      expect(open).not.toMatch(/2088|王同学|buyer/);

      // The settlement statement: the charity's token; no donor in it.
      const url = `${h.url}/api/matching-pools/chunjie-peijuan/settlement.csv?charity=gansu-cishan`;
      expect((await fetch(url)).status).toBe(401);
      const token = h.ctx.exportTokens.tokenFor('gansu-cishan');
      const csv = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(csv.trim().split('\r\n')).toHaveLength(1 + 3 + 1);
      expect(csv).toContain('合计');
      expect(csv).toMatch(/,30\.00\r\n$/);
      expect(csv).not.toMatch(/2088|王同学/);

      // Another charity, with its own valid token, cannot hide this team (nor learn that it exists):
      // the same 404 as for no team at all, and the team stays up.
      const other = await postJson(
        `${h.url}/api/charities/another-charity/teams/${t.id}/hide`,
        { reason: '冒用' },
        { authorization: `Bearer ${h.ctx.exportTokens.tokenFor('another-charity')}` },
      );
      expect(other.status).toBe(404);
      const missing = await postJson(
        `${h.url}/api/charities/another-charity/teams/zzzzzzzzzzzz/hide`,
        {},
        { authorization: `Bearer ${h.ctx.exportTokens.tokenFor('another-charity')}` },
      );
      expect(other.json).toEqual(missing.json);
      expect((await fetch(`${h.url}/api/teams/${t.id}`)).status).toBe(200);
      // The leader closes the team: no more gifts through it; the charity hides it: gone.
      expect((await postJson(`${h.url}/api/teams/${t.id}/close`, {})).status).toBe(401);
      const closed = await postJson(`${h.url}/api/teams/${t.id}/close`, {}, { authorization: `Bearer ${leaderKey}` });
      expect(closed.status).toBe(200);
      const late = await postJson(`${h.url}/api/donations`, {
        projectSlug: 'minxian-zhuxue',
        amountFen: 1_000,
        channel: 'page',
        anonymous: true,
        team: t.id,
      });
      expect(late.json.error.code).toBe('TEAM_CLOSED');
      const hidden = await postJson(
        `${h.url}/api/charities/gansu-cishan/teams/${t.id}/hide`,
        { reason: '测试' },
        { authorization: `Bearer ${token}` },
      );
      expect(hidden.status).toBe(200);
      expect((await fetch(`${h.url}/api/teams/${t.id}`)).status).toBe(404);
    },
  );
});
