import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import CampaignLive, { type CampaignLiveProps } from '../../../../site/islands/campaign-live.tsx';

const pool = {
  slug: 'p1',
  title: '敬老月配捐',
  sponsor: '某基金会',
  totalFen: 200_000,
  window: '2026年10月1日至10月31日',
  start: '2026-10-01',
  end: '2026-10-31',
  rules: ['每捐 1 元配 1 元'],
};
const props = (today: string): CampaignLiveProps => ({
  slug: 'c1',
  end: '2026-11-30',
  today,
  pools: [pool],
  projects: [],
});
const render = (today: string) => renderToStaticMarkup(createElement(CampaignLive, props(today)));

describe('the campaign page’s pools, by the day', () => {
  it('says a pool whose days are over matches nothing now, and calls what is left unused', () => {
    const out = render('2026-11-02');
    expect(out).toContain('data-pool-phase="after"');
    expect(out).toContain('本配捐已于2026年10月31日结束。');
    expect(out).toContain('未使用的配捐');
    expect(out).not.toContain('剩余配捐');
  });

  it('says when a pool not yet open starts', () => {
    const out = render('2026-09-30');
    expect(out).toContain('data-pool-phase="before"');
    expect(out).toContain('本配捐2026年10月1日开始。');
  });

  it('says nothing of the kind on its first and last day', () => {
    for (const day of ['2026-10-01', '2026-10-31']) {
      const out = render(day);
      expect(out).not.toContain('data-pool-phase');
      expect(out).toContain('剩余配捐');
    }
  });
});
