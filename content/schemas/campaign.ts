import { z } from 'zod';
import { dateRange, nonEmptyText, slug } from './common.ts';

/** 专题活动 — e.g. the 9月5日 中华慈善日 campaign. Projects join it through `Project.campaigns`. */
export const campaignSchema = z.object({
  slug,
  title: nonEmptyText(60),
  theme: nonEmptyText(120),
  window: dateRange,
  description: nonEmptyText(5000),
  /** Organiser, e.g. `民政部`. */
  organiser: nonEmptyText(60),
});
export type Campaign = z.infer<typeof campaignSchema>;
