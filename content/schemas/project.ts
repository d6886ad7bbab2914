import { z } from 'zod';
import { dateRange, fen, isoDate, nonEmptyText, slug } from './common.ts';
import { correctionHistorySchema } from './correction.ts';
import { coverImageSchema } from './cover-image.ts';
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

/**
 * The public fields of a project with the words the correction notes use for them. A path with a
 * dot is a field of the plan: a change inside the plan names the plan field, a plan added or
 * removed names `plan`. Every field of `projectSchema` but `corrections` is here (a unit test
 * checks), so no change can go unnamed.
 */
export const PROJECT_FIELD_LABELS = {
  slug: '网址标识',
  title: '项目名称',
  charity: '实施机构',
  assistanceOriented: '是否救助帮扶类项目',
  targetGroups: '帮扶对象',
  serviceTypes: '服务类型',
  regions: '实施地区',
  plan: '募捐方案',
  'plan.filingNumber': '募捐方案备案编号',
  'plan.filedOn': '募捐方案备案日期',
  'plan.window': '募捐期限',
  'plan.goalFen': '募捐目标金额',
  'plan.purpose': '募捐目的',
  'plan.beneficiaryScope': '受益人范围',
  'plan.beneficiarySelection': '受益人确定方式',
  'plan.useOfFunds': '募得款物用途',
  'plan.fundraisingCost': '募捐成本',
  'plan.managementCostPermille': '管理费用比例',
  'plan.remainingProperty': '剩余财产处理方式',
  'plan.partners': '合作方',
  implementation: '实施期限',
  status: '项目状态',
  emergency: '是否应急募捐',
  needs: '对接的救助需求',
  campaigns: '参与的专题活动',
  brand: '是否品牌项目',
  summary: '项目简介',
  story: '项目介绍',
  publishedOn: '发布日期',
  cover: '封面图片',
} as const;

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
  /** 封面图片 (optional), with its alt text and the no-identifiable-beneficiary confirmation. */
  cover: coverImageSchema.optional(),
  /** 更正说明: every change made after publication, oldest first (schemas/correction.ts). @default [] */
  corrections: correctionHistorySchema(PROJECT_FIELD_LABELS),
});
export type Project = z.infer<typeof projectSchema>;
