import { z } from 'zod';
import { notProse } from './not-prose.ts';

/**
 * A place, by its GB/T 2260 administrative division code. `level` follows the code:
 * `xx0000` province, `xxxx00` prefecture, anything else county.
 */
export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function regionLevelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

export const regionCode = notProse(
  z.string().regex(/^[1-9]\d{5}$/, { message: '应为 6 位行政区划代码（GB/T 2260）' }),
  'identifier',
);

export const regionSchema = z
  .object({
    /** GB/T 2260 code of the most precise level given. */
    code: regionCode,
    /** Full name, e.g. `甘肃省定西市岷县`. */
    name: z.string().trim().min(2).max(60),
    provinceCode: regionCode,
    province: z.string().trim().min(2).max(20),
    /** 国家乡村振兴重点帮扶县. Only meaningful for counties. @default false */
    keyCounty: z.boolean().default(false),
  })
  .refine((r) => r.code.slice(0, 2) === r.provinceCode.slice(0, 2) && regionLevelOf(r.provinceCode) === 'province', {
    message: '省级代码与区划代码不一致',
    path: ['provinceCode'],
  })
  .refine((r) => !r.keyCounty || regionLevelOf(r.code) === 'county', {
    message: '只有县级区划可以标记为国家乡村振兴重点帮扶县',
    path: ['keyCounty'],
  });
export type Region = z.infer<typeof regionSchema>;

/** A county-level region: what case summaries and assistance needs may name, and nothing finer. */
export const countySchema = regionSchema.refine((r) => regionLevelOf(r.code) === 'county', {
  message: '应为县级区划（不得精确到乡镇、村或门牌）',
  path: ['code'],
});
