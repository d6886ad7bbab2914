import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportIntake } from '../../../../content/schemas/report-intake.ts';
import {
  deliverDueReports,
  openReportOutbox,
  type ReportOutbox,
  type ReportSink,
  retryDelayMs,
} from '../../../../donations/reports/outbox.ts';
import { reportsDb } from '../../../../donations/reports/store.ts';
import { startReportDelivery } from '../../../../publisher/reports/report-delivery.ts';
import { strapiReportSink } from '../../../../publisher/reports/strapi-report-sink.ts';
import { type BootedCms, bootCms } from '../../../support/cms.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

/**
 * The report outbox against a real in-process Strapi (SQLite) from a real ledger (SQLite and
 * PostgreSQL): reports accepted while the CMS is down wait and are retried with backoff, then
 * delivered once each — also when a delivery's answer was lost, and with two workers at once.
 */
const UID = 'api::report.report';
/** Nothing listens there: connection refused, as when the CMS is down. */
const DOWN = 'http://127.0.0.1:9';

let cms: BootedCms;
let secret: string;

beforeAll(async () => {
  cms = await bootCms({ kind: 'sqlite' });
  const secrets = JSON.parse(readFileSync(join(cms.dataDir, 'cms', 'secrets.json'), 'utf8')) as Record<string, string>;
  secret = secrets.XIANJIE_REPORT_SECRET as string;
});
afterAll(async () => {
  await cms?.stop();
});

const inCms = (references: string[]) =>
  cms.strapi.db.query(UID as never).findMany({ where: { reference: { $in: references } } }) as Promise<
    Record<string, unknown>[]
  >;

