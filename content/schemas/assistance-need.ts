import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';
import { countySchema } from './region.ts';
import { serviceType, targetGroup } from './taxonomy.ts';

export const NEED_STATUSES = { open: '待对接', matched: '已对接', closed: '已结束' } as const;
export type NeedStatus = keyof typeof NEED_STATUSES;

/**
 * 救助需求 — published by a civil-affairs department: aggregated, never a person.
 * Which projects answer it is recorded on the projects (`Project.needs`).
 */
export const assistanceNeedSchema = z.object({
  slug,
  title: nonEmptyText(80),
  /** Publishing department, e.g. `岷县民政局`. */
  department: nonEmptyText(60),
  region: countySchema,
  group: targetGroup,
  kind: serviceType,
  households: z.number().int().min(1, { message: '涉及户数至少为 1' }).max(1_000_000),
  status: z.enum(Object.keys(NEED_STATUSES) as [NeedStatus, ...NeedStatus[]]),
  description: nonEmptyText(2000),
  publishedOn: isoDate,
});
export type AssistanceNeed = z.infer<typeof assistanceNeedSchema>;
