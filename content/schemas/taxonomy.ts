import { z } from 'zod';

/**
 * The vocabularies of 民发〔2023〕46号 (四): who is helped and how. Keys are stable English
 * constants (URLs, search facets, Strapi enums); labels are what people read.
 */
export const TARGET_GROUPS = {
  'disabled-elderly': '失能/半失能老年人',
  minors: '困境未成年人',
  'left-behind-children': '农村留守儿童',
  disabled: '残疾人',
  'seriously-ill': '重病患者',
  dibao: '低保家庭',
  tekun: '特困人员',
  'low-income': '低收入家庭',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const targetGroup = z.enum(Object.keys(TARGET_GROUPS) as [TargetGroup, ...TargetGroup[]], {
  message: '未知的帮扶对象类别',
});

export const SERVICE_TYPES = {
  material: '物质帮扶',
  'visiting-care': '访视照料',
  psychological: '心理慰藉',
  rehabilitation: '康复训练',
  capacity: '能力提升',
  medical: '医疗救助',
  education: '助学',
} as const;
export type ServiceType = keyof typeof SERVICE_TYPES;
export const serviceType = z.enum(Object.keys(SERVICE_TYPES) as [ServiceType, ...ServiceType[]], {
  message: '未知的服务类型',
});

/** Age bands a case summary may use instead of an age. Minors are the first three. */
export const AGE_BANDS = {
  '0-5': '学龄前',
  '6-13': '6–13 岁',
  '14-17': '14–17 岁',
  '18-39': '18–39 岁',
  '40-59': '40–59 岁',
  '60-69': '60–69 岁',
  '70-79': '70–79 岁',
  '80+': '80 岁以上',
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const ageBand = z.enum(Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]], { message: '未知的年龄段' });
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['0-5', '6-13', '14-17'];

/** Labels for any enum map, with a readable fallback for values from the future. */
export function labelOf<T extends Record<string, string>>(map: T, key: string): string {
  return (map as Record<string, string>)[key] ?? key;
}
