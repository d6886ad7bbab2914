import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resultHtml, SANDBOX_NOTICE } from '../../../../donations/sandbox/checkout-page.ts';

describe('the sandbox pages', () => {
  const html = resultHtml('沙箱付款成功', '捐赠已记入账本。<script>', '/donations/result/?id=1');

  it('name the site icon, so a browser does not ask for /favicon.ico (a 404 in the console)', () => {
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBe('/favicon.svg');
    expect(existsSync(fileURLToPath(new URL(`../../../../site/public${icon}`, import.meta.url)))).toBe(true);
  });

  it('say it is the sandbox and escape what they show', () => {
    expect(html).toContain(SANDBOX_NOTICE);
    expect(html).not.toContain('<script>');
  });
});
