import { z } from 'zod';
import { isoDate } from '../schemas/common.ts';
import { regionCode } from '../schemas/region.ts';
import { targetGroup } from '../schemas/taxonomy.ts';

/**
 * One de-identified fact per referral (civil affairs → charity) or report (charity → civil
 * affairs): what the workbench (referrals/) hands the publisher for the public aggregates. Only
 * codes, a target group, dates and an outcome — never a household, a charity or a caseworker.
 */
export const REFERRAL_DIRECTIONS = ['to-charity', 'to-civil-affairs'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_OUTCOMES = [
  'pending',
  'accepted',
  'declined',
  'overdue',
  'helped',
  'closed-unhelped',
  'assessed',
  'not-eligible',
  'assisted',
  'helped-to-apply',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const referralFactSchema = z.object({
  direction: z.enum(REFERRAL_DIRECTIONS),
  provinceCode: regionCode,
  countyCode: regionCode,
  targetGroup,
  createdOn: isoDate,
  acceptedOn: isoDate.optional(),
  outcome: z.enum(REFERRAL_OUTCOMES),
});
export type ReferralFact = z.infer<typeof referralFactSchema>;
