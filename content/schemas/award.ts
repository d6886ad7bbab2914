import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';

export const AWARD_CATEGORIES = {
  'model-individual': '慈善楷模',
  project: '慈善项目和慈善信托',
  'donor-enterprise': '捐赠企业',
  'donor-individual': '捐赠个人',
  volunteer: '志愿服务',
  collective: '先进集体',
  organisation: '慈善组织',
} as const;
export type AwardCategory = keyof typeof AWARD_CATEGORIES;

export const AWARDEE_KINDS = {
  charity: '慈善组织',
  project: '慈善项目',
  trust: '慈善信托',
  enterprise: '企业',
  individual: '个人',
  collective: '集体',
} as const;
export type AwardeeKind = keyof typeof AWARDEE_KINDS;

export const awardeeSchema = z
  .object({
    kind: z.enum(Object.keys(AWARDEE_KINDS) as [AwardeeKind, ...AwardeeKind[]]),
    name: nonEmptyText(100),
    /** Set when the awardee is a charity on this portal. */
    charity: slug.nullable().default(null),
    /** Set when the awardee is a project on this portal. */
    project: slug.nullable().default(null),
  })
  .refine((a) => a.kind !== 'project' || a.project !== null || a.charity !== null, {
    message: '获奖项目应关联本门户的项目或慈善组织',
    path: ['project'],
  });
export type Awardee = z.infer<typeof awardeeSchema>;

/** 表彰 — 中华慈善奖 and other commendations (民发〔2023〕46号 (五)). */
export const awardSchema = z.object({
  slug,
  /** Name of the award, e.g. `中华慈善奖`. */
  name: nonEmptyText(40),
  /** Edition, e.g. `第十二届`. */
  edition: nonEmptyText(20),
  year: z.number().int().min(2005).max(2100),
  category: z.enum(Object.keys(AWARD_CATEGORIES) as [AwardCategory, ...AwardCategory[]]),
  awardee: awardeeSchema,
  citation: nonEmptyText(1000),
  /** 表彰文号, e.g. `民发〔2024〕30号`. */
  documentNumber: nonEmptyText(40),
  announcedOn: isoDate,
});
export type Award = z.infer<typeof awardSchema>;
