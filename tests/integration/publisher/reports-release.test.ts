import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullStrapiSnapshot } from '../../../content/snapshot/strapi-pull.ts';
import { readDonationsConfig } from '../../../donations/config.ts';
import { REPO_ROOT, readPublisherConfig } from '../../../publisher/config.ts';
import { type Portal, startPortal } from '../../../publisher/portal.ts';
import { inProcessSnapshotStage } from '../../../publisher/releases/snapshot-stage.ts';
import { type ReportDelivery, startReportDelivery } from '../../../publisher/reports/report-delivery.ts';
import { strapiReportSink } from '../../../publisher/reports/strapi-report-sink.ts';
import { type BootedCms, bootCms } from '../../support/cms.ts';
import { contentManager, request } from '../../support/http.ts';
import { loginEditors } from '../../support/rbac.ts';

/**
 * Reports end to end, on the production path: a release built from what a real Strapi publishes
 * and served by the publisher's portal server (static pages + the API routes of the release's
 * server bundle). The form on a project page is posted as a browser without JavaScript posts it
 * and answered with a page (confirmation with the reference, or the form again); the outbox
 * carries the reports to Strapi; the ministry answers one there; the next release's transparency
 * page shows the counts — and nothing else of any report.
 */
const ENV_KEYS = ['DONATIONS_SNAPSHOT', 'REPORT_RATE_LIMIT'] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let cms: BootedCms;
let portal: Portal;
let delivery: ReportDelivery;
let dataDir: string;
let base: string;

const TEXT = '项目介绍说善款用于助学，但第二季度的信息公开列的是办公设备。';

/** A form post the way a browser sends it from the project page. */
const postForm = (fields: Record<string, string>, origin = base) =>
  fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
const form = { targetKind: 'project', targetSlug: 'minxian-zhuxue', kind: 'funds-misused', text: TEXT, contact: '' };

beforeAll(async () => {
  cms = await bootCms({ kind: 'sqlite' });
  // Inside the repository: a release's server bundle imports packages from the repo's node_modules.
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dataDir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'reports-'));
  // The donations API of the release's bundle reads its configuration from this environment: its
  // data (ledger, keys) goes to the CMS's temporary XIANJIE_DATA_DIR, which bootCms set. (Not a
  // directory of its own: the in-process CMS reads its secrets through the same variable.)
  process.env.REPORT_RATE_LIMIT = '1000';
  delete process.env.DONATIONS_SNAPSHOT;
  const config = readPublisherConfig({
    XIANJIE_DATA_DIR: dataDir,
    PUBLISHER_PORT: '0',
    CONTENT_SOURCE: 'strapi',
    STRAPI_URL: cms.url,
  });
  portal = await startPortal(
    config,
    inProcessSnapshotStage(() => pullStrapiSnapshot({ url: cms.url })),
    () => {},
  );
  base = `http://127.0.0.1:${(portal.server.address() as AddressInfo).port}`;
  const secrets = JSON.parse(readFileSync(join(cms.dataDir, 'cms', 'secrets.json'), 'utf8')) as Record<string, string>;
  delivery = await startReportDelivery(
    readDonationsConfig(process.env, REPO_ROOT),
    strapiReportSink({ url: cms.url, secret: () => secrets.XIANJIE_REPORT_SECRET ?? null }),
    { intervalMs: 60_000, log: () => {} },
  );
  await portal.publishNow('测试：首个版本');
});

afterAll(async () => {
  await delivery?.stop();
  await portal?.close();
  await cms?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('reports on a served release', () => {
  it('offers the report form on the project page, and the transparency page has no counts yet', async () => {
    const page = await (await fetch(`${base}/projects/minxian-zhuxue/`)).text();
    expect(page).toContain('<h2 id="report-heading">举报/投诉</h2>');
    expect(page).toContain('action="/api/reports"');
    const transparency = await (await fetch(`${base}/transparency/`)).text();
    expect(transparency).toContain('举报与投诉处理');
    expect(transparency).toContain('平台尚未收到举报或投诉');
  });

  it('answers a form post without JavaScript with a confirmation page and a reference number', async () => {
    const res = await postForm(form);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('lang="zh-CN"');
    expect(page).toContain('<h1>举报已收到</h1>');
    expect(page).toMatch(/举报编号：<strong>JB-\d{8}-[0-9A-Z]{6}<\/strong>/);
    expect(page).toContain('href="/projects/minxian-zhuxue/"');
    // Sent again (a reload of this page): the same reference, nothing stored twice.
    const again = await postForm(form);
    expect(again.status).toBe(200);
    const reference = /JB-\d{8}-[0-9A-Z]{6}/.exec(page)?.[0];
    expect(await again.text()).toContain(reference);
  });

  it('shows the form again with the text kept and the problem named; a foreign page cannot post', async () => {
    const typed = { ...form, kind: 'privacy-leak', text: '案例里写了孩子家长的手机 13912345678，请删除。' };
    const res = await postForm(typed);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<h1>举报没有提交</h1>');
    expect(page).toContain('手机号码');
    expect(page).toContain('>案例里写了孩子家长的手机 13912345678，请删除。</textarea>');
    expect(page).toContain('value="privacy-leak" required checked');
    expect(page).toContain('aria-invalid="true"');
    const foreign = await postForm(form, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('请在本站的项目、需求或活动页面上提交举报');
  });

  it('delivers the reports to Strapi; the ministry answers; the next release counts them, and only counts', async () => {
    await postForm({
      ...form,
      kind: 'other',
      text: '第二条举报：项目进展照片与另一个项目相同。',
      contact: 'r@example.cn',
    });
    await delivery.runOnce();
    const { ministry } = await loginEditors(cms);
    const list = await request<{ results?: { documentId: string; text: string; reference: string }[] }>(
      `${contentManager(cms.url, 'api::report.report')}?pageSize=100`,
      { token: ministry.token },
    );
    expect(list.body.results).toHaveLength(2);
    const first = list.body.results?.find((r) => r.text === TEXT);
    const answered = await request(`${contentManager(cms.url, 'api::report.report')}/${first?.documentId}`, {
      method: 'PUT',
      token: ministry.token,
      body: { handlingStatus: '已答复（answered）', answer: '已核实：采购的是助学点电脑，已补充公开。' },
    });
    expect(answered.status).toBe(200);

    await portal.publishNow('测试：举报统计');
    const transparency = await (await fetch(`${base}/transparency/`)).text();
    expect(transparency).toContain('<dt>收到举报/投诉</dt><dd>2 件</dd>');
    expect(transparency).toContain('<dt>已答复</dt><dd>1 件</dd>');
    // One answered in time, none overdue: 1 ÷ 1.
    expect(transparency).toContain('<dt>按期答复率</dt><dd>100%</dd>');
    expect(transparency).toMatch(
      /<th scope="row">\d{4}年第[1-4]季度<\/th><td class="num">2<\/td><td class="num">1<\/td>/,
    );
    for (const secret of [TEXT, '第二条举报', 'r@example.cn', first?.reference ?? 'JB-', '已核实']) {
      expect(transparency).not.toContain(secret);
    }
    const snapshot = readFileSync(portal.store.currentSnapshotPath, 'utf8');
    expect(snapshot).toContain('"reportStats"');
    expect(snapshot).not.toContain('第二条举报');
  });
});
