import { useEffect, useRef, useState } from 'react';
import { type DonationStatus, fetchDonation } from './donation-status.ts';
import { giftByDonationId, myGiftLink, type RememberedGift } from './gift-memory.ts';
import { donationIdFrom, POLL_GIVE_UP_MS, pollDelayMs, type ResultState, resultView } from './result-view.ts';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The result page's island (/donations/result/?id=…, `client:load`): polls
 * `GET /api/donations/{id}` with backoff until the order is paid, closed or refunded, and says
 * each change once through a polite live region (React leaves an unchanged answer's DOM alone, so
 * a poll that brings nothing new is not read out again). What to say is result-view.ts; only the
 * ledger's status decides 支付成功, never what the cashier's redirect brings back in the URL.
 */
export default function DonationResult() {
  const hydrated = useHydrated();
  const [state, setState] = useState<ResultState>({ kind: 'loading' });
  const retry = useRef<() => void>(() => undefined);
  // The gift's private link, when this device made the gift (the donate flow remembered it).
  const [mine, setMine] = useState<RememberedGift | null>(null);

  useEffect(() => {
    const first = donationIdFrom(window.location.search);
    if (first.kind !== 'id') {
      setState(first);
      return;
    }
    const { id } = first;
    setMine(giftByDonationId(id));
    let attempt = 0;
    let started = Date.now();
    let last: DonationStatus | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const poll = async () => {
      timer = null;
      const answer = await fetchDonation(id);
      if (stopped) return;
      let next: ResultState;
      if (answer.ok) {
        last = answer.value;
        next = { kind: 'status', donation: answer.value };
      } else if (answer.error.status === 404) next = { kind: 'not-found' };
      else next = { kind: 'network', message: answer.error.message };
      if (resultView(next).polling && Date.now() - started > POLL_GIVE_UP_MS) next = { kind: 'gave-up', last };
      setState(next);
      if (resultView(next).polling) timer = setTimeout(() => void poll(), pollDelayMs(attempt++));
    };
    retry.current = () => {
      attempt = 0;
      started = Date.now();
      setState({ kind: 'loading' });
      if (!timer) void poll();
    };
    // Back from the Alipay app on a phone: check at once instead of waiting out the backoff.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && timer) {
        clearTimeout(timer);
        attempt = 0;
        void poll();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  const view = resultView(state);
  return (
    <div
      id="donation-result"
      className="donation-result"
      aria-busy={hydrated ? view.polling && state.kind === 'loading' : undefined}
    >
      <div data-result-live="" aria-live="polite">
        {hydrated ? (
          <div className={`result result--${view.tone}`}>
            <h2>{view.title}</h2>
            {view.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {view.project && (
              <p>
                项目：<a href={view.project.href}>{view.project.title}</a> · 收款的慈善组织：{view.project.charity}
              </p>
            )}
            {view.routingReason && (
              <p className="small" data-routing-reason="">
                选择理由：{view.routingReason}
              </p>
            )}
            {mine && (
              <div className="small" data-my-link="">
                <p>商户订单号：{mine.outTradeNo}</p>
                <p>
                  私人查询链接（请收藏或保存；本站只保存它的摘要，无法再次显示）：{' '}
                  <a href={myGiftLink(mine.token)}>{`${window.location.origin}${myGiftLink(mine.token)}`}</a>
                </p>
                <p>
                  以后可在 <a href="/my/">我的捐赠</a> 查看善款使用情况、票据状态，下载捐赠凭证。
                </p>
              </div>
            )}
            {view.retry && (
              <p>
                <button type="button" className="button" onClick={() => retry.current()}>
                  重新查询
                </button>
              </p>
            )}
          </div>
        ) : (
          <p data-donate-nojs="">
            查询捐赠结果需要启用浏览器的
            JavaScript。您也可以在支付宝的账单中查看付款记录，或在项目页面查看实时捐赠总额。
          </p>
        )}
      </div>
    </div>
  );
}
