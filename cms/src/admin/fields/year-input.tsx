import { TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ChangeEvent } from 'react';
import { FieldFrame } from './field-frame.tsx';
import type { CustomFieldInputProps } from './field-props.ts';

/** A year as people write it (`2026`): Strapi's number input would show `2,026`. */
export default function YearInput(props: CustomFieldInputProps) {
  const { name, placeholder, disabled } = props;
  const field = useField<number | string | null>(name);
  const text = field.value === null || field.value === undefined ? '' : String(field.value);
  return (
    <FieldFrame field={props} error={field.error}>
      <TextInput
        value={text}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const next = e.target.value.trim();
          // Digits become the number; anything else stays text, which the form refuses as a number.
          field.onChange(name, next === '' ? null : /^\d+$/.test(next) ? Number(next) : next);
        }}
      />
    </FieldFrame>
  );
}
