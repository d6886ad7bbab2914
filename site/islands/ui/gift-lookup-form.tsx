import { type FormEvent, useState } from 'react';
import { ALIPAY_TRADE_NO, OUT_TRADE_NO } from '../../../content/contracts/my-gift-link.ts';
import type { LookupNumbers } from '../my-gifts-api.ts';
import { parseYuan } from '../yuan-to-fen.ts';
import type { ShownError } from './error-message.tsx';

/**
 * 找回捐赠 on another device: 支付宝交易号 (from the Alipay bill's 账单详情) or 商户订单号, and the
 * amount. Checked here for shape only; the API gives one answer for every miss.
 * Plain inputs with the donate form's classes rather than ui/text-field.tsx: sharing that module
 * with this island split it out of the project page's donate chunk, past its script budget.
 */
export function GiftLookupForm({ onLookup }: { onLookup: (n: LookupNumbers) => Promise<ShownError | null> }) {
  const [kind, setKind] = useState<'trade' | 'order'>('trade');
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = number.replace(/\s+/g, '').toUpperCase();
    const pattern = kind === 'trade' ? ALIPAY_TRADE_NO : OUT_TRADE_NO;
    if (!pattern.test(n)) {
      setError({
        code: 'INVALID_BODY',
        message:
          kind === 'trade' ? '支付宝交易号应为 16–64 位数字（见支付宝账单详情）' : '商户订单号应为 XJ 开头的 32 位编号',
      });
      return;
    }
    const yuan = parseYuan(amount);
    if (!yuan.ok || yuan.fen <= 0) {
      setError({ code: 'INVALID_BODY', message: yuan.ok ? '金额应大于 0 元' : yuan.message });
      return;
    }
    setBusy(true);
    setError(
      await onLookup(kind === 'trade' ? { tradeNo: n, amountFen: yuan.fen } : { outTradeNo: n, amountFen: yuan.fen }),
    );
    setBusy(false);
  };

  return (
    <form
      className="donate-form my-gifts__lookup"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="lookup-title"
      noValidate
    >
      <h2 id="lookup-title">在别的设备上捐过？找回捐赠</h2>
      <fieldset className="field">
        <legend>用哪个编号查询</legend>
        <label>
          <input type="radio" name="lookup-kind" checked={kind === 'trade'} onChange={() => setKind('trade')} />{' '}
          支付宝交易号
        </label>
        <label>
          <input type="radio" name="lookup-kind" checked={kind === 'order'} onChange={() => setKind('order')} />{' '}
          商户订单号
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="lookup-number">{kind === 'trade' ? '支付宝交易号' : '商户订单号'}</label>
        <input
          id="lookup-number"
          type="text"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          inputMode={kind === 'trade' ? 'numeric' : 'text'}
          autoComplete="off"
          aria-describedby="lookup-number-hint lookup-alert"
          aria-invalid={error ? true : undefined}
        />
        <p className="hint" id="lookup-number-hint">
          {kind === 'trade'
            ? '在支付宝「账单」中打开这笔付款，「账单详情」里的交易号'
            : '付款时本站显示的订单号，XJ 开头'}
        </p>
      </div>
      <div className="field">
        <label htmlFor="lookup-amount">捐赠金额（元）</label>
        <input
          id="lookup-amount"
          type="text"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="decimal"
          autoComplete="off"
          aria-describedby="lookup-alert"
        />
      </div>
      <div className="donate__alert" id="lookup-alert" role="alert" data-code={error?.code}>
        {error?.message ?? ''}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? '正在查询……' : '查询'}
      </button>
    </form>
  );
}
