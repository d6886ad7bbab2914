import { describe, expect, it } from 'vitest';
import { subscribeSectionHtml } from '../../../../../site/lib/render/subscribe-section.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe('subscribeSectionHtml', () => {
  it('links a project page to the e-mail form and its Atom feed, with no script and no address field', () => {
    const site = demoSite();
    const view = site.projects[0];
    if (!view) throw new Error('no project');
    const out = subscribeSectionHtml(view).value;
    expect(out).toContain(`href="/subscriptions/?project=${view.project.slug}"`);
    expect(out).toContain(`href="/projects/${view.project.slug}/feed.xml"`);
    expect(out).toContain('订阅项目进展');
    expect(out).not.toMatch(/<script|<input|<form/);
  });
});
