import { z } from 'zod';
import { ContentError, formatPath } from '../content/errors.ts';
import { isIsoDate } from '../content/schemas/common.ts';

/** 2023-09-04: the day 民发〔2023〕46号 took effect. Any fixed number would do. */
export const DEFAULT_SEED = 20_230_904;

export const DATASET_SIZES = ['demo', 'scale'] as const;
export type DatasetSize = (typeof DATASET_SIZES)[number];

/** How many of each thing a size produces. Disclosures follow from the projects' timelines. */
export interface SizePlan {
  charities: number;
  projects: number;
  needs: number;
  cases: number;
  typicalCases: number;
  awards: number;
  /** Campaigns are made for this many years up to the year of `asOf`. */
  campaignYears: number;
  /** Chance of each monthly progress note between quarterly reports (tunes the disclosure count). */
  noteChance: number;
  /** De-identified referral facts behind the public referral tables (only their suppressed aggregates are kept). */
  referrals: number;
  /** Counties (those of the needs) the referrals are spread over. */
  referralCounties: number;
}

export const SIZE_PLANS: Record<DatasetSize, SizePlan> = {
  demo: {
    charities: 48,
    projects: 320,
    needs: 140,
    cases: 240,
    typicalCases: 36,
    awards: 72,
    campaignYears: 2,
    noteChance: 0.75,
    referrals: 480,
    referralCounties: 16,
  },
  scale: {
    charities: 1_000,
    projects: 10_000,
    needs: 2_500,
    cases: 3_000,
    typicalCases: 300,
    awards: 600,
    campaignYears: 3,
    noteChance: 0.9,
    // The scale set measures pages and search; its header stays small (read-snapshot-lines.ts).
    referrals: 0,
    referralCounties: 0,
  },
};

export const generateOptionsSchema = z.object(
  {
    size: z.enum(DATASET_SIZES, { message: '数据规模（size）只能是 demo 或 scale' }),
    seed: z
      .number({ message: '随机种子（seed）应为整数' })
      .int({ message: '随机种子（seed）应为整数' })
      .min(0, { message: '随机种子（seed）应为 0 到 4294967295 之间的整数' })
      .max(4_294_967_295, { message: '随机种子（seed）应为 0 到 4294967295 之间的整数' })
      .default(DEFAULT_SEED),
    asOf: z
      .string({ message: '基准日期（asOf）应为 YYYY-MM-DD 格式的日期' })
      .refine(isIsoDate, { message: '基准日期（asOf）应为有效日期，格式 YYYY-MM-DD' })
      .refine((d) => d >= '2020-01-01' && d <= '2099-12-31', {
        message: '基准日期（asOf）应在 2020-01-01 至 2099-12-31 之间',
      })
      .optional(),
  },
  { message: '生成参数应为对象，例如 { size: "demo" }' },
);
export type GenerateOptions = z.input<typeof generateOptionsSchema>;
export type ResolvedOptions = z.output<typeof generateOptionsSchema>;

/** Parses generator options; bad input throws `ContentError` (`GENERATE_OPTIONS_INVALID`) naming the field. */
export function parseGenerateOptions(input: unknown): ResolvedOptions {
  const parsed = generateOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ entry: '生成参数', field: formatPath(i.path), message: i.message }));
  throw new ContentError('GENERATE_OPTIONS_INVALID', '生成参数无效：', issues);
}
