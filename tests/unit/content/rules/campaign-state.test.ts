import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATES, campaignState } from '../../../../content/rules/campaign-state.ts';

describe('where a campaign stands', () => {
  const campaign = { window: { start: '2026-09-01', end: '2026-09-30' } };
  it.each([
    ['2026-08-31', 'upcoming'],
    ['2026-09-01', 'running'],
    ['2026-09-30', 'running'],
    ['2026-10-01', 'ended'],
  ] as const)('on %s it is %s', (today, state) => {
    expect(campaignState(campaign, today)).toBe(state);
  });
  it('names every state in Chinese', () => {
    expect(Object.values(CAMPAIGN_STATES)).toEqual(['即将开始', '进行中', '已结束']);
  });
});
