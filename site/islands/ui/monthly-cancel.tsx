import { useEffect, useRef, useState } from 'react';

/**
 * 取消月捐 on the management page: a danger action whose confirmation says what happens before it
 * does — the scheduler stops at once, Alipay's agreement is unsigned (even if Alipay answers late),
 * months already given stay given, and there is no undo. Focus moves to the confirmation and, on
 * 不取消, back to the button, so keyboard and screen-reader users follow it.
 */
export function MonthlyCancel({
  nextChargeOn,
  busy,
  onCancel,
}: {
  /** "12月16日" or null when nothing is due. */
  nextChargeOn: string | null;
  busy: boolean;
  onCancel: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) heading.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button--danger"
        ref={opener}
        disabled={busy}
        onClick={() => setAsking(true)}
      >
        取消月捐
      </button>
    );
  }
  return (
    <section className="monthly-confirm" aria-labelledby="monthly-cancel-title" data-monthly-confirm="">
      <h2 id="monthly-cancel-title" tabIndex={-1} ref={heading}>
        确定取消这项月捐吗？
      </h2>
      <ul>
        <li>
          本站立即停止扣款{nextChargeOn ? `：${nextChargeOn}起不会再扣款` : ''}
          ，并向支付宝解除扣款协议（支付宝稍后才应答也不影响停止扣款）。
        </li>
        <li>已经捐出的月份不会退回，记录仍可在本页查看。</li>
        <li>取消后不能恢复；想再每月捐赠，需要重新开通。只想停一段时间，可以选“暂停”。</li>
      </ul>
      <div className="donate__actions">
        <button type="button" className="button button--danger button--solid" disabled={busy} onClick={onCancel}>
          确认取消月捐
        </button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => setAsking(false)}>
          不取消，返回
        </button>
      </div>
    </section>
  );
}
