import type { AmountBounds } from '../../../content/contracts/amount-bounds.ts';
import { formatYuan } from '../../../content/contracts/money.ts';
import { ChoiceGroup } from './choice-group.tsx';
import { FieldError, type ShownError } from './error-message.tsx';

/**
 * 捐赠金额: the presets and 其他金额 as one labelled radio group, and the typed amount under it.
 * Typing an amount chooses 其他金额, so the donor never sends a preset they meant to replace. The
 * hint states the bounds the API enforces; the text is read into fen by yuan-to-fen.ts.
 */
export interface AmountPickerProps {
  idPrefix: string;
  presetsFen: readonly number[];
  bounds: AmountBounds;
  /** A preset in fen ("5000"), "other", or "" before a choice. */
  amount: string;
  customYuan: string;
  onAmount: (amount: string) => void;
  onCustomYuan: (text: string) => void;
  errors: { amount?: ShownError | null; customYuan?: ShownError | null };
}

export function AmountPicker(p: AmountPickerProps) {
  const id = p.idPrefix;
  const options = [
    ...p.presetsFen.map((fen) => ({ value: String(fen), label: `${fen / 100} 元` })),
    { value: 'other', label: '其他金额' },
  ];
  return (
    <ChoiceGroup
      idPrefix={id}
      name="amount"
      legend="捐赠金额"
      options={options}
      value={p.amount}
      onChange={p.onAmount}
      invalid={Boolean(p.errors.amount)}
    >
      <FieldError id={`${id}-amount-error`} error={p.errors.amount} />
      <div className="field">
        <label htmlFor={`${id}-customYuan`}>其他金额（元）</label>
        <input
          id={`${id}-customYuan`}
          name="customYuan"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={`${id}-customYuan-hint ${id}-customYuan-error`}
          aria-invalid={p.errors.customYuan ? true : undefined}
          value={p.customYuan}
          onChange={(event) => {
            const text = event.target.value;
            p.onCustomYuan(text);
            if (text.trim() !== '') p.onAmount('other');
          }}
        />
        <p className="hint" id={`${id}-customYuan-hint`}>
          单笔 {formatYuan(p.bounds.minFen)}至 {formatYuan(p.bounds.maxFen)}，可精确到分。
        </p>
        <FieldError id={`${id}-customYuan-error`} error={p.errors.customYuan} />
      </div>
    </ChoiceGroup>
  );
}
