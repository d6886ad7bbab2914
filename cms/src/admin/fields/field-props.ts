import type { ReactNode } from 'react';

/**
 * What the content-manager hands a custom field's input (its InputRenderer: the field's layout
 * props plus `useField`'s value and onChange). Only what our inputs read.
 */
export interface CustomFieldInputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  labelAction?: ReactNode;
  attribute: {
    type: string;
    enum?: string[];
    options?: { labels?: Record<string, string> };
  };
}

/** The vocabulary of a choice field: every key with its Chinese label, in the schema's order. */
export function choicesOf(attribute: CustomFieldInputProps['attribute']): { value: string; label: string }[] {
  const labels = attribute.options?.labels ?? {};
  const keys = attribute.enum ?? Object.keys(labels);
  return keys.map((value) => ({ value, label: labels[value] ?? value }));
}
