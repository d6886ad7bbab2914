import { z } from 'zod';
import { assistanceNeedSchema } from '../schemas/assistance-need.ts';
import { awardSchema } from '../schemas/award.ts';
import { campaignSchema } from '../schemas/campaign.ts';
import { caseConsentSchema, caseSummarySchema } from '../schemas/case-summary.ts';
import { charitySchema } from '../schemas/charity.ts';
import { isoDate, isoDateTime, slug } from '../schemas/common.ts';
import { disclosureSchema } from '../schemas/disclosure.ts';
import { matchingPoolSchema } from '../schemas/matching-pool.ts';
import { projectSchema } from '../schemas/project.ts';
import { referralAggregatesSchema } from '../schemas/referral-aggregates.ts';
import { reportStatsSchema } from '../schemas/report.ts';
import { typicalCaseSchema } from '../schemas/typical-case.ts';

export const SNAPSHOT_FORMAT = 'xianjie-snapshot';
export const SNAPSHOT_VERSION = 1;

/** The collections of a snapshot, in the order they are validated and reported. */
export const COLLECTIONS = {
  charities: charitySchema,
  projects: projectSchema,
  disclosures: disclosureSchema,
  caseSummaries: caseSummarySchema,
  needs: assistanceNeedSchema,
  typicalCases: typicalCaseSchema,
  awards: awardSchema,
  campaigns: campaignSchema,
  matchingPools: matchingPoolSchema,
} as const;
export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  charities: '慈善组织',
  projects: '慈善项目',
  disclosures: '信息公开',
  caseSummaries: '帮扶案例',
  needs: '救助需求',
  typicalCases: '典型案例',
  awards: '表彰',
  campaigns: '专题活动',
  matchingPools: '配捐',
};

/**
 * Seed-only consent records, one per case summary. A demo dataset carries them so the CMS can
 * import publishable cases; a pull from Strapi never fills them and nothing public reads them.
 */
export const seedConsentSchema = caseConsentSchema.extend({ caseSummary: slug });

/** Lists that a file written before them may lack (read as empty). */
export const OPTIONAL_LISTS: ReadonlySet<string> = new Set(['seedConsents', 'matchingPools']);

export const snapshotMetaSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  generatedAt: isoDateTime,
  /** The day the rules (windows, overdue flags) are judged against when the data was made. */
  asOf: isoDate,
  /** Where it came from: `demo` and `scale` are generated and must be marked 示例数据 when shown. */
  source: z.enum(['demo', 'scale', 'strapi', 'file']),
  /** True for generated data: every page shows the 示例数据 notice. */
  demo: z.boolean(),
  /**
   * Counts of reports (举报/投诉) per quarter from the CMS, for the transparency page: counts
   * only, never a report's text. Absent in generated data and in a file written before them.
   */
  reportStats: reportStatsSchema.optional(),
  /**
   * The 衔接 workbench's results, small cells already suppressed (content/rules/
   * referral-aggregates.ts): never a referral. Absent before the workbench and in older files.
   */
  referralAggregates: referralAggregatesSchema.optional(),
});

export const snapshotSchema = snapshotMetaSchema.extend({
  charities: z.array(charitySchema),
  projects: z.array(projectSchema),
  disclosures: z.array(disclosureSchema),
  caseSummaries: z.array(caseSummarySchema),
  needs: z.array(assistanceNeedSchema),
  typicalCases: z.array(typicalCaseSchema),
  awards: z.array(awardSchema),
  campaigns: z.array(campaignSchema),
  /** 配捐 (issue 18); absent in a file written before them. @default [] */
  matchingPools: z.array(matchingPoolSchema).default([]),
  /** Seed-only (see `seedConsentSchema`). @default [] */
  seedConsents: z.array(seedConsentSchema).default([]),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotInput = z.input<typeof snapshotSchema>;
