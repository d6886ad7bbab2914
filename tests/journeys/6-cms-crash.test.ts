import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenerOf } from '../../bench/harness/process-tree.ts';
import {
  type PublisherStatus,
  publisherStatus,
  waitForAttempt,
  waitForIdle,
} from '../../bench/harness/publisher-status.ts';
import { STRAPI_COLLECTIONS } from '../../content/snapshot/strapi-mapping.ts';
import { toAlipayTime } from '../../donations/alipay/alipay-time.ts';
import { signNotify } from '../../donations/sandbox/alipay-signing.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminToken, documentIdOf, saveAndPublish } from '../support/journeys/strapi-admin.ts';

/**
 * Journey 6 (issue 13 item 13): Strapi dies under a running portal — `kill -9` of the process that
 * listens on the CMS port, as an operator or the OOM killer would. The site, the donations API and
 * Alipay's notify route must keep answering (none of them needs Strapi at request time,
 * DESIGN.md), the status page must say the CMS is restarting and why, the CMS must come back on
 * its own, and a publish after that must go live. Before issue 13 the publisher stopped
 * everything when its CMS child exited.
 *
 * The notify is signed here with the sandbox's "Alipay" key from the data directory, exactly as
 * the sandbox gateway signs it: Alipay's servers are the one part that cannot run here.
 */
const CASE_UID = STRAPI_COLLECTIONS.typicalCases.uid;
const { baseUrl, strapiUrl, dataDir } = journeyPortal();
const admin = account((a) => a.role === 'superAdmin', '超级管理员');
let restore: { token: string; documentId: string; title: string } | null = null;

async function cmsHealthy(): Promise<boolean> {
  try {
    return (await fetch(`${strapiUrl}/_health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`等待超时：${what}`);
}

interface Created {
  donationId: string;
  outTradeNo: string;
  amountFen: number;
  project: { charity: { slug: string } };
  pay: { url: string };
}

/** A gift through the portal's API, routed to any project that accepts gifts. */
async function give(amountFen: number): Promise<{ status: number; body: Created }> {
  const res = await fetch(`${baseUrl}/api/donations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pool: {}, amountFen, channel: 'page', anonymous: true }),
  });
  return { status: res.status, body: (await res.json()) as Created };
}

