import { Field } from '@strapi/design-system';
import type { ReactNode } from 'react';
import type { CustomFieldInputProps } from './field-props.ts';

/**
 * The frame every input of ours shares with Strapi's own: label (with its action), the control,
 * the help text and the error, wired for screen readers by the design system's Field.
 */
export function FieldFrame({
  field,
  error,
  hint,
  children,
}: {
  field: CustomFieldInputProps;
  error?: string | undefined;
  /** Instead of the field's own help text. */
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Field.Root name={field.name} error={error} hint={hint ?? field.hint} required={field.required}>
      <Field.Label action={field.labelAction}>{field.label}</Field.Label>
      {children}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
