import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import LiveTotals from '../../../../site/islands/live-totals.tsx';

describe('the live-totals island on the server', () => {
  it('shows the baked figures and the bar, keeps the live ones hidden, and uses no style attribute', () => {
    const out = renderToStaticMarkup(
      createElement(LiveTotals, {
        slug: 'p-1',
        goalFen: 10_000_000,
        raisedFen: 2_550_000,
        spentFen: 100_000,
        unit: '万元',
        note: '数据截至 2026年11月16日 的信息公开，已达目标的 25%。',
      }),
    );
    expect(out).toContain('<div id="live-totals" data-project-slug="p-1" class="progress">');
    expect(out).toContain('<dt>募捐目标</dt><dd><data value="10000000">10.00 万元</data></dd>');
    expect(out).toContain('<dt>已公开募得</dt><dd><data value="2550000">2.55 万元</data></dd>');
    // Spent (1,000.00 元 on its own) in the unit given for the three (funding-progress.ts chooses it).
    expect(out).toContain('<dt>已公开支出</dt><dd><data value="100000">0.10 万元</data></dd>');
    expect(out).toContain('aria-label="已达到募捐目标的 25%"');
    expect(out).toContain('<rect width="25" height="1"></rect>');
    expect(out.match(/data-live-stat="" hidden=""/g)).toHaveLength(2);
    expect(out).toContain('<p class="small muted" data-live="note" hidden=""></p>');
    // The donor list comes later, in the browser (import()): nothing of it on the server.
    expect(out).not.toContain('捐赠名单');
    // The pages' CSP (style-src without 'unsafe-inline') would block it.
    expect(out).not.toContain('style=');
  });

  it('shows no goal and no bar for a project without a plan', () => {
    const out = renderToStaticMarkup(
      createElement(LiveTotals, {
        slug: 'p-2',
        goalFen: null,
        raisedFen: 0,
        spentFen: 0,
        unit: '元',
        note: '项目尚未发布信息公开。',
      }),
    );
    expect(out).not.toContain('募捐目标');
    expect(out).not.toContain('progress__bar');
  });
});
