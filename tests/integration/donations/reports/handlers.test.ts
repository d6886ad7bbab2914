import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDeadline } from '../../../../content/rules/report-deadline.ts';
import { REPORT_REFERENCE_PATTERN } from '../../../../content/schemas/report.ts';
import { openLedger } from '../../../../donations/ledger/open-ledger.ts';
import { migrateReports } from '../../../../donations/reports/migrations.ts';
import { reportsDb } from '../../../../donations/reports/store.ts';
import {
  BACKENDS,
  dropSchema,
  type Harness,
  PG_URL,
  pgReason,
  postForm,
  postJson,
  startHarness,
} from '../../../support/donations/harness.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

/**
 * POST /api/reports over real HTTP on a real ledger (SQLite file and PostgreSQL): validation with
 * Chinese messages, the PII lint of the text, the page it names looked up in the published
 * snapshot, storage with its outbox row (the contact encrypted), repeats recognised, the form
 * path that answers a page, the origin check and the per-client limit.
 */
const valid = {
  targetKind: 'project',
  targetSlug: 'minxian-zhuxue',
  kind: 'funds-misused',
  text: '第二季度信息公开列的是办公设备采购，与助学的承诺不符。',
  contact: '13812345678',
};

interface Receipt {
  reference: string;
  receivedAt: string;
  deadline: string;
  target: { kind: string; slug: string; title: string; path: string };
  contactGiven: boolean;
  duplicate: boolean;
}

async function rows(h: Harness) {
  const db = reportsDb(h.ctx.ledger);
  return {
    reports: await db.selectFrom('reports').selectAll().orderBy('received_at').execute(),
    deliveries: await db.selectFrom('report_deliveries').selectAll().execute(),
  };
}

