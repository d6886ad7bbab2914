import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Disclosure, Snapshot } from '../../content/index.ts';
import { readDonationsConfig } from '../../donations/config.ts';
import { type MailQueue, openMailQueue } from '../../donations/mail/mail-queue.ts';
import { readOutbox } from '../../donations/mail/outbox-view.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Subscribing to a project's progress in Chromium, over the built e2e site and its API: from a
 * project page's link to the subscribe island, the confirmation mail read from the embedded outbox (the
 * `.eml` nodemailer wrote), the confirm page's button, one news mail for a release with a new
 * disclosure, the RFC 8058 one-click POST and the unsubscribe page. Then the built release's
 * public files — pages, open data, feeds, search documents — are searched for the address.
 * Screenshots of the island go to XIANJIE_LOOK_DIR when it is set (360 px, 1366 px, 长辈模式, WeChat).
 */
const clientDir = inject('clientDir');
const ledgerPath = inject('ledgerPath');
const dataDir = dirname(dirname(ledgerPath));
const WORK = dirname(clientDir).replace(/\/site$/, '');
const site = siteBrowser();
const { baseUrl } = site;
const ADDRESS = 'e2e.follower@example.org';
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

let slug: string;
let queue: MailQueue;
let context: BrowserContext | undefined;

beforeAll(async () => {
  const projects = JSON.parse(await readFile(join(clientDir, 'data', 'projects.json'), 'utf8')) as {
    items: { slug: string; accepting_donations: boolean }[];
  };
  slug = projects.items.find((p) => p.accepting_donations)?.slug ?? '';
  // The portal child's ledger and keys, its site URL: the mail the queue writes links to it.
  queue = await openMailQueue(readDonationsConfig({ XIANJIE_DATA_DIR: dataDir, XIANJIE_SITE_URL: baseUrl }, dataDir));
});
afterAll(async () => {
  await queue?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function phone(options: { width?: number; userAgent?: string } = {}): Promise<Page> {
  context = await site.browser.newContext({
    viewport: { width: options.width ?? 360, height: 780 },
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  return context.newPage();
}

/** From the project page's 订阅项目进展 (plain links, no script) to the form's page. */
async function subscribeBox(page: Page) {
  await page.goto(`${baseUrl}/projects/${slug}/`);
  const links = page.locator('section.subscribe-links');
  await links.scrollIntoViewIfNeeded();
  expect(await links.getByRole('link', { name: 'Atom 源' }).getAttribute('href')).toBe(`/projects/${slug}/feed.xml`);
  await links.getByRole('link', { name: '用邮箱订阅' }).click();
  const box = page.locator('section.subscribe');
  await box.getByLabel('电子邮箱').waitFor();
  return box;
}

const outboxDir = join(dataDir, 'outbox');
const mailsTo = async (subject: RegExp) =>
  (await readOutbox(outboxDir)).filter((m) => m.to.toLowerCase() === ADDRESS && subject.test(m.subject));
const linkIn = (text: string, path: string) =>
  new URL(text.split(/\s+/).find((w) => w.startsWith(`${baseUrl}${path}`)) ?? 'about:blank');

describe('subscribe to a project, confirm from the mail, hear of a release once, leave with one click', () => {
  it('subscribes on a phone, confirms from the outbox mail, gets one news mail, unsubscribes in one click', async () => {
    const page = await phone();
    const box = await subscribeBox(page);
    await box.getByLabel('电子邮箱').fill('not-an-address');
    await box.getByRole('button', { name: '订阅' }).click();
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/邮箱格式不正确/);
    await box.getByLabel('电子邮箱').fill(ADDRESS);
    await box.getByRole('button', { name: '订阅' }).click();
    await expect.poll(() => box.getByRole('status').textContent()).toMatch(/确认邮件/);
    expect(await box.getByRole('status').textContent()).toContain('「');

    expect((await queue.deliver()).sent).toBe(1);
    const [confirm] = await mailsTo(/请确认订阅/);
    expect(confirm).toBeDefined();
    await page.goto(linkIn(confirm?.text ?? '', '/subscriptions/confirm/').href);
    await page.getByRole('button', { name: '确认订阅' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已确认订阅/);

    // A release with one new disclosure of this project, announced as the publisher does.
    const before = JSON.parse(await readFile(join(WORK, 'demo.json'), 'utf8')) as Snapshot;
    const template = before.disclosures.find((d) => d.project === slug) ?? before.disclosures[0];
    const added: Disclosure = {
      ...(template as Disclosure),
      slug: 'e2e-new-disclosure',
      project: slug,
      kind: 'progress',
      title: '端到端测试新公开',
      corrects: null,
      corrections: [],
    };
    const next = join(dataDir, 'next-snapshot.json');
    await writeFile(next, JSON.stringify({ ...before, disclosures: [...before.disclosures, added] }));
    const announce = () =>
      queue.announceRelease({ id: 'e2e-next', snapshotPath: next, previousSnapshotPath: join(WORK, 'demo.json') });
    expect(await announce()).toBe(1);
    expect(await announce()).toBe(0);
    expect((await queue.deliver()).sent).toBe(1);
    expect((await queue.deliver()).sent).toBe(0);
    const news = await mailsTo(/新的信息公开/);
    expect(news).toHaveLength(1);
    expect(news[0]?.text).toContain('端到端测试新公开');
    expect(news[0]?.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');

    // The mail client's one-click POST, from the header (no page, no cookie).
    const oneClick = /<([^>]+)>/.exec(news[0]?.listUnsubscribe ?? '')?.[1] ?? '';
    const res = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    // The plain link in the text: a page that acts on a button press (again: it answers the same).
    await page.goto(linkIn(news[0]?.text ?? '', '/subscriptions/unsubscribe/').href);
    await page.getByRole('button', { name: '退订' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已退订/);
  });

  it('the project feed is Atom with the disclosures, and no public file of the release holds the address', async () => {
    const feed = await fetch(`${baseUrl}/projects/${slug}/feed.xml`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry?: unknown } };
    expect(parsed.feed).toBeDefined();
    expect(xml).not.toMatch(/@|token=/);

    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name));
        else files.push(join(dir, e.name));
      }
    };
    await walk(clientDir);
    files.push(join(WORK, 'search-documents.json'));
    expect(files.some((f) => f.endsWith('feed.xml') && f.includes('/projects/'))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      if (text.includes(ADDRESS) || text.includes('e2e.follower')) leaks.push(file);
    }
    expect(leaks).toEqual([]);
  });

  it('screenshots of the island (360, 1366, 长辈模式, WeChat)', async () => {
    const look = process.env.XIANJIE_LOOK_DIR;
    const shots: [string, { width?: number; userAgent?: string; elder?: boolean }][] = [
      ['subscribe-360', {}],
      ['subscribe-1366', { width: 1366 }],
      ['subscribe-elder-360', { elder: true }],
      ['subscribe-wechat-360', { userAgent: WECHAT_UA }],
    ];
    for (const [name, options] of shots) {
      const page = await phone(options);
      if (options.elder) {
        await page.goto(`${baseUrl}/`);
        await page.getByRole('switch', { name: '长辈模式' }).check();
      }
      const box = await subscribeBox(page);
      // Nothing overflows the phone's width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      if (look) {
        await mkdir(look, { recursive: true });
        await box.screenshot({ path: join(look, `${name}.png`) });
      }
      await context?.close();
      context = undefined;
    }
  });
});
