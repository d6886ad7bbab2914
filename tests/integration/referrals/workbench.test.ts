import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { generate } from 'otplib/functional';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableTotp } from '../../../referrals/accounts/totp.ts';
import { purgeClosed } from '../../../referrals/cases/purge.ts';
import { deidentifiedFacts } from '../../../referrals/index.ts';
import { DATABASES } from '../../support/databases.ts';
import {
  type Client,
  COUNTY_A,
  COUNTY_B,
  type Harness,
  startHarness,
} from '../../support/referrals/workbench-harness.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const tmp = tempDirs();
// Plainly fictional test household (never published; only here to be looked for in dumps).
const HOUSEHOLD = {
  name: '测试户甲乙丙',
  idNumber: '621126201001010013',
  phone: '13912345678',
  address: '测试乡测试村一组',
};

function referralForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    targetGroup: 'minors',
    serviceType: 'education',
    urgency: 'urgent',
    govAssistance: 'refused',
    govReason: '家庭收入略高于当地低保标准',
    ...HOUSEHOLD,
    householdSize: '4',
    minor: 'yes',
    guardianName: '测试监护人',
    consentGiven: 'yes',
    consentBy: '测试监护人',
    consentRelation: 'guardian',
    consentOn: '2026-06-09',
    consentUntil: '2026-12-31',
    consentFields: ['name', 'phone', 'notes'],
    notes: '父亲因病不能工作',
    ...overrides,
  };
}

