import { z } from 'zod';
import { dateRange, fen, isoDate, nonEmptyText, slug } from './common.ts';
import { notProse } from './not-prose.ts';
import { regionSchema } from './region.ts';
import { serviceType, targetGroup } from './taxonomy.ts';

export const PARTNER_TYPES = {
  charity: '慈善组织',
  enterprise: '企业',
  'social-org': '其他社会组织',
  government: '政府部门',
  platform: '互联网公开募捐信息平台',
} as const;

/** 合作方 named in the filed plan. Partners without qualification may not collect money (Art. 26). */
export const partnerSchema = z.object({
  name: nonEmptyText(100),
  /** Optional: not every partner type has one we can show. */
  creditCode: notProse(z.string().trim().max(18), 'identifier').optional(),
  type: z.enum(Object.keys(PARTNER_TYPES) as [keyof typeof PARTNER_TYPES, ...(keyof typeof PARTNER_TYPES)[]]),
  role: nonEmptyText(200),
});
export type Partner = z.infer<typeof partnerSchema>;

/** 募捐方案 as filed with civil affairs (Charity Law Art. 24). */
export const fundraisingPlanSchema = z.object({
  /**
   * 备案编号. Opaque: formats differ by province and year, so it is not hard-validated. Not linted:
   * a long digit run in it may pass Luhn and read as a card number without the label beside it.
   */
  filingNumber: notProse(z.string().trim().max(60), 'identifier').nullable(),
  filedOn: isoDate.nullable(),
  /** The filed fundraising window. */
  window: dateRange,
  goalFen: fen.refine((v) => v > 0, { message: '募捐目标应大于 0' }),
  purpose: nonEmptyText(1000),
  beneficiaryScope: nonEmptyText(1000),
  beneficiarySelection: nonEmptyText(1000),
  useOfFunds: nonEmptyText(2000),
  /** 募捐成本, as a description of what it covers and its ceiling. */
  fundraisingCost: nonEmptyText(500),
  /** 管理费用 ceiling in per-mille of the funds raised (e.g. 60 = 6%). */
  managementCostPermille: z.number().int().min(0).max(1000),
  remainingProperty: nonEmptyText(500),
  partners: z.array(partnerSchema).default([]),
});
export type FundraisingPlan = z.infer<typeof fundraisingPlanSchema>;

export const PROJECT_STATUSES = {
  preparing: '筹备中',
  fundraising: '募捐中',
  implementing: '执行中',
  completed: '已结项',
  terminated: '已终止',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;

/** 慈善项目. */
export const projectSchema = z.object({
  slug,
  title: nonEmptyText(80),
  /** Slug of the charity that runs it and whose merchant receives the money. */
  charity: slug,
  /** 救助帮扶类: aimed at people the government's assistance also serves. Only these take donations here. */
  assistanceOriented: z.boolean(),
  targetGroups: z.array(targetGroup).min(1, { message: '至少选择一个帮扶对象类别' }),
  serviceTypes: z.array(serviceType).min(1, { message: '至少选择一个服务类型' }),
  regions: z.array(regionSchema).min(1, { message: '至少选择一个实施地区' }),
  /** null when the project raises no public funds. */
  plan: fundraisingPlanSchema.nullable(),
  implementation: dateRange,
  status: z.enum(Object.keys(PROJECT_STATUSES) as [ProjectStatus, ...ProjectStatus[]]),
  /** A major emergency project: receipts are disclosed at least every 5 days (Art. 79). @default false */
  emergency: z.boolean().default(false),
  /** Slugs of the assistance needs it answers. @default [] */
  needs: z.array(slug).default([]),
  /** Slugs of the campaigns it takes part in. @default [] */
  campaigns: z.array(slug).default([]),
  /** 品牌项目. @default false */
  brand: z.boolean().default(false),
  summary: nonEmptyText(300),
  /** Story in Markdown; sanitised again when rendered. */
  story: nonEmptyText(20000),
  publishedOn: isoDate,
});
export type Project = z.infer<typeof projectSchema>;
