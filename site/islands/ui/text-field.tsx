import type { InputHTMLAttributes } from 'react';
import { FieldError, type ShownError } from './error-message.tsx';

/**
 * One labelled text input with its optional hint and its error place, wired by ids: the label's
 * `for`, and `aria-describedby` naming the hint and the error, so a screen reader reads both.
 */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: ShownError | null | undefined;
}

export function TextField({ id, label, value, onValue, hint, error, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        {...input}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
