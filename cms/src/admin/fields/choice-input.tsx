import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { FieldFrame } from './field-frame.tsx';
import { type CustomFieldInputProps, choicesOf } from './field-props.ts';

/** One key of a content/ vocabulary, picked by its Chinese label (`项目进展` stores `progress`). */
export default function ChoiceInput(props: CustomFieldInputProps) {
  const { name, placeholder, required, disabled, attribute } = props;
  const field = useField<string | null>(name);
  const options = choicesOf(attribute);
  const value = typeof field.value === 'string' ? field.value : '';
  // A stored key the vocabulary no longer has stays visible (and can be replaced).
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: `${value}（已停用）` });
  return (
    <FieldFrame field={props} error={field.error}>
      <SingleSelect
        value={value}
        placeholder={placeholder || '请选择'}
        disabled={disabled}
        onChange={(next) => field.onChange(name, next === '' ? null : String(next))}
      >
        {required ? null : <SingleSelectOption value="">（不选）</SingleSelectOption>}
        {options.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </FieldFrame>
  );
}