describe.each(BACKENDS)('POST /api/reports（$name）', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, { snapshot: FIXTURE_SNAPSHOT, env: { REPORT_RATE_LIMIT: '1000' } });
  });
  afterAll(async () => {
    await h?.close();
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    postJson(`${h.url}/api/reports`, body, headers) as unknown as Promise<{
      status: number;
      json: Receipt & { error: { code: string; message: string; field?: string } };
      text: string;
      headers: Headers;
    }>;

  it.skipIf(skip)('stores a report with its outbox row; the contact only encrypted, never answered back', async () => {
    const now = h.clock.current;
    const res = await post(valid);
    expect(res.status).toBe(201);
    expect(res.json.reference).toMatch(REPORT_REFERENCE_PATTERN);
    expect(res.json).toMatchObject({
      deadline: reportDeadline(now),
      target: { kind: 'project', slug: 'minxian-zhuxue', title: '岷县助学', path: '/projects/minxian-zhuxue/' },
      contactGiven: true,
      duplicate: false,
    });
    expect(res.text).not.toContain(valid.contact);
    const { reports, deliveries } = await rows(h);
    const row = reports.find((r) => r.reference === res.json.reference);
    expect(row).toMatchObject({ charity_slug: 'gansu-cishan', kind: 'funds-misused', text: valid.text });
    expect(row?.contact_enc).not.toContain(valid.contact);
    expect(h.ctx.receipts.decrypt(row?.contact_enc as string)).toBe(valid.contact);
    expect(deliveries.find((d) => d.report_id === row?.id)).toMatchObject({ attempts: 0, delivered_at: null });
  });

  it.skipIf(skip)('answers a repeat of the same report with the first receipt and stores nothing twice', async () => {
    const body = { ...valid, text: `${valid.text}（重复提交测试）` };
    const first = await post(body);
    const count = (await rows(h)).reports.length;
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ reference: first.json.reference, duplicate: true });
    expect((await rows(h)).reports.length).toBe(count);
  });

  it.skipIf(skip)('names the page of a needs or campaign report; no charity is attached', async () => {
    const needs = await post({ ...valid, targetKind: 'needs', targetSlug: '620000', contact: '' });
    expect(needs.status).toBe(201);
    expect(needs.json).toMatchObject({
      target: { title: '甘肃省的救助需求', path: '/needs/620000/' },
      contactGiven: false,
    });
    const campaign = await post({ ...valid, targetKind: 'campaign', targetSlug: 'cishanri-2026', contact: undefined });
    expect(campaign.status).toBe(201);
    const stored = (await rows(h)).reports.filter((r) =>
      [needs.json.reference, campaign.json.reference].includes(r.reference),
    );
    expect(stored.map((r) => [r.charity_slug, r.contact_enc, r.contact_given])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ]);
  });

  it.skipIf(skip)('refuses personal information in the text, and stores nothing', async () => {
    const count = (await rows(h)).reports.length;
    const res = await post({ ...valid, text: '项目里受助学生家长的电话是 13912345678，请核实。' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'PERSONAL_INFO_IN_TEXT', field: 'text' });
    expect(res.json.error.message).toContain('手机号码');
    expect((await rows(h)).reports.length).toBe(count);
  });

  it.skipIf(skip)('refuses what the contract does not allow, with a stable code and a Chinese message', async () => {
    const count = (await rows(h)).reports.length;
    const cases: [unknown, Record<string, string>, number, string, string | undefined][] = [
      [{ ...valid, kind: undefined }, {}, 400, 'INVALID_BODY', 'kind'],
      [{ ...valid, contact: 'qq12345' }, {}, 400, 'INVALID_BODY', 'contact'],
      [{ ...valid, extra: 1 }, {}, 400, 'INVALID_BODY', 'extra'],
      [{ ...valid, targetSlug: 'no-such-project' }, {}, 404, 'TARGET_NOT_FOUND', 'targetSlug'],
      [{ ...valid, targetKind: 'needs', targetSlug: '110000' }, {}, 404, 'TARGET_NOT_FOUND', 'targetSlug'],
      ['{"targetKind":', {}, 400, 'INVALID_JSON', undefined],
      [valid, { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE', undefined],
      [{ ...valid, text: '字'.repeat(20_000) }, {}, 413, 'BODY_TOO_LARGE', undefined],
      [valid, { origin: 'https://evil.example' }, 403, 'FORBIDDEN_ORIGIN', undefined],
      [valid, { 'sec-fetch-site': 'cross-site' }, 403, 'FORBIDDEN_ORIGIN', undefined],
    ];
    for (const [body, headers, status, code, field] of cases) {
      const res = await post(body, headers);
      expect(res.status, code).toBe(status);
      expect(res.json.error.code).toBe(code);
      expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
      if (field) expect(res.json.error.field).toBe(field);
    }
    expect((await rows(h)).reports.length).toBe(count);
  });

  it.skipIf(skip)(
    'takes the HTML form (no JavaScript): a page answer with the reference, or with what was typed',
    async () => {
      const ok = await postForm(`${h.url}/api/reports`, { ...valid, text: `${valid.text}（表单）` });
      expect(ok.status).toBe(201);
      const answer = (await ok.json()) as { ok: boolean; receipt: Receipt };
      expect(answer.ok).toBe(true);
      expect(answer.receipt.reference).toMatch(REPORT_REFERENCE_PATTERN);

      const typed = { ...valid, text: '身份证号 11010519900307005X 出现在案例里。', contact: '' };
      const refused = await postForm(`${h.url}/api/reports`, typed);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: 'PERSONAL_INFO_IN_TEXT', field: 'text' },
        values: typed,
        target: { title: '岷县助学', path: '/projects/minxian-zhuxue/' },
      });

      const twice = await fetch(`${h.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `${new URLSearchParams(valid)}&kind=other`,
      });
      expect(twice.status).toBe(400);
      expect(await twice.json()).toMatchObject({ ok: false, error: { code: 'INVALID_BODY', field: 'kind' } });
    },
  );
});

describe('the per-client limit of reports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', {
      snapshot: FIXTURE_SNAPSHOT,
      env: { REPORT_RATE_LIMIT: '2', REPORT_RATE_WINDOW_S: '600', DONATION_RATE_LIMIT: '5' },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 429 with Retry-After after the limit, whatever X-Forwarded-For says; donations keep their own limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await postJson(
        `${h.url}/api/reports`,
        { ...valid, text: `${valid.text}（第 ${i + 1} 次）` },
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.json.error.code).toBe('RATE_LIMITED');
        expect(res.json.error.message).toContain('分钟后再试');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    // A refused form keeps what was typed, so nothing is lost when the reporter comes back.
    const form = await postForm(`${h.url}/api/reports`, valid);
    expect(form.status).toBe(429);
    expect(await form.json()).toMatchObject({ ok: false, values: { text: valid.text } });
    const gift = await postJson(`${h.url}/api/donations`, {
      projectSlug: 'minxian-zhuxue',
      amountFen: 1_000,
      channel: 'page',
      anonymous: true,
    });
    expect(gift.status).not.toBe(429);
  });
});

describe('the reports tables on a PostgreSQL shared with other schemas', () => {
  // Kysely's migrator, unless told the schema, takes a history table of the same name in ANY
  // schema for its own (several portals, or test runs, in one database): it then skipped creating
  // ours and failed with "relation … does not exist". A decoy schema makes that deterministic.
  const decoy = `decoy_${randomBytes(4).toString('hex')}`;
  const own = `reports_own_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    if (pgReason) return;
    await dropSchema(decoy);
    await dropSchema(own);
  });

  it.skipIf(pgReason)('migrates into its own schema although another schema has tables of the same names', async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`create schema "${decoy}"`);
      for (const table of [
        'donations_migration',
        'donations_migration_lock',
        'reports_migration',
        'reports_migration_lock',
      ]) {
        await client.query(`create table "${decoy}"."${table}" (id varchar(255) primary key, is_locked integer)`);
      }
    } finally {
      await client.end();
    }
    const ledger = await openLedger({ kind: 'postgres', connectionString: PG_URL, schema: own });
    try {
      await migrateReports(ledger);
      const db = reportsDb(ledger);
      expect(await db.selectFrom('reports').selectAll().execute()).toEqual([]);
    } finally {
      await ledger.close();
    }
  });
});
