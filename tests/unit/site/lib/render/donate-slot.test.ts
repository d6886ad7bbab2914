import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../../content/contracts/format.ts';
import { donateSlotHtml } from '../../../../../site/lib/render/donate-slot.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

describe("the project page's donate slot", () => {
  const site = demoSite();

  it('warns of overdue disclosures above the form of an accepting project, and only then', () => {
    const overdue = site.projects.find((v) => v.accepting && v.schedule.isOverdue);
    const clean = site.projects.find((v) => v.accepting && !v.schedule.isOverdue);
    if (!overdue || !clean) throw new Error('the demo needs accepting projects with and without overdue disclosures');
    const out = donateSlotHtml(overdue).value;
    const first = overdue.schedule.overdue[0];
    expect(out).toContain(`本项目有 ${overdue.schedule.overdue.length} 项法定信息公开逾期未披露`);
    expect(out).toContain(`最早一项截止于${formatDate(first?.dueOn ?? '')}`);
    // Before the island's place, so it is read before the confirm step.
    expect(out.indexOf('data-overdue-notice')).toBeLessThan(out.indexOf('xj-island:donate'));
    expect(donateSlotHtml(clean).value).not.toContain('data-overdue-notice');
  });

  it('offers 发起一起捐 as a plain link on a project that accepts gifts, and not on one that does not', () => {
    const open = site.projects.find((v) => v.accepting);
    const closed = site.projects.find((v) => !v.eligibility.eligible);
    if (!open || !closed) throw new Error('the demo needs projects that accept gifts and projects that do not');
    expect(donateSlotHtml(open).value).toContain(
      `<a href="/teams/new/?project=${encodeURIComponent(open.project.slug)}">发起一起捐</a>`,
    );
    expect(donateSlotHtml(closed).value).not.toContain('data-team-invite');
    expect(donateSlotHtml(closed).value).not.toContain('/teams/new/');
  });
});
