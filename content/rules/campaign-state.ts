import type { Campaign } from '../schemas/campaign.ts';
import type { IsoDate } from '../schemas/common.ts';

/**
 * Where a campaign stands on `today`: the campaign pages' 即将开始 / 进行中 / 已结束 and the
 * donations API's refusal of cause gifts for an ended campaign read this one rule, so a page never
 * offers what the API refuses. The window is inclusive: the last day still runs.
 */
export type CampaignState = 'upcoming' | 'running' | 'ended';

export const CAMPAIGN_STATES: Record<CampaignState, string> = {
  upcoming: '即将开始',
  running: '进行中',
  ended: '已结束',
};

export function campaignState(campaign: Pick<Campaign, 'window'>, today: IsoDate): CampaignState {
  if (today < campaign.window.start) return 'upcoming';
  return today > campaign.window.end ? 'ended' : 'running';
}
