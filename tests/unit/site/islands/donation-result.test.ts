import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import DonationResult from '../../../../site/islands/donation-result.tsx';

describe('the result island on the server', () => {
  it('is a polite live region that says, without JavaScript, where else to look', () => {
    const out = renderToStaticMarkup(createElement(DonationResult));
    expect(out).toContain(
      '<div id="donation-result" class="donation-result"><div data-result-live="" aria-live="polite">',
    );
    expect(out).toContain('查询捐赠结果需要启用浏览器的 JavaScript。');
    expect(out).not.toContain('aria-busy');
  });
});
