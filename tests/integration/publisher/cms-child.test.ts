import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET_HEADER } from '../../../content/index.ts';
import { pullWhenCmsRuns } from '../../../publisher/cms-child.ts';
import { REPO_ROOT, readPublisherConfig } from '../../../publisher/config.ts';
import { type Portal, startPortal } from '../../../publisher/portal.ts';
import { ReleaseStore } from '../../../publisher/releases/release-store.ts';
import type { SnapshotStage } from '../../../publisher/releases/snapshot-stage.ts';
import type { Supervisor } from '../../../publisher/supervisor.ts';
import { supervisorStatusSchema } from '../../../publisher/supervisor-status.ts';
import { type FlakyHarness, superviseFlaky, until } from '../../support/publisher/flaky-supervisor.ts';

/**
 * A publish while the CMS is not running, through the real portal (webhook → scheduler → build →
 * status page) with a real supervised child standing in for Strapi (tests/support/publisher/flaky-service.mjs).
 * The live release is a small hand-made one. The pull stands in for Strapi's: it records when it
 * ran and then stops the build (no site build is needed to see when, and whether, it pulled).
 */
const SECRET = 'cms-child-test-webhook-secret';
let dataDir: string;
let portal: Portal | null = null;
let supervisor: Supervisor | null = null;
let base = '';
const LIVE_TEXT = '线上版本：测试';
const PULL_STOPPED = '测试：拉取到此为止，不构建站点';

interface Status {
  current: { id: string } | null;
  building: boolean;
  lastAttempt: { ok: boolean | null; stage: string | null; error: string | null; finishedAt: string | null } | null;
  cms: unknown;
}
const status = async () => (await (await fetch(`${base}/_publisher/status`)).json()) as Status;
const cmsStatus = async () => supervisorStatusSchema.parse((await status()).cms);

beforeAll(async () => {
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dataDir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'cms-child-'));
  const store = new ReleaseStore(dataDir);
  const id = store.newId();
  await mkdir(join(store.stagingDirOf(id), 'site', 'client'), { recursive: true });
  await writeFile(join(store.stagingDirOf(id), 'site', 'client', 'index.html'), `<p>${LIVE_TEXT}</p>`);
  const meta = { id, createdAt: new Date().toISOString(), source: 'test', demo: true, counts: {}, buildSeconds: 0 };
  await writeFile(join(store.stagingDirOf(id), 'release.json'), JSON.stringify(meta));
  await store.promote(id);
});

afterEach(async () => {
  await portal?.close();
  await supervisor?.stop();
  portal = null;
  supervisor = null;
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function serve(h: FlakyHarness, pull: SnapshotStage): Promise<void> {
  supervisor = h.supervisor;
  await h.supervisor.start();
  const config = readPublisherConfig({
    XIANJIE_DATA_DIR: dataDir,
    PUBLISHER_PORT: '0',
    CONTENT_SOURCE: 'strapi',
    XIANJIE_WEBHOOK_SECRET: SECRET,
    REBUILD_DEBOUNCE_MS: '50',
  });
  portal = await startPortal(config, pullWhenCmsRuns(h.supervisor, pull), () => undefined, {
    cmsStatus: () => h.supervisor.status(),
  });
  base = `http://127.0.0.1:${(portal.server.address() as AddressInfo).port}`;
}

async function publishWebhook(): Promise<number> {
  const res = await fetch(`${base}/webhooks/strapi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: SECRET },
    body: JSON.stringify({ event: 'entry.publish', uid: 'api::project.project' }),
  });
  return res.status;
}

async function liveSiteAnswers(): Promise<void> {
  const home = await fetch(`${base}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain(LIVE_TEXT);
}

async function finishedAttempt(): Promise<NonNullable<Status['lastAttempt']>> {
  let last: Status | null = null;
  await until(
    '构建结束',
    async () => {
      last = await status();
      return !last.building && last.lastAttempt?.finishedAt != null;
    },
    30_000,
  );
  return (last as unknown as Status).lastAttempt as NonNullable<Status['lastAttempt']>;
}

describe('a publish while the CMS is not running', () => {
  it('waits for the restart before pulling; the live site answers meanwhile and the status says why', async () => {
    const h = await superviseFlaky(() => ['serve', 'PORT'], { initialDelayMs: 1500 });
    const pulls: string[] = [];
    await serve(h, async () => {
      pulls.push(h.supervisor.current);
      throw new Error(PULL_STOPPED);
    });
    process.kill(h.children[0]?.pid as number, 'SIGKILL');
    await until('进入 restarting', () => h.supervisor.current === 'restarting');

    expect(await publishWebhook()).toBe(202);
    await until('开始构建', async () => (await status()).building);
    const waiting = await status();
    expect(waiting.lastAttempt?.stage).toBe('pull');
    expect(await cmsStatus()).toMatchObject({ state: 'restarting', attempt: 1 });
    expect(pulls).toEqual([]);
    await liveSiteAnswers();

    const attempt = await finishedAttempt();
    expect(pulls).toEqual(['running']);
    expect(attempt.error).toContain(PULL_STOPPED);
    expect(attempt.error).not.toContain('意外退出');
    expect(await cmsStatus()).toMatchObject({ state: 'running', restarts: 1 });
    await liveSiteAnswers();
  });

  it('fails at once, saying why, when the supervisor has given up; the live release stays', async () => {
    const h = await superviseFlaky((n) => (n === 0 ? ['serve-then-crash', 'PORT', '1500'] : ['crash', 'PORT', '50']), {
      initialDelayMs: 50,
      maxRapidFailures: 1,
    });
    let pulled = false;
    await serve(h, async () => {
      pulled = true;
      throw new Error(PULL_STOPPED);
    });
    const live = (await status()).current?.id;
    await until('放弃重启', () => h.supervisor.current === 'down');

    expect(await publishWebhook()).toBe(202);
    await until('开始构建', async () => (await status()).lastAttempt !== null);
    const attempt = await finishedAttempt();
    expect(pulled).toBe(false);
    expect(attempt).toMatchObject({ ok: false, stage: 'pull' });
    expect(attempt.error).toMatch(
      /^拉取并校验内容快照失败：无法从内容管理系统拉取内容：测试服务未在运行：连续 1 次重启后仍无法稳定运行，已停止自动重启；上次退出：退出码 3。线上版本保持不变$/,
    );
    expect((await status()).current?.id).toBe(live);
    expect(await cmsStatus()).toMatchObject({ state: 'down', lastExit: { code: 3 } });
    await liveSiteAnswers();
  });

  it('a pull broken by a crash says the CMS went away and that a rebuild follows', async () => {
    const h = await superviseFlaky(() => ['serve', 'PORT'], { initialDelayMs: 100 });
    await serve(h, async () => {
      // What a real pull sees when Strapi is killed under it: the connection drops.
      process.kill(h.children[0]?.pid as number, 'SIGKILL');
      await until('进入 restarting', () => h.supervisor.current !== 'running');
      throw new Error('fetch failed');
    });
    expect(await publishWebhook()).toBe(202);
    await until('开始构建', async () => (await status()).lastAttempt !== null);
    const attempt = await finishedAttempt();
    expect(attempt.error).toMatch(/fetch failed（拉取期间内容管理系统意外退出；它恢复运行后会自动重新构建）$/);
    await until('重新运行', () => h.supervisor.current === 'running');
    await liveSiteAnswers();
  });
});
