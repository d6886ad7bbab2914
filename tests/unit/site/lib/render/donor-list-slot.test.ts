import { describe, expect, it } from 'vitest';
import { donorListSlotHtml } from '../../../../../site/lib/render/donor-list-slot.ts';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import type { ProjectView } from '../../../../../site/lib/site-data.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe("the project page's donor list slot", () => {
  it('is a headed section that says, with and without JavaScript, what to expect', () => {
    const out = donorListSlotHtml().value;
    expect(out).toContain('<h2 id="donors-heading">捐赠名单</h2>');
    expect(out).toContain('<div id="donor-list">');
    expect(out).toContain('<span class="if-js">正在读取捐赠名单…</span>');
    expect(out).toContain('<span class="if-no-js">捐赠名单需要启用 JavaScript 才能显示。</span>');
    expect(out).toContain('data-pagefind-ignore');
  });

  it('is on every project page, after the donate section and before the story, whether it takes donations or not', () => {
    const site = demoSite();
    for (const v of [
      site.projects.find((p) => p.accepting),
      site.projects.find((p) => !p.accepting),
    ] as ProjectView[]) {
      const page = projectPageHtml(v, site.today).value;
      expect(page.match(/id="donor-list"/g)).toHaveLength(1);
      expect(page.indexOf('id="donors"')).toBeGreaterThan(page.indexOf('id="donate"'));
      expect(page.indexOf('id="donors"')).toBeLessThan(page.indexOf('id="story-heading"'));
    }
  });
});