/** Alipay's asynchronous notify that the gift was paid, signed like Alipay's, with no Origin header. */
async function notifyPaid(gift: Created): Promise<{ status: number; text: string }> {
  const sandbox = join(dataDir, 'donations', 'sandbox');
  const alipayKey = (JSON.parse(readFileSync(join(sandbox, 'alipay-keys.json'), 'utf8')) as { privateKey: string })
    .privateKey;
  const merchant = JSON.parse(
    readFileSync(join(sandbox, 'merchants', `${gift.project.charity.slug}.json`), 'utf8'),
  ) as {
    sellerId: string;
  };
  const now = toAlipayTime(new Date());
  const yuan = `${Math.floor(gift.amountFen / 100)}.${String(gift.amountFen % 100).padStart(2, '0')}`;
  const fields = signNotify(
    {
      notify_time: now,
      notify_type: 'trade_status_sync',
      notify_id: `journey6${Date.now()}`,
      app_id: new URL(gift.pay.url).searchParams.get('app_id') ?? '',
      charset: 'utf-8',
      version: '1.0',
      trade_no: `${now.slice(0, 10).replaceAll('-', '')}22001${String(randomInt(1e9)).padStart(15, '0')}`,
      out_trade_no: gift.outTradeNo,
      seller_id: merchant.sellerId,
      trade_status: 'TRADE_SUCCESS',
      total_amount: yuan,
      gmt_payment: now,
    },
    alipayKey,
  );
  const res = await fetch(`${baseUrl}/api/payments/alipay/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  await waitForIdle(baseUrl);
});

afterAll(async () => {
  // Put the case's title back (a reused data directory must not keep the journey's edit).
  if (!restore) return;
  const before = await publisherStatus(baseUrl);
  const { token, documentId, title } = restore;
  await saveAndPublish(strapiUrl, token, CASE_UID, documentId, { title });
  await waitForAttempt(baseUrl, before.lastAttempt?.startedAt ?? null, {
    until: () => liveSnapshot().typicalCases.some((c) => c.title === title),
  });
});

describe('journey 6: the CMS is killed while the portal serves', () => {
  it('pages, gifts and notifies keep answering; the CMS comes back; a publish after it goes live', async () => {
    const snapshot = liveSnapshot();
    const project = snapshot.projects[0];
    const typicalCase = snapshot.typicalCases[0];
    if (!project || !typicalCase) throw new Error('线上版本中没有项目或典型案例');
    const before = await publisherStatus(baseUrl);
    expect(before.current?.id).toBeTruthy();

    const cmsPort = Number(new URL(strapiUrl).port);
    const strapi = listenerOf(cmsPort);
    expect(strapi, `找不到监听 ${cmsPort} 端口的进程`).not.toBeNull();
    step('6', `kill -9 内容管理系统进程 ${strapi?.pid}（${strapi?.command.slice(0, 60)}）`);
    process.kill(strapi?.pid as number, 'SIGKILL');
    await until('内容管理系统停止响应', async () => ((await cmsHealthy()) ? null : true), 10_000);

    step('6', '内容管理系统已停止响应：访问页面、捐赠、支付通知');
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    const page = await fetch(`${baseUrl}/projects/${project.slug}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(project.title);

    const gift = await give(1234);
    expect(gift.status, JSON.stringify(gift.body)).toBe(201);
    const notify = await notifyPaid(gift.body);
    expect(notify).toEqual({ status: 200, text: 'success' });
    const paid = (await (await fetch(`${baseUrl}/api/donations/${gift.body.donationId}`)).json()) as { status: string };
    expect(paid.status).toBe('paid');

    const during = await publisherStatus(baseUrl);
    expect(during.current?.id).toBe(before.current?.id);
    expect(during.cms?.restarts).toBe(0);
    expect(during.cms?.lastExit?.reason).toMatch(/意外退出/);
    // npm reports the killed Strapi as 128 + 9.
    expect(during.cms?.lastExit?.code ?? during.cms?.lastExit?.signal).toBeOneOf([137, 'SIGKILL']);
    if (during.cms?.state !== 'running') {
      expect(during.cms?.state).toBe('restarting');
      expect(during.cms?.message).toMatch(/内容管理系统意外退出/);
    }
    step('6', `状态页：${during.cms?.message}`);

    step('6', '等待内容管理系统自动重启……');
    const back = await until(
      '内容管理系统恢复运行',
      async () => {
        const s = await publisherStatus(baseUrl);
        return s.cms?.state === 'running' && s.cms.restarts >= 1 && (await cmsHealthy()) ? s : null;
      },
      300_000,
    );
    expect(back.cms?.attempt).toBeNull();
    const restarted = listenerOf(cmsPort);
    expect(restarted?.pid).not.toBe(strapi?.pid);
    step('6', `已恢复：${back.cms?.message}`);

    // Gifts still work after the restart, too.
    const again = await give(500);
    expect(again.status, JSON.stringify(again.body)).toBe(201);

    step('6', `发布修改后的典型案例 ${typicalCase.slug}`);
    const token = await adminToken(strapiUrl, admin);
    const documentId = await documentIdOf(strapiUrl, token, CASE_UID, typicalCase.slug);
    restore = { token, documentId, title: typicalCase.title };
    const marked = `${typicalCase.title.slice(0, 50)}（重启后发布 ${Date.now().toString(36)}）`;
    const mark: PublisherStatus = await publisherStatus(baseUrl);
    const { saved, published } = await saveAndPublish(strapiUrl, token, CASE_UID, documentId, { title: marked });
    expect(saved?.status, JSON.stringify(saved?.body)).toBe(200);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const { attempt, seconds } = await waitForAttempt(baseUrl, mark.lastAttempt?.startedAt ?? null, {
      until: (a) => a.ok === false || liveSnapshot().typicalCases.some((c) => c.title === marked),
    });
    expect(attempt.error).toBeNull();
    const casePage = await fetch(`${baseUrl}/cases/${typicalCase.slug}/`);
    expect(casePage.status).toBe(200);
    expect(await casePage.text()).toContain(marked);
    step('6', `已上线（${seconds.toFixed(1)} 秒）`);
  });
});
