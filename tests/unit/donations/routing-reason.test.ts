import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { toCandidate } from '../../../donations/routing.ts';
import { moneySentence } from '../../../donations/routing-reason.ts';
import LiveTotals from '../../../site/islands/live-totals.tsx';
import { liveTotalsProps } from '../../../site/lib/render/funding-progress.ts';
import { demoSite } from '../../support/fixtures/site.ts';

/** The project page's own figures, read from what its live-totals island renders. */
function pageFigures(html: string) {
  const dd = (term: string) => new RegExp(`<dt>${term}</dt><dd><data value="\\d+">([^<]+)</data>`).exec(html)?.[1];
  return {
    goal: dd('募捐目标'),
    raised: dd('已公开募得'),
    percent: /已达到募捐目标的 (\d+)%/.exec(html)?.[1],
    asOf: /数据截至 (\S+) 的信息公开/.exec(html)?.[1],
  };
}

describe('the routing reason says what the project page says', () => {
  const site = demoSite();
  const disclosed = site.projects.filter((v) => v.accepting && !v.schedule.isOverdue && v.money.asOf !== null);

  it('has demo projects to compare', () => {
    expect(disclosed.length).toBeGreaterThan(3);
  });

  it("gives each project's goal, 已公开募得, percent and date as its page does", () => {
    for (const view of disclosed) {
      const page = pageFigures(renderToStaticMarkup(createElement(LiveTotals, liveTotalsProps(view))));
      expect(page.raised, view.project.slug).toBeTruthy();
      const sentence = moneySentence(toCandidate(view.project, {}, view.money, 0));
      expect(sentence).toContain(`募捐目标 ${page.goal}`);
      expect(sentence).toContain(`据${page.asOf}的信息公开，已公开募得 ${page.raised}，已达目标的 ${page.percent}%`);
    }
  });
});
