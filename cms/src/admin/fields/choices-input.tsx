import { MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { FieldFrame } from './field-frame.tsx';
import { type CustomFieldInputProps, choicesOf } from './field-props.ts';

/** A JSON list of keys as the form may hold it: the parsed array, or its text. */
function keysOf(value: unknown): string[] {
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Several keys of a content/ vocabulary (`targetGroups`), picked by their Chinese labels; stored
 * as before, a JSON array of keys in the vocabulary's order.
 */
export default function ChoicesInput(props: CustomFieldInputProps) {
  const { name, placeholder, disabled, attribute } = props;
  const field = useField<unknown>(name);
  const options = choicesOf(attribute);
  const selected = keysOf(field.value);
  for (const key of selected) {
    if (!options.some((o) => o.value === key)) options.push({ value: key, label: `${key}（已停用）` });
  }
  const order = new Map(options.map((o, i) => [o.value, i]));
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  return (
    <FieldFrame field={props} error={field.error}>
      <MultiSelect
        value={selected}
        withTags
        placeholder={placeholder || '请选择，可多选'}
        disabled={disabled}
        customizeContent={(values) => (values ?? []).map((v) => labelOf.get(v) ?? v).join('、')}
        onChange={(next) =>
          field.onChange(
            name,
            [...next].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
          )
        }
      >
        {options.map((o) => (
          <MultiSelectOption key={o.value} value={o.value}>
            {o.label}
          </MultiSelectOption>
        ))}
      </MultiSelect>
    </FieldFrame>
  );
}
