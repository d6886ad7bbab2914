import { describe, expect, it } from 'vitest';
import { givingCardHtml } from '../../../../../site/lib/render/giving-card.ts';
import { projectCardHtml } from '../../../../../site/lib/render/project-card.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe('project cards with the way to give', () => {
  const site = demoSite();
  const accepting = site.projects.find((v) => v.accepting && v.project.plan);
  const closed = site.projects.find((v) => !v.accepting);

  it('gives a card accepting gifts its bar, closing day and 我要捐赠 to #donate', () => {
    if (!accepting) throw new Error('演示数据中没有可捐赠的项目');
    for (const out of [givingCardHtml(accepting).value, projectCardHtml(accepting).value]) {
      expect(out).toMatch(/<div class="progress__bar" role="img" aria-label="已达到募捐目标的 \d+%">/);
      // The listing card says 募捐截止 with the sums; the home page's compact card the day and share.
      expect(out).toMatch(/募捐截止 \d{4}年|已达目标 \d+% · \d{4}年\d{1,2}月\d{1,2}日截止/);
      expect(out).toContain(
        `href="/projects/${accepting.project.slug}/#donate">我要捐赠<span class="visually-hidden">：`,
      );
      expect(out).not.toContain('style=');
    }
  });

  it('gives a project that takes no gifts no 我要捐赠', () => {
    if (!closed) throw new Error('演示数据中没有不可捐赠的项目');
    expect(projectCardHtml(closed).value).not.toContain('我要捐赠');
  });
});
