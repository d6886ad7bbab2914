import { type FormEvent, useState } from 'react';
import { parseYuan } from '../yuan-to-fen.ts';

/**
 * The management page's edit form: the monthly amount (at most what was signed with Alipay) and
 * the day, from the next month not yet charged. A real `<form>`: Enter saves, errors are named at
 * the field, and it looks like the donate form (site/styles/monthly.css).
 */
const DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));

export function MonthlyEdit({
  amountFen,
  maxAmountFen,
  dayOfMonth,
  busy,
  onSave,
}: {
  amountFen: number;
  maxAmountFen: number;
  dayOfMonth: number;
  busy: boolean;
  /** Resolves true when the API accepted the change. */
  onSave: (change: { amountFen: number; dayOfMonth: number }) => Promise<boolean>;
}) {
  const [yuan, setYuan] = useState((amountFen / 100).toFixed(2));
  const [day, setDay] = useState(String(dayOfMonth));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const max = (maxAmountFen / 100).toFixed(2);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const read = parseYuan(yuan);
    if (!read.ok) return setError(read.message);
    if (read.fen > maxAmountFen) return setError(`每月金额最多 ${max} 元（开通扣款协议时约定的上限）`);
    setError('');
    setSaved(await onSave({ amountFen: read.fen, dayOfMonth: Number(day) }));
  };
  return (
    <form noValidate onSubmit={submit}>
      <fieldset className="monthly-edit">
        <legend>修改金额或日期</legend>
        <p className="hint">从下一个尚未扣款的月份起生效，已扣款的月份不变。</p>
        <div className="field">
          <label htmlFor="monthly-yuan">每月金额（元）</label>
          <input
            id="monthly-yuan"
            type="text"
            inputMode="decimal"
            aria-describedby="monthly-yuan-hint monthly-yuan-error"
            aria-invalid={error ? true : undefined}
            value={yuan}
            onChange={(e) => setYuan(e.target.value)}
          />
          <p className="hint" id="monthly-yuan-hint">
            最多 {max} 元
          </p>
          <p className="field-error" id="monthly-yuan-error">
            {error}
          </p>
        </div>
        <div className="field">
          <label htmlFor="monthly-day">每月扣款日</label>
          <select id="monthly-day" value={day} onChange={(e) => setDay(e.target.value)}>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                每月 {d} 日
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          保存修改
        </button>
        <p className="monthly-edit__saved" role="status">
          {saved ? '已保存，从下一个尚未扣款的月份起生效。' : ''}
        </p>
      </fieldset>
    </form>
  );
}
