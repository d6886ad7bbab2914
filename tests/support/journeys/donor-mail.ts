import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { type OutboxMessage, readOutbox } from '../../../donations/mail/outbox-view.ts';
import { contentManager } from './strapi-admin.ts';

/**
 * A donor's side of project news in the journeys (issue 16 item 5): subscribing on a project page,
 * the messages `npm start`'s embedded outbox holds for an address (the `.eml` files nodemailer
 * wrote, read with mailparser), and the links in them.
 */

/** From the project page's 「用邮箱订阅」 link to the form, then the address: the page says a mail is on its way. */
export async function subscribeOnProjectPage(page: Page, projectUrl: string, address: string): Promise<void> {
  await page.goto(projectUrl);
  const links = page.locator('section.subscribe-links');
  await links.scrollIntoViewIfNeeded();
  await links.getByRole('link', { name: '用邮箱订阅' }).click();
  const box = page.locator('section.subscribe');
  await box.getByLabel('电子邮箱').fill(address);
  await box.getByRole('button', { name: '订阅' }).click();
  await expect(box.getByRole('status')).toContainText('确认邮件', { timeout: 30_000 });
}

/** The outbox's messages to `address` whose subject matches. */
export async function mailsTo(dataDir: string, address: string, subject: RegExp): Promise<OutboxMessage[]> {
  const all = await readOutbox(join(dataDir, 'outbox'), 10_000).catch(() => []);
  return all.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()) && subject.test(m.subject));
}

/** Waits until the delivery loop has written `count` such messages (it runs every few seconds). */
export async function waitForMails(
  dataDir: string,
  address: string,
  subject: RegExp,
  count: number,
): Promise<OutboxMessage[]> {
  await expect
    .poll(async () => (await mailsTo(dataDir, address, subject)).length, { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThanOrEqual(count);
  return mailsTo(dataDir, address, subject);
}

/** The link in a mail's text whose path starts with `path`, moved onto `baseUrl` (the portal the journey reaches). */
export function linkIn(text: string, path: string, baseUrl: string): URL {
  const word = text.split(/\s+/).find((w) => /^https?:\/\//.test(w) && new URL(w).pathname.startsWith(path));
  if (!word) throw new Error(`邮件中没有 ${path} 开头的链接`);
  const url = new URL(word);
  return new URL(`${url.pathname}${url.search}${url.hash}`, baseUrl);
}

/**
 * A private lookup token the portal's ledger really holds (its hash): the answer to a donation
 * created on the first project that takes one now (the gift need not be paid).
 */
export async function realLookupToken(baseUrl: string, slugs: string[]): Promise<string> {
  for (const projectSlug of slugs) {
    const res = await fetch(`${baseUrl}/api/donations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ projectSlug, amountFen: 1_000, channel: 'page', anonymous: true }),
    });
    const body = (await res.json()) as { lookup?: { token?: string } };
    if (res.status === 201 && body.lookup?.token) return body.lookup.token;
  }
  throw new Error('没有项目接受捐赠，拿不到查询令牌');
}

/** The editor's copy of a disclosure (the admin's 复制) under a new slug and title, then published. */
export async function clonePublished(
  strapiUrl: string,
  token: string,
  uid: string,
  sourceId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  const cloned = await contentManager(strapiUrl, token, 'POST', `collection-types/${uid}/clone/${sourceId}`, changes);
  const id = (cloned.body.data as { documentId?: string } | undefined)?.documentId;
  if (cloned.status !== 200 || !id) throw new Error(`复制失败（${cloned.status}）：${JSON.stringify(cloned.body)}`);
  const published = await contentManager(strapiUrl, token, 'POST', `collection-types/${uid}/${id}/actions/publish`, {});
  if (published.status !== 200) throw new Error(`发布失败（${published.status}）：${JSON.stringify(published.body)}`);
}