describe.each(DATABASES)('衔接工作台 on $name', ({ target, skip }) => {
  let h: Harness;
  const users: Record<string, Client> = {};
  const passwords: Record<string, [string, string]> = {};
  /** After the clock jumps past a session's end: log in again, as a person would. */
  const relogin = async (key: string) => {
    const [username, password] = passwords[key] ?? ['', ''];
    users[key] = h.client();
    expect((await (users[key] as Client).login(username, password)).status).toBe(303);
  };
  let referralId = '';
  let reference = '';

  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(target, tmp('xj-workbench-'));
    const specs = {
      countyA: { username: 'county.a', displayName: '岷县经办', role: 'civil-affairs', regionCode: COUNTY_A },
      countyB: { username: 'county.b', displayName: '安定经办', role: 'civil-affairs', regionCode: COUNTY_B },
      province: { username: 'province.gs', displayName: '省厅监督', role: 'civil-affairs', regionCode: '620000' },
      charityA: { username: 'charity.a', displayName: '总会经办', role: 'charity', charitySlug: 'gansu-cishan' },
      charityB: { username: 'charity.b', displayName: '基金会经办', role: 'charity', charitySlug: 'lanzhou-ertong' },
      ministry: { username: 'ministry', displayName: '民政部', role: 'ministry' },
    } as const;
    for (const [key, spec] of Object.entries(specs)) {
      const { username, password } = await h.account(spec);
      passwords[key] = [username, password];
      users[key] = h.client();
      const reply = await (users[key] as Client).login(username, password);
      expect(reply.status).toBe(303);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const count = async () =>
    Number(
      (
        await h.ctx.wb.db
          .selectFrom('wb_referrals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const c = (k: string) => users[k] as Client;

  it.skipIf(skip)('sets the session cookie HttpOnly, SameSite=Strict, and stores only its hash', async () => {
    const client = h.client();
    await client.get('/workbench/login');
    const reply = await client.post('/workbench/login', { username: 'county.a', password: 'pw-county.a-long-enough' });
    const cookie = reply.setCookies.find((s) => s.startsWith('xj_workbench='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const token = /^xj_workbench=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
    const sessions = await h.ctx.wb.db.selectFrom('wb_sessions').select('token_hash').execute();
    expect(sessions.some((s) => s.token_hash === token)).toBe(false);
    expect(sessions.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)('locks an account after repeated wrong passwords, even against the right one', async () => {
    await h.account({ username: 'lockme', displayName: '锁定', role: 'ministry' });
    const client = h.client();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.login('lockme', 'wrong-password-123')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await client.login('lockme', 'pw-lockme-long-enough');
    expect(right.status).toBe(423);
    expect(right.body).toContain('锁定');
  });

  it.skipIf(skip)(
    'an account with the TOTP second factor needs the current code; its secret is stored encrypted',
    async () => {
      await h.account({ username: 'twofactor', displayName: '两步验证', role: 'ministry' });
      const { secret } = await enableTotp(h.ctx.wb, h.ctx.cipher, 'twofactor');
      const client = h.client();
      const without = await client.login('twofactor', 'pw-twofactor-long-enough');
      expect(without.status).toBe(401);
      expect(without.body).toContain('动态验证码不正确');
      const code = await generate({ secret, epoch: Math.floor(h.clock.now.getTime() / 1000) });
      const ok = await client.post('/workbench/login', {
        username: 'twofactor',
        password: 'pw-twofactor-long-enough',
        code,
      });
      expect(ok.status).toBe(303);
      const row = await h.ctx.wb.db
        .selectFrom('wb_accounts')
        .selectAll()
        .where('username', '=', 'twofactor')
        .executeTakeFirstOrThrow();
      expect(row.totp_secret_enc).not.toContain(secret);
    },
  );

  it.skipIf(skip)('refuses a referral without consent, with a clear message, and stores nothing', async () => {
    const before = await count();
    const reply = await c('countyA').post('/workbench/referrals', referralForm({ consentGiven: [] }));
    expect(reply.status).toBe(422);
    expect(reply.body).toContain('未取得当事人（或未成年人监护人）的同意，不能转介');
    expect(await count()).toBe(before);
  });

  it.skipIf(skip)('refuses posts without the CSRF token or from another origin, changing nothing', async () => {
    const before = await count();
    expect((await c('countyA').post('/workbench/referrals', referralForm(), { csrf: null })).status).toBe(403);
    expect((await c('countyA').post('/workbench/referrals', referralForm(), { csrf: 'x'.repeat(43) })).status).toBe(
      403,
    );
    expect(
      (await c('countyA').post('/workbench/referrals', referralForm(), { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await c('countyA').post('/workbench/referrals', referralForm(), { origin: null })).status).toBe(403);
    // Another account's token is no good either: tokens are bound to their session.
    expect((await c('countyA').post('/workbench/referrals', referralForm(), { csrf: c('countyB').csrf })).status).toBe(
      403,
    );
    expect(await count()).toBe(before);
  });

  it.skipIf(skip)(
    'county records consent, the workbench suggests charities best first, the referral goes to the chosen one',
    async () => {
      const created = await c('countyA').post('/workbench/referrals', referralForm());
      expect(created.status).toBe(303);
      referralId = /\/workbench\/referrals\/([0-9a-f-]{36})\/charities/.exec(created.location ?? '')?.[1] ?? '';
      expect(referralId).not.toBe('');
      const choose = await c('countyA').get(`/workbench/referrals/${referralId}/charities`);
      // 助学 for a minor in 岷县 matches group and service: 甘肃省慈善总会 first, with its reason.
      expect(choose.body.indexOf('甘肃省慈善总会')).toBeLessThan(choose.body.indexOf('兰州儿童福利基金会'));
      expect(choose.body).toContain('在本县（甘肃省定西市岷县）实施');
      expect(
        (
          await c('countyA').post(`/workbench/referrals/${referralId}/charities`, {
            choice: 'gansu-cishan|minxian-zhuxue',
          })
        ).status,
      ).toBe(400);
      const sent = await c('countyA').post(`/workbench/referrals/${referralId}/charities`, {
        choice: ['gansu-cishan|minxian-zhuxue', 'lanzhou-ertong|minxian-ertong-kangfu'],
        consentCharities: 'yes',
      });
      expect(sent.status).toBe(303);
      const row = await h.ctx.wb.db
        .selectFrom('wb_referrals')
        .selectAll()
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      reference = row.reference;
      const queue = await c('charityA').get('/workbench/queue');
      expect(queue.body).toContain(reference);
      expect(queue.body).toContain('还剩 5 个工作日');
    },
  );

  it.skipIf(skip)(
    'another charity cannot list, search, read, change or guess it; nor can another county or the ministry',
    async () => {
      const before = await h.ctx.wb.db
        .selectFrom('wb_offers')
        .selectAll()
        .where('referral_id', '=', referralId)
        .orderBy('rank')
        .execute();
      for (const who of ['charityB', 'countyB', 'ministry']) {
        const client = c(who);
        expect((await client.get('/workbench/queue')).body).not.toContain(reference);
        const search = await client.get(`/workbench/queue?q=${reference}`);
        expect(search.body).not.toContain(referralId);
        if (who !== 'ministry') expect(search.body).toContain('没有符合条件的记录');
        const read = await client.get(`/workbench/referrals/${referralId}`);
        expect(read.status).toBe(404);
        expect(read.body).not.toContain(HOUSEHOLD.name);
        for (const action of ['accept', 'decline', 'help', 'close', 'pass-on', 'outcome']) {
          const reply = await client.post(`/workbench/referrals/${referralId}/${action}`, {
            reason: 'other',
            outcome: 'helped',
            kind: 'goods',
            startedOn: '2026-06-10',
          });
          expect(reply.status, `${who} ${action}`).toBe(404);
        }
        // A guessed id answers exactly like a real one the account may not see.
        const guessed = await client.get('/workbench/referrals/00000000-0000-4000-8000-000000000000');
        expect(guessed.status).toBe(404);
        const main = (body: string) => body.slice(body.indexOf('<main>'));
        expect(main(guessed.body)).toBe(main(read.body));
      }
      const after = await h.ctx.wb.db
        .selectFrom('wb_offers')
        .selectAll()
        .where('referral_id', '=', referralId)
        .orderBy('rank')
        .execute();
      expect(after).toEqual(before);
    },
  );

  it.skipIf(skip)(
    'the charity sees only the consented fields; the province sees no personal data; reads are audited',
    async () => {
      const charity = await c('charityA').get(`/workbench/referrals/${referralId}`);
      expect(charity.status).toBe(200);
      expect(charity.body).toContain(HOUSEHOLD.name);
      expect(charity.body).toContain(HOUSEHOLD.phone);
      expect(charity.body).not.toContain(HOUSEHOLD.idNumber);
      expect(charity.body).not.toContain(HOUSEHOLD.address);
      // The second charity the household agreed to is not the first one's business.
      expect(charity.body).not.toContain('兰州儿童福利基金会');
      const province = await c('province').get(`/workbench/referrals/${referralId}`);
      expect(province.status).toBe(200);
      expect(province.body).not.toContain(HOUSEHOLD.name);
      expect(province.body).toContain('监督账号不显示个人信息');
      const reads = await h.ctx.wb.db
        .selectFrom('wb_audit')
        .selectAll()
        .where('referral_id', '=', referralId)
        .where('action', '=', 'read')
        .execute();
      const charityRead = reads.find((r) => r.role === 'charity');
      expect(charityRead?.fields.split(',').sort()).toEqual(['govReason', 'guardian', 'name', 'notes', 'phone']);
      expect(reads.some((r) => r.role === 'civil-affairs' && r.fields === '')).toBe(true);
      const auditPage = await c('countyA').get('/workbench/audit');
      expect(auditPage.body).toContain('charity.a');
      expect((await c('charityA').get('/workbench/audit')).status).toBe(403);
      // The log cannot be rewritten, not even by SQL.
      await expect(sql`delete from wb_audit`.execute(h.ctx.wb.db)).rejects.toThrow(/append-only/);
    },
  );

  it.skipIf(skip)('the charity accepts, records help in fen, and closes; the county sees it', async () => {
    expect((await c('charityA').post(`/workbench/referrals/${referralId}/close`, { outcome: 'helped' })).status).toBe(
      409,
    );
    expect((await c('charityA').post(`/workbench/referrals/${referralId}/accept`, {})).status).toBe(303);
    await c('charityA').get(`/workbench/referrals/${referralId}`);
    expect((await c('charityA').post(`/workbench/referrals/${referralId}/close`, { outcome: 'helped' })).status).toBe(
      409,
    );
    const bad = await c('charityA').post(`/workbench/referrals/${referralId}/help`, {
      kind: 'cash',
      amount: '12.345',
      startedOn: '2026-06-10',
      endedOn: '',
    });
    expect(bad.status).toBe(400);
    const help = await c('charityA').post(`/workbench/referrals/${referralId}/help`, {
      kind: 'cash',
      amount: '1200.50',
      startedOn: '2026-06-10',
      endedOn: '',
      note: '首期助学金',
    });
    expect(help.status).toBe(303);
    const helpRow = await h.ctx.wb.db
      .selectFrom('wb_help')
      .selectAll()
      .where('referral_id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(helpRow.amount_fen).toBe(120_050);
    expect(
      (await c('charityA').post(`/workbench/referrals/${referralId}/close`, { outcome: 'helped', note: '已完成' }))
        .status,
    ).toBe(303);
    const county = await c('countyA').get(`/workbench/referrals/${referralId}`);
    expect(county.body).toContain('已结案（已帮扶）');
    expect(county.body).toContain('1,200.50');
  });

  it.skipIf(skip)('an overdue referral stands out and the county passes it to the next charity', async () => {
    const created = await c('countyA').post('/workbench/referrals', referralForm({ name: '测试户丁' }));
    const id = /referrals\/([0-9a-f-]{36})/.exec(created.location ?? '')?.[1] ?? '';
    await c('countyA').get(`/workbench/referrals/${id}/charities`);
    await c('countyA').post(`/workbench/referrals/${id}/charities`, {
      choice: ['gansu-cishan|minxian-zhuxue', 'lanzhou-ertong|minxian-ertong-kangfu'],
      consentCharities: 'yes',
    });
    expect((await c('countyA').post(`/workbench/referrals/${id}/pass-on`, {})).status).toBe(409);
    h.clock.now = new Date('2026-06-25T02:00:00Z');
    try {
      for (const key of ['countyA', 'charityA', 'charityB']) await relogin(key);
      const queue = await c('countyA').get('/workbench/queue');
      expect(queue.body).toMatch(/class="card overdue"/);
      expect(queue.body).toContain('已逾期');
      expect((await c('countyA').post(`/workbench/referrals/${id}/pass-on`, {})).status).toBe(303);
      expect((await c('charityB').get(`/workbench/referrals/${id}`)).status).toBe(200);
      expect((await c('charityA').get(`/workbench/referrals/${id}`)).status).toBe(404);
      const facts = await deidentifiedFacts(h.ctx.wb, h.clock.now);
      expect(facts.map((f) => f.outcome).sort()).toEqual(['helped', 'pending']);
    } finally {
      h.clock.now = new Date('2026-06-10T02:00:00Z');
      // Logging in at the later date ended every session that had expired by then.
      for (const key of Object.keys(users)) await relogin(key);
    }
  });

  it.skipIf(skip)(
    'a charity reports a person to the county; the county records the outcome the charity then sees',
    async () => {
      const reported = await c('charityA').post('/workbench/reports', {
        assistanceKind: 'dibao',
        targetGroup: 'low-income',
        countyCode: COUNTY_A,
        name: '测试户戊',
        idNumber: '',
        phone: '',
        householdSize: '3',
        consentGiven: 'yes',
        consentBy: '测试户戊',
        consentRelation: 'self',
        consentOn: '2026-06-10',
        consentUntil: '2027-06-10',
        consentFields: ['name'],
      });
      expect(reported.status).toBe(303);
      const id = /referrals\/([0-9a-f-]{36})/.exec(reported.location ?? '')?.[1] ?? '';
      const other = await c('countyB').get(`/workbench/referrals/${id}`);
      expect(other.status, other.location ?? '').toBe(404);
      expect((await c('charityB').get(`/workbench/referrals/${id}`)).status).toBe(404);
      const queue = await c('countyA').get('/workbench/queue');
      expect(queue.body).toContain('慈善→民政');
      await c('countyA').get(`/workbench/referrals/${id}`);
      expect(
        (await c('countyA').post(`/workbench/referrals/${id}/outcome`, { outcome: 'assisted', note: '已纳入低保' }))
          .status,
      ).toBe(303);
      const seen = await c('charityA').get(`/workbench/referrals/${id}`);
      expect(seen.body).toContain('已纳入救助');
      expect(seen.body).toContain('已纳入低保');
    },
  );

  it.skipIf(skip)('a dump of the database holds no plaintext name, ID number, phone or address', async () => {
    const needles = [HOUSEHOLD.name, HOUSEHOLD.idNumber, HOUSEHOLD.phone, HOUSEHOLD.address, '测试监护人', '测试户戊'];
    let dump: string;
    if (target.kind === 'sqlite') {
      const file = h.ctx.config.database.kind === 'sqlite' ? h.ctx.config.database.path : '';
      dump = [file, `${file}-wal`]
        .filter(existsSync)
        .map((f) => readFileSync(f).toString('utf8'))
        .join('\n');
    } else {
      const parts: string[] = [];
      for (const table of ['wb_accounts', 'wb_sessions', 'wb_referrals', 'wb_offers', 'wb_help', 'wb_audit']) {
        const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(
          h.ctx.wb.db,
        );
        parts.push(...rows.rows.map((r) => r.row));
      }
      dump = parts.join('\n');
    }
    expect(dump).toContain('minors');
    for (const needle of needles) expect(dump, needle).not.toContain(needle);
  });

  it.skipIf(skip)('personal data is purged a configured time after closing; the de-identified fact stays', async () => {
    h.clock.now = new Date('2027-07-01T02:00:00Z');
    try {
      expect(await purgeClosed(h.ctx)).toBeGreaterThanOrEqual(2);
      const row = await h.ctx.wb.db
        .selectFrom('wb_referrals')
        .selectAll()
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect([row.name_enc, row.phone_enc, row.id_number_enc, row.consent_by_enc, row.outcome_note_enc]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(row.purged_at).not.toBeNull();
      const facts = await deidentifiedFacts(h.ctx.wb, h.clock.now);
      expect(
        facts.some((f) => f.outcome === 'helped' && f.countyCode === COUNTY_A && f.acceptedOn === '2026-06-10'),
      ).toBe(true);
      expect(JSON.stringify(facts)).not.toMatch(/测试|gansu-cishan|[0-9a-f]{8}-[0-9a-f]{4}/);
      // The second household's consent ran to 2026-12-31: its charity keeps the case, not the person.
      await relogin('charityB');
      const second = await c('charityB').get('/workbench/queue');
      const secondId = /\/workbench\/referrals\/([0-9a-f-]{36})/.exec(second.body)?.[1] ?? '';
      const expired = await c('charityB').get(`/workbench/referrals/${secondId}`);
      expect(expired.status).toBe(200);
      expect(expired.body).not.toContain('测试户丁');
      expect(expired.body).toContain('同意已于 2026-12-31 到期');
      await relogin('countyA');
      const page = await c('countyA').get(`/workbench/referrals/${referralId}`);
      expect(page.body).toContain('个人信息已按规定清除');
    } finally {
      h.clock.now = new Date('2026-06-10T02:00:00Z');
    }
  });
});
