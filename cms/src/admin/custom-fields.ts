import { CUSTOM_FIELDS, type CustomFieldKey } from '../custom-fields/names.ts';

/**
 * The admin half of the CMS's custom fields (server half: src/custom-fields/register.ts): which
 * input an editor gets for each. The inputs are loaded when a form first needs them.
 */

type InputModule = Promise<{ default: unknown }>;

const INPUTS: Record<CustomFieldKey, { label: string; description: string; input: () => InputModule }> = {
  choice: { label: '选项', description: '从词表中选择一项', input: () => import('./fields/choice-input.tsx') },
  codeChoice: {
    label: '选项（代码）',
    description: '从词表中选择一项',
    input: () => import('./fields/choice-input.tsx'),
  },
  choices: { label: '多选', description: '从词表中选择多项', input: () => import('./fields/choices-input.tsx') },
  yuan: { label: '金额（元）', description: '以元填写，按分保存', input: () => import('./fields/yuan-input.tsx') },
  year: { label: '年份', description: '四位年份', input: () => import('./fields/year-input.tsx') },
  slug: { label: '网址标识', description: '按标题的拼音生成', input: () => import('./fields/slug-input.tsx') },
  regionCode: {
    label: '行政区划',
    description: '从 GB/T 2260 行政区划中选择',
    input: () => import('./fields/region-code-input.tsx'),
  },
};

interface CustomFieldsApi {
  register(field: Record<string, unknown>): void;
}

export function registerCustomFieldInputs(app: { customFields: CustomFieldsApi }): void {
  for (const [key, { label, description, input }] of Object.entries(INPUTS) as [
    CustomFieldKey,
    (typeof INPUTS)[CustomFieldKey],
  ][]) {
    const { name, type } = CUSTOM_FIELDS[key];
    app.customFields.register({
      name,
      type,
      intlLabel: { id: `xianjie.custom-field.${name}.label`, defaultMessage: label },
      intlDescription: { id: `xianjie.custom-field.${name}.description`, defaultMessage: description },
      components: { Input: input },
    });
  }
}
