import { TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { fenToYuanText, formatFenAsYuan, parseYuan } from '../money.ts';
import { FieldFrame } from './field-frame.tsx';
import type { CustomFieldInputProps } from './field-props.ts';

/**
 * Money typed in yuan (`12.30`), stored as integer fen (`1230`). What the editor typed stays as
 * typed while it is being edited; a value that is not an amount in yuan (three decimals, letters)
 * is refused here in Chinese and also handed to the form as it is, so that Strapi's own check of
 * a `biginteger` keeps the entry from being saved with the previous amount.
 */
export default function YuanInput(props: CustomFieldInputProps) {
  const { name, hint, placeholder, disabled } = props;
  const field = useField<string | number | null>(name);
  const [text, setText] = useState(() => fenToYuanText(field.value));
  const typed = useRef(text);
  typed.current = text;
  const parsed = parseYuan(text);

  // The form's value changed from outside (loaded, reset, discarded): show it. Typing changes
  // both, and then the text as typed (`12.3`) is kept rather than rewritten (`12.30`).
  useEffect(() => {
    const current = parseYuan(typed.current);
    const stored = field.value === null || field.value === undefined ? null : String(field.value);
    if (current.ok ? current.fen !== stored : stored !== typed.current) {
      setText(fenToYuanText(field.value));
    }
  }, [field.value]);

  const confirm = parsed.ok && parsed.fen !== null ? `已填：${formatFenAsYuan(parsed.fen)}` : null;
  const error = parsed.ok ? field.error : parsed.message;
  return (
    <FieldFrame
      field={props}
      error={error}
      hint={
        confirm ? (
          <>
            {hint}
            <br />
            {confirm}
          </>
        ) : undefined
      }
    >
      <TextInput
        value={text}
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        disabled={disabled}
        endAction={<span aria-hidden="true">元</span>}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const next = e.target.value;
          setText(next);
          const result = parseYuan(next);
          field.onChange(name, result.ok ? result.fen : next);
        }}
      />
    </FieldFrame>
  );
}
