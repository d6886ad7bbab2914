import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import { siteBrowser } from '../support/e2e/site-browser.ts';

/**
 * Giving from inside WeChat's browser (a `MicroMessenger` user agent), which blocks Alipay's
 * pages, and 扫码 on a computer — in Chromium against the built e2e site and its sandbox Alipay.
 * Inside WeChat the journey must offer the way to the phone's browser and a QR image, and never
 * load a pay page (the sandbox's gateway and checkout stand in for Alipay's). The QR images are
 * read back from the page's pixels, as a phone's camera would read the screen.
 */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Where the sandbox's pay pages live (its gateway redirects to its checkout). */
const PAY_PAGES = /\/api\/payments\/sandbox\/(gateway|checkout|pay)|alipay\.com/;

const site = siteBrowser();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function axe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** A page whose every document load (navigation, frame, popup) is recorded. */
async function openRecorded(options: Parameters<NonNullable<typeof site.browser>['newContext']>[0]) {
  context = await site.browser.newContext(options);
  const documents: string[] = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
  });
  const page = await context.newPage();
  return { page, documents };
}

/**
 * What a scanner reads from the QR image as the page shows it: its pixels drawn without smoothing
 * at 1× to 4× (a camera nearer or further), the first size jsQR reads. A dense code (a cashier
 * link) is read at some sizes and not others, as by a phone.
 */
async function scan(image: Locator): Promise<string | null> {
  await image.waitFor();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete)).toBe(true);
  for (const times of [2, 3, 1, 4]) {
    const pixels = await image.evaluate((node, k) => {
      const img = node as HTMLImageElement;
      const size = img.naturalWidth * k;
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const g = canvas.getContext('2d');
      if (!g) return null;
      g.imageSmoothingEnabled = false;
      g.drawImage(img, 0, 0, size, size);
      // Handed over as base64: a million numbers as JSON would take longer than the scan.
      const bytes = g.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return { size, data: btoa(binary) };
    }, times);
    if (!pixels) return null;
    const rgba = new Uint8ClampedArray(Buffer.from(pixels.data, 'base64'));
    const read = jsQR(rgba, pixels.size, pixels.size, { inversionAttempts: 'dontInvert' })?.data;
    if (read) return read;
  }
  return null;
}

async function openDonateForm(page: Page): Promise<Locator> {
  await page.goto(`${site.baseUrl}${site.urls['project accepting donations']}`);
  const donate = page.locator('#donate');
  await expect.poll(() => donate.getByText('在线捐赠需要启用').isVisible()).toBe(false);
  return donate;
}

describe('giving inside WeChat, which blocks Alipay', () => {
  const phone = { viewport: { width: 360, height: 780 }, userAgent: WECHAT_UA, isMobile: true, hasTouch: true };

  it('offers 在浏览器打开 and 扫码 before the pay step, and shows a QR image of the payload instead of a link', async () => {
    const { page, documents } = await openRecorded(phone);
    const donate = await openDonateForm(page);

    // Before anything is paid: the guide above the form, and 扫码 already chosen.
    const guide = donate.locator('form [data-wechat]');
    await guide.waitFor();
    expect(await guide.textContent()).toContain('微信内无法打开支付宝付款页面');
    expect(await donate.getByRole('radio', { name: '扫码支付' }).isChecked()).toBe(true);

    // The overlay pointing at WeChat's ⋯ menu, and back.
    await guide.getByRole('button', { name: '在浏览器打开' }).click();
    const overlay = page.getByRole('dialog', { name: /点击右上角/ });
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('在浏览器打开');
    expect(await axe(page)).toEqual([]);
    await overlay.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => overlay.isVisible()).toBe(false);

    await donate.getByRole('radio', { name: '50 元' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();
    expect(await donate.locator('.donate__step').textContent()).toContain('支付宝 · 扫码支付');
    await donate.getByRole('button', { name: '确认，显示付款码' }).click();
    await donate.getByRole('heading', { name: '用支付宝付款' }).waitFor();

    const payload = await donate.getByLabel('付款码内容').inputValue();
    expect(payload).toMatch(/\/api\/payments\/sandbox\/checkout\?/);
    expect(await scan(donate.locator('img[data-pay-qr]'))).toBe(payload);
    expect(await donate.locator('.donate__step').textContent()).toContain('长按保存图片');
    expect(
      await donate.locator('.donate__step [data-wechat]').getByRole('button', { name: '在浏览器打开' }).count(),
    ).toBe(1);
    // Nothing on the step leads to a pay page.
    expect(await donate.locator('a[href*="/api/payments/"]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    expect(documents.filter((url) => PAY_PAGES.test(url))).toEqual([]);
    expect(PAY_PAGES.test(page.url())).toBe(false);
  });

  it('chosen 手机网页 anyway: the confirm step shows the QR image of the cashier link and no link to it', async () => {
    const { page, documents } = await openRecorded(phone);
    const donate = await openDonateForm(page);
    await donate.locator('form [data-wechat]').waitFor();
    await donate.getByRole('radio', { name: '10 元' }).check();
    await donate.getByRole('radio', { name: '手机网页' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('heading', { name: '请核对捐赠信息' }).waitFor();

    const step = donate.locator('.donate__step');
    expect(await step.getByRole('link', { name: /前往支付宝/ }).count()).toBe(0);
    const cashier = await step.getByLabel('付款链接（可复制到手机浏览器中打开）').inputValue();
    expect(cashier).toMatch(/\/api\/payments\/sandbox\/gateway\?/);
    expect(await scan(step.locator('img[data-pay-qr]'))).toBe(cashier);
    expect(await step.locator('a[href*="/api/payments/"]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    expect(documents.filter((url) => PAY_PAGES.test(url))).toEqual([]);
  });
});

describe('扫码支付 on a computer', () => {
  it('shows the QR image of the payload, with the payload and its link as the fallback', async () => {
    const { page } = await openRecorded({ viewport: { width: 1366, height: 900 } });
    const donate = await openDonateForm(page);
    expect(await donate.locator('[data-wechat]').count()).toBe(0);
    await donate.getByRole('radio', { name: '100 元' }).check();
    await donate.getByRole('radio', { name: '扫码支付' }).check();
    await donate.getByRole('button', { name: '下一步：核对捐赠信息' }).click();
    await donate.getByRole('button', { name: '确认，显示付款码' }).click();
    await donate.getByRole('heading', { name: '用支付宝付款' }).waitFor();

    const payload = await donate.getByLabel('付款码内容').inputValue();
    expect(await scan(donate.locator('img[data-pay-qr]'))).toBe(payload);
    expect(await donate.getByRole('link', { name: '打开付款码链接' }).getAttribute('href')).toBe(payload);
    expect(await donate.locator('[data-wechat]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });
});
