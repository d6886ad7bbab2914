import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../../content/contracts/format.ts';
import { formatMoney } from '../../../../../content/contracts/money.ts';
import { PROJECT_STATUSES } from '../../../../../content/index.ts';
import type { ShareCard } from '../../../../../site/lib/share-image/share-card.ts';
import {
  campaignShareCard,
  DEFAULT_SHARE_CARD,
  projectShareCard,
  typicalCaseShareCard,
} from '../../../../../site/lib/share-image/share-cards.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

/** Everything a card puts into the image, as one string. */
function drawn(card: ShareCard) {
  return [
    card.kind,
    card.title,
    card.subtitle ?? '',
    ...card.figures.flatMap((f) => [f.label, f.value]),
    card.note ?? '',
  ].join('\n');
}

describe('share cards: titles and figures only', () => {
  const site = demoSite();

  it('gives a project its title, charity, status, goal and the disclosed total', () => {
    const view = site.projects.find((v) => v.project.plan && v.money.asOf);
    if (!view?.project.plan) throw new Error('the demo data has a project with a plan and a disclosure');
    const card = projectShareCard(view);
    expect(card.title).toBe(view.project.title);
    expect(card.subtitle).toBe(`实施机构：${view.charity.name}`);
    expect(card.figures.map((f) => f.value)).toEqual([
      PROJECT_STATUSES[view.project.status],
      formatMoney(view.project.plan.goalFen),
      formatMoney(view.money.raisedFen),
    ]);
    expect(card.note).toBe(`已筹金额截至${formatDate(view.money.asOf ?? '')}，来自本项目的信息公开`);
  });

  it('leaves out the goal without a plan and the total before anything is disclosed', () => {
    const view = site.projects.find((v) => !v.project.plan && !v.money.asOf);
    if (!view) throw new Error('the demo data has a project without a plan or disclosure');
    expect(projectShareCard(view).figures.map((f) => f.label)).toEqual(['项目状态']);
    expect(projectShareCard(view).note).toBeUndefined();
  });

  it('never draws a summary, story, body or case text (where a beneficiary could be described)', () => {
    for (const view of site.projects) {
      const text = drawn(projectShareCard(view));
      expect(text).not.toContain(view.project.summary);
      for (const c of view.cases) expect(text).not.toContain(c.situation);
    }
    for (const item of site.typicalCases) {
      const text = drawn(typicalCaseShareCard(item));
      expect(text).not.toContain(item.summary);
      expect(text).toContain(item.title);
    }
  });

  it('gives a campaign its dates and the number of its projects', () => {
    const campaign = site.campaigns[0];
    if (!campaign) throw new Error('the demo data has campaigns');
    const card = campaignShareCard(campaign, 1234);
    expect(card.figures.map((f) => f.value)).toEqual([
      expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
      expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
      '1,234 个',
    ]);
    expect(card.subtitle).toBe(`主办：${campaign.organiser}`);
  });

  it('has a default card for every other page', () => {
    expect(DEFAULT_SHARE_CARD.title).toMatch(/衔接/);
  });
});