describe.each(BACKENDS)('report outbox → Strapi（ledger: $name）', ({ name, skip }) => {
  let h: Harness;
  let outbox: ReportOutbox;
  const sink = () => strapiReportSink({ url: cms.url, secret: () => secret });
  const down = strapiReportSink({ url: DOWN, secret: () => secret });

  beforeAll(async () => {
    if (skip) return;
    h = await startHarness(name, { snapshot: FIXTURE_SNAPSHOT, env: { REPORT_RATE_LIMIT: '1000' } });
    // The publisher's own connection to the ledger, as in `npm start`.
    outbox = await openReportOutbox(h.config);
  });
  afterAll(async () => {
    await outbox?.close();
    await h?.close();
  });

  const report = async (text: string, contact?: string) => {
    const res = await postJson(`${h.url}/api/reports`, {
      targetKind: 'project',
      targetSlug: 'minxian-zhuxue',
      kind: 'false-information',
      text,
      ...(contact ? { contact } : {}),
    });
    expect(res.status).toBe(201);
    return (res.json as unknown as { reference: string }).reference;
  };
  const deliveries = () =>
    reportsDb(h.ctx.ledger)
      .selectFrom('report_deliveries')
      .innerJoin('reports', 'reports.id', 'report_deliveries.report_id')
      .selectAll()
      .execute();

  it.skipIf(skip)('keeps reports while the CMS is down, retries with backoff, then delivers each once', async () => {
    const refs = [
      await report('页面上的受益人数与公开报告不一致。', 'reporter@example.cn'),
      await report('项目进展的照片与其他项目相同。'),
    ];
    let t = new Date(h.clock.current.getTime() + 1_000);
    const at = () => t;

    expect(await deliverDueReports(outbox, down, { now: at, log: () => {} })).toEqual({ delivered: 0, failed: 2 });
    let rows = (await deliveries()).filter((r) => refs.includes(r.reference));
    expect(rows.map((r) => [r.attempts, r.delivered_at, new Date(r.next_attempt_at).getTime()])).toEqual([
      [1, null, t.getTime() + 5_000],
      [1, null, t.getTime() + 5_000],
    ]);
    expect(rows[0]?.last_error).toContain('无法连接内容管理系统');
    // Not due yet: nothing is tried.
    expect(await deliverDueReports(outbox, down, { now: at, log: () => {} })).toEqual({ delivered: 0, failed: 0 });
    t = new Date(t.getTime() + 6_000);
    expect(await deliverDueReports(outbox, down, { now: at, log: () => {} })).toEqual({ delivered: 0, failed: 2 });
    rows = (await deliveries()).filter((r) => refs.includes(r.reference));
    expect(new Date(rows[0]?.next_attempt_at as string).getTime()).toBe(t.getTime() + 10_000);
    expect(await inCms(refs)).toEqual([]);

    // The CMS is back.
    t = new Date(t.getTime() + 11_000);
    expect(await deliverDueReports(outbox, sink(), { now: at, log: () => {} })).toEqual({ delivered: 2, failed: 0 });
    const entries = await inCms(refs);
    expect(entries.map((e) => e.reference).sort()).toEqual([...refs].sort());
    expect(entries.find((e) => e.reference === refs[0])?.contact).toBe('reporter@example.cn');
    rows = (await deliveries()).filter((r) => refs.includes(r.reference));
    expect(rows.every((r) => r.delivered_at !== null && r.cms_document_id && r.last_error === null)).toBe(true);
    // The portal keeps no copy of the contact once the CMS has it.
    expect(rows.map((r) => r.contact_enc)).toEqual([null, null]);

    // The CMS took a report but its answer was lost (a crash, a timeout): the outbox sends it
    // again and the CMS answers with the entry it already has.
    const lost = rows[0];
    await reportsDb(h.ctx.ledger)
      .updateTable('report_deliveries')
      .set({ delivered_at: null, cms_document_id: null })
      .where('report_id', '=', lost?.report_id as string)
      .execute();
    t = new Date(t.getTime() + 1_000);
    expect(await deliverDueReports(outbox, sink(), { now: at, log: () => {} })).toEqual({ delivered: 1, failed: 0 });
    const again = await inCms([lost?.reference as string]);
    expect(again).toHaveLength(1);
    expect((await deliveries()).find((r) => r.report_id === lost?.report_id)?.cms_document_id).toBe(
      again[0]?.documentId,
    );
  });

  it.skipIf(skip)('sends a report once when two workers run at the same moment', async () => {
    const ref = await report('同一时刻两个转交进程：只能送出一次。');
    const second = await openReportOutbox(h.config);
    const sent: string[] = [];
    const counting: ReportSink = async (intake: ReportIntake) => {
      sent.push(intake.reference);
      return sink()(intake);
    };
    try {
      const now = () => new Date(h.clock.current.getTime() + 60_000);
      const runs = await Promise.all([
        deliverDueReports(outbox, counting, { now, log: () => {} }),
        deliverDueReports(second, counting, { now, log: () => {} }),
      ]);
      expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(1);
      expect(sent.filter((r) => r === ref)).toHaveLength(1);
      expect(await inCms([ref])).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it.skipIf(skip)('records a refusal by the CMS (wrong secret) and keeps the report for a retry', async () => {
    const ref = await report('密钥错误时，举报留在门户的待转交队列里。');
    const wrong = strapiReportSink({ url: cms.url, secret: () => 'w'.repeat(44) });
    const now = () => new Date(h.clock.current.getTime() + 120_000);
    const logs: string[] = [];
    expect(await deliverDueReports(outbox, wrong, { now, log: (m) => logs.push(m) })).toEqual({
      delivered: 0,
      failed: 1,
    });
    const row = (await deliveries()).find((r) => r.reference === ref);
    expect(row?.last_error).toContain('HTTP 401');
    expect(logs.join('\n')).toContain(ref);
    expect(await inCms([ref])).toEqual([]);
  });

  it.skipIf(skip)('the publisher’s loop delivers what the API accepts, on its own', async () => {
    const lines: string[] = [];
    const loop = await startReportDelivery(h.config, sink(), { intervalMs: 100, log: (l) => lines.push(l) });
    try {
      const ref = await report('发布服务的转交循环自己把举报送到内容管理系统。');
      const deadline = Date.now() + 15_000;
      while ((await inCms([ref])).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await inCms([ref])).toHaveLength(1);
      expect(lines.some((l) => l.includes('转交内容管理系统'))).toBe(true);
    } finally {
      await loop.stop();
    }
  });
});

describe('retry delays', () => {
  it('double from 5 s and stop growing at an hour', () => {
    expect([1, 2, 3, 4, 10, 11, 50].map(retryDelayMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 2_560_000, 3_600_000, 3_600_000,
    ]);
  });
});
