import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Locator, Page } from '@playwright/test';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addMonths, dueDate } from '../../donations/monthly/periods.ts';
import { monthlyDb, planByToken } from '../../donations/monthly/plans.ts';
import type { FakeAgreementDesk } from '../../donations/sandbox/fake-alipay-agreements.ts';
import { type E2eScheduler, e2eScheduler } from '../support/e2e/monthly-scheduler.ts';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Monthly giving (issue 17) in Chromium over the built e2e site served like a release, with the
 * sandbox playing Alipay (the fake's server, its signing page, its notifies): sign a monthly gift,
 * see the first month paid; move the scheduler's INJECTED clock (tests/support/e2e/
 * monthly-scheduler.ts — a second portal process at the test's time, no sleep, no HTTP route)
 * month by month: one paid order a month; lower the amount on the management page (from the next
 * month); cancel from the private link — the next month charges nothing; a second plan unsigned
 * inside "Alipay" (the fake's `dut_user_unsign`, signed, over HTTP) stops too and says why.
 * With XIANJIE_LOOK_DIR set it saves screenshots (360 px, 1366 px, 长辈模式, WeChat).
 */
const site = siteBrowser();
const { baseUrl } = site;
const LOOK = process.env.XIANJIE_LOOK_DIR;
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47';
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

let scheduler: E2eScheduler | undefined;
afterAll(async () => {
  await scheduler?.close();
});

/** Noon, China time, of a `YYYY-MM-DD`. */
const chinaNoon = (date: string) => new Date(`${date}T04:00:00.000Z`);

/** The whole page, or just one part of it (the donate island's step on a long project page). */
async function look(p: Page | Locator, name: string): Promise<void> {
  if (!LOOK) return;
  await mkdir(LOOK, { recursive: true });
  const path = join(LOOK, `${name}.png`);
  await ('goto' in p ? p.screenshot({ path, fullPage: true }) : p.screenshot({ path }));
}

async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/**
 * A project the other e2e files do not give to (their totals stay theirs), accepting gifts and
 * open for the months this test moves through.
 */
async function monthlyProject(): Promise<string> {
  const data = JSON.parse(await readFile(join(inject('clientDir'), 'data', 'projects.json'), 'utf8')) as {
    items: {
      slug: string;
      accepting_donations: boolean;
      disclosure_overdue: boolean;
      fundraising_end: string | null;
    }[];
  };
  const common = site.urls['project accepting donations'];
  const horizon = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
  const found = data.items.find(
    (p) =>
      p.accepting_donations &&
      !p.disclosure_overdue &&
      `/projects/${p.slug}/` !== common &&
      (p.fundraising_end === null || p.fundraising_end > horizon),
  );
  if (!found) throw new Error('演示数据中没有可供月捐测试的项目');
  return found.slug;
}

/** Each claimed month of a plan with its order's status and amount, from the ledger. */
async function months(s: E2eScheduler, planId: string) {
  const db = monthlyDb(s.ctx.ledger);
  const rows = await db
    .selectFrom('plan_charges')
    .select(['period', 'order_id', 'state', 'amount_fen'])
    .where('plan_id', '=', planId)
    .orderBy('period')
    .execute();
  if (rows.length === 0) return [];
  const orders = await s.ctx.ledger.db
    .selectFrom('orders')
    .select(['id', 'status', 'amount_fen'])
    .where(
      'id',
      'in',
      rows.map((r) => r.order_id),
    )
    .execute();
  const byId = new Map(orders.map((o) => [o.id, o]));
  return rows.map((r) => ({
    period: r.period,
    state: r.state,
    amountFen: r.amount_fen,
    order: byId.get(r.order_id)?.status ?? null,
  }));
}

async function planOf(token: string) {
  const answer = await fetch(`${baseUrl}/api/monthly/${token}`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as { status: string; nextChargeOn: string | null; dayOfMonth: number };
}

/** The plan behind a private link (the ledger keeps only the token's hash). */
async function planIdOf(s: E2eScheduler, token: string): Promise<string> {
  const plan = await planByToken(monthlyDb(s.ctx.ledger), token);
  if (!plan) throw new Error('管理链接找不到月捐');
  return plan.id;
}

/**
 * On the project page: 每月, an amount, day 28 (and `channel` if given), then 下一步 — to the
 * signing step, whose private management link's token is returned.
 */
async function askMonthly(page: Page, slug: string, amount: string, channel?: string): Promise<Locator> {
  await page.goto(`${baseUrl}/projects/${slug}/`);
  const donate = page.locator('#donate');
  await expect.poll(() => donate.getByText('在线捐赠需要启用').isVisible()).toBe(false);
  await donate.getByRole('radio', { name: amount }).check();
  await donate.getByRole('radio', { name: '每月捐赠' }).check();
  await donate.getByLabel('每月扣款日').selectOption('28');
  if (channel) await donate.getByRole('radio', { name: channel }).check();
  await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
  const step = donate.locator('.donate-confirm');
  await step.getByRole('heading', { name: '开通每月捐赠' }).waitFor();
  return step;
}

/** From the signing step: sign on the sandbox's page, back to the management page; the link's token. */
async function signInSandbox(page: Page, step: Locator): Promise<string> {
  const href = (await step.getByRole('link', { name: '月捐管理链接' }).getAttribute('href')) as string;
  expect(href).toMatch(/\/monthly\/manage\/#[A-Za-z0-9_-]{43}$/);
  await step.getByRole('link', { name: '前往支付宝开通扣款' }).click();
  await page.getByRole('button', { name: '同意并开通（沙箱，不扣款）' }).click();
  await page.getByRole('heading', { name: '沙箱签约成功' }).waitFor();
  await page.getByRole('link', { name: '返回捐赠页面' }).click();
  await page.locator('#monthly-manage [data-status="active"]').waitFor();
  return href.split('#')[1] as string;
}

describe('月捐 in Chromium: sign, charged monthly at an injected clock, change, cancel, unsigned in Alipay', () => {
  it('charges exactly one paid order a month until the donor cancels from the link', async () => {
    const slug = await monthlyProject();
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();

    // Sign: 每月 50 元 on the project page, then Alipay's (the sandbox's) signing page.
    const step = await askMonthly(page, slug, '50 元');
    await look(step, 'monthly-step-1366');
    const token = await signInSandbox(page, step);
    const manage = page.locator('#monthly-manage');

    scheduler = await e2eScheduler(inject('portalEnv'));
    const s = scheduler;
    const planId = await planIdOf(s, token);
    const first = (await planOf(token)).nextChargeOn as string;
    const start = first.slice(0, 7);

    // Month 1 at its agreed day: the first charge, paid, on the management page.
    const tick1 = await s.tick(chinaNoon(first));
    expect(tick1.errors).toEqual([]);
    expect(tick1.outcomes.paid).toBeGreaterThanOrEqual(1);
    await page.reload();
    await expect.poll(() => manage.locator('tbody tr').count()).toBe(1);
    expect(await manage.locator('tbody').textContent()).toContain('已捐出');
    expect(await manage.locator('tbody').textContent()).toContain('50.00 元');

    // Months 2 and 3: ticks on the day and again an hour later — one paid order each month.
    for (const k of [1, 2]) {
      const due = chinaNoon(dueDate(addMonths(start, k), 28));
      expect((await s.tick(new Date(due.getTime() - 86_400_000))).errors).toEqual([]);
      expect((await s.tick(due)).errors).toEqual([]);
      expect((await s.tick(new Date(due.getTime() + 3_600_000))).errors).toEqual([]);
    }
    expect(await months(s, planId)).toEqual(
      [0, 1, 2].map((k) => ({ period: addMonths(start, k), state: 'paid', amountFen: 5_000, order: 'paid' })),
    );

    // Lower the amount on the page: from the next month not charged.
    await page.reload();
    await manage.locator('[data-status="active"]').waitFor();
    await manage.getByLabel('每月金额（元）').fill('30');
    await manage.getByRole('button', { name: '保存修改' }).click();
    await manage.getByText('已保存，从下一个尚未扣款的月份起生效。').waitFor();
    expect(await manage.locator('dl').textContent()).toContain('30.00 元');
    expect(await axe(page)).toEqual([]);
    await look(page, 'manage-1366');
    const m4 = dueDate(addMonths(start, 3), 28);
    expect((await s.tick(chinaNoon(m4))).errors).toEqual([]);
    const four = await months(s, planId);
    expect(four.map((m) => m.amountFen)).toEqual([5_000, 5_000, 5_000, 3_000]);
    expect(four.every((m) => m.state === 'paid' && m.order === 'paid')).toBe(true);

    // Cancel from the link: a danger action whose confirmation says what happens.
    await page.reload();
    await manage.locator('[data-status="active"]').waitFor();
    await manage.getByRole('button', { name: '取消月捐' }).click();
    const confirm = manage.locator('[data-monthly-confirm]');
    await confirm.getByRole('heading', { name: '确定取消这项月捐吗？' }).waitFor();
    expect(await confirm.textContent()).toContain('本站立即停止扣款');
    expect(await confirm.textContent()).toContain('已经捐出的月份不会退回');
    expect(await axe(page)).toEqual([]);
    await look(page, 'manage-cancel-confirm-1366');
    await confirm.getByRole('button', { name: '确认取消月捐' }).click();
    await manage.locator('[data-status="cancelled"]').waitFor();
    expect(await manage.locator('dl').textContent()).toContain('不会再扣款');
    expect(await manage.getByRole('button', { name: '取消月捐' }).count()).toBe(0);

    // The next months charge nothing.
    for (const k of [4, 5]) expect((await s.tick(chinaNoon(dueDate(addMonths(start, k), 28)))).errors).toEqual([]);
    expect((await months(s, planId)).length).toBe(4);
    await context.close();
  });

  it('a plan unsigned inside Alipay (signed dut_user_unsign) stops and the page says why', async () => {
    const s = scheduler as E2eScheduler;
    const slug = await monthlyProject();
    // Another donor, on a phone with 长辈模式: 每月 10 元.
    const context = await site.browser.newContext(PHONE);
    await context.addInitScript(() => localStorage.setItem('xj-elder', '1'));
    const page = await context.newPage();
    const step = await askMonthly(page, slug, '10 元');
    await look(step, 'monthly-step-360-elder');
    const token = await signInSandbox(page, step);
    const manage = page.locator('#monthly-manage');
    const planId = await planIdOf(s, token);
    const first = (await planOf(token)).nextChargeOn as string;
    expect((await s.tick(chinaNoon(first))).errors).toEqual([]);
    await page.reload();
    await expect.poll(() => manage.locator('tbody tr').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await look(page, 'manage-360-elder');
    // The confirmation on a phone in 长辈模式, and 不取消 leaves the plan as it was.
    await manage.getByRole('button', { name: '取消月捐' }).click();
    await manage.getByRole('heading', { name: '确定取消这项月捐吗？' }).waitFor();
    await look(page, 'manage-cancel-confirm-360-elder');
    await manage.getByRole('button', { name: '不取消，返回' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('取消月捐');
    expect((await planOf(token)).status).toBe('active');

    // The donor unsigns inside Alipay: the fake sends the signed dut_user_unsign to the portal.
    const plan = await monthlyDb(s.ctx.ledger)
      .selectFrom('monthly_plans')
      .select(['merchant_app_id', 'agreement_no'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const desk = s.ctx.sandbox?.agreements as FakeAgreementDesk;
    expect(await desk.userUnsign(plan.merchant_app_id, plan.agreement_no as string)).toBe('success');
    await page.reload();
    const status = manage.locator('dd[data-status]');
    await expect.poll(() => status.getAttribute('data-status')).not.toBe('active');
    expect(await status.textContent()).toContain('您已在支付宝解除扣款协议');
    expect(await manage.locator('dl').textContent()).toContain('不会再扣款');
    await look(page, 'manage-unsigned-360-elder');
    const next = addMonths(first.slice(0, 7), 1);
    expect((await s.tick(chinaNoon(dueDate(next, 28)))).errors).toEqual([]);
    expect((await months(s, planId)).map((m) => m.period)).toEqual([first.slice(0, 7)]);
    await context.close();
  });

  it('inside WeChat the signing step shows the QR image and the link as text, never a link into Alipay', async () => {
    const slug = await monthlyProject();
    const context = await site.browser.newContext({ ...PHONE, userAgent: WECHAT_UA });
    const documents: string[] = [];
    context.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url());
    });
    const page = await context.newPage();
    const step = await askMonthly(page, slug, '10 元', '手机网页');
    expect(await step.getByRole('link', { name: /前往支付宝/ }).count()).toBe(0);
    expect(await step.locator('a[href*="/api/payments/"]').count()).toBe(0);
    const signUrl = await step.getByLabel('开通链接（可复制到手机浏览器中打开）').inputValue();
    expect(signUrl).toContain('alipay.user.agreement.page.sign');
    await step.locator('img[data-pay-qr]').waitFor();
    expect(await step.locator('[data-wechat]').getByRole('button', { name: '在浏览器打开' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await look(step, 'monthly-step-360-wechat');
    // The management page of the plan still waiting offers signing the same way.
    await step.getByRole('link', { name: '月捐管理链接' }).click();
    const manage = page.locator('#monthly-manage');
    await manage.locator('[data-status="signing"]').waitFor();
    expect(await manage.getByRole('link', { name: /前往支付宝/ }).count()).toBe(0);
    expect(await manage.locator('a[href*="/api/payments/"]').count()).toBe(0);
    expect(await manage.getByLabel('开通链接（可复制到手机浏览器中打开）').inputValue()).toContain(
      'alipay.user.agreement.page.sign',
    );
    expect(await axe(page)).toEqual([]);
    await look(page, 'manage-signing-360-wechat');
    expect(documents.filter((url) => url.includes('/api/payments/'))).toEqual([]);
    await context.close();
  });
});
