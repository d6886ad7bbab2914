import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.ts';
import { coverImageSchema } from './cover-image.ts';
import { regionSchema } from './region.ts';
import { serviceType, targetGroup } from './taxonomy.ts';

/** 典型案例 — curated by ministry editors (保障措施（三）). */
export const typicalCaseSchema = z.object({
  slug,
  title: nonEmptyText(80),
  /** Who published it, e.g. `民政部慈善事业促进和社会工作司`. */
  source: nonEmptyText(60),
  year: z.number().int().min(2000).max(2100),
  region: regionSchema,
  targetGroups: z.array(targetGroup).min(1),
  serviceTypes: z.array(serviceType).min(1),
  summary: nonEmptyText(300),
  body: nonEmptyText(20000),
  /** @default [] */
  projects: z.array(slug).default([]),
  /** @default [] */
  charities: z.array(slug).default([]),
  /** Shown on the home page. @default false */
  featured: z.boolean().default(false),
  publishedOn: isoDate,
  /** 封面图片 (optional), with its alt text and the no-identifiable-beneficiary confirmation. */
  cover: coverImageSchema.optional(),
});
export type TypicalCase = z.infer<typeof typicalCaseSchema>;
