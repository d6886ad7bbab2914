import { useEffect, useState } from 'react';
import { formatYuan } from '../../content/contracts/money.ts';
import type { GiftView } from '../../content/contracts/my-gift-link.ts';
import { SUBSCRIPTION_PAGES } from '../../content/contracts/subscription-routes.ts';
import { GiftDetail } from './gift-detail.tsx';
import { forgetGift, type RememberedGift, rememberedGifts, rememberGift, tokenFromHash } from './gift-memory.ts';
import { downloadFile, eraseGift, fetchGift, lookupGift } from './my-gifts-api.ts';
import { GiftLookupForm } from './ui/gift-lookup-form.tsx';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * 我的捐赠 (/my/, `client:load`): the gifts this device remembers, one opened at a time with where
 * its money went (gift-detail.tsx), the lookup by numbers for gifts made elsewhere, the 凭证 PDF,
 * forgetting and erasing, and the year statement. A private link (`/my/#t=…`) is read once and
 * taken out of the address bar, so it does not stay in the history or get shared by accident.
 */
interface Open {
  token: string;
  gift: GiftView;
}

function remember(token: string, gift: GiftView, donationId: string | null = null) {
  rememberGift({
    token,
    outTradeNo: gift.outTradeNo,
    projectTitle: gift.project.title,
    amountFen: gift.amountFen,
    donationId,
  });
}

export default function MyGifts() {
  const hydrated = useHydrated();
  const [list, setList] = useState<RememberedGift[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [message, setMessage] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear());

  const show = async (token: string, donationId: string | null = null) => {
    setMessage('正在查询……');
    const answer = await fetchGift(token);
    if (!answer.ok) {
      setMessage(answer.error.message);
      return;
    }
    remember(token, answer.value, donationId);
    setList(rememberedGifts());
    setOpen({ token, gift: answer.value });
    setMessage('');
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival (the link's token is read and removed).
  useEffect(() => {
    setList(rememberedGifts());
    const token = tokenFromHash(window.location.hash);
    if (token) {
      history.replaceState(null, '', window.location.pathname);
      void show(token);
    }
  }, []);

  if (!hydrated) {
    return (
      <div id="my-gifts" className="my-gifts">
        <p data-my-nojs="">查看我的捐赠需要启用浏览器的 JavaScript。</p>
      </div>
    );
  }

  const forget = (g: { outTradeNo: string }) => {
    forgetGift(g.outTradeNo);
    setList(rememberedGifts());
    if (open?.gift.outTradeNo === g.outTradeNo) setOpen(null);
    setMessage('本设备已忘记这笔捐赠。');
  };
  const erase = async () => {
    if (!open) return;
    if (!window.confirm('删除后，任何查询链接和编号查询都找不到这笔捐赠（账本中会计所需的记录依法保留）。确定删除？'))
      return;
    const answer = await eraseGift(open.token);
    if (!answer.ok) return setMessage(answer.error.message);
    forget(open.gift);
    setMessage('已删除本站为查询这笔捐赠保存的数据，本设备也已忘记它。');
  };
  const years = [0, 1, 2].map((n) => new Date().getFullYear() - n);

  return (
    <div id="my-gifts" className="my-gifts">
      <div aria-live="polite" className="my-gifts__message" data-my-message="">
        {message}
      </div>
      {open && (
        <>
          <GiftDetail gift={open.gift} />
          <div className="donate__actions">
            {open.gift.verifyPath && (
              <button
                type="button"
                className="button"
                onClick={async () =>
                  setMessage(
                    (await downloadFile('voucher', { token: open.token }, `捐赠凭证-${open.gift.outTradeNo}.pdf`)) ??
                      '捐赠凭证已下载。',
                  )
                }
              >
                下载捐赠凭证（PDF）
              </button>
            )}
            {open.gift.verifyPath && (
              <a className="button button--quiet" href={open.gift.verifyPath}>
                核验凭证
              </a>
            )}
            <a
              className="button button--quiet"
              href={`${SUBSCRIPTION_PAGES.subscribe}?project=${encodeURIComponent(open.gift.project.slug)}`}
            >
              订阅项目进展
            </a>
            <button type="button" className="button button--quiet" onClick={() => forget(open.gift)}>
              在本设备忘记
            </button>
            <button type="button" className="button button--quiet" onClick={() => void erase()}>
              删除查询数据
            </button>
          </div>
        </>
      )}

      <h2>本设备记住的捐赠</h2>
      {list.length === 0 ? (
        <p data-my-empty="">
          本设备还没有记住任何捐赠。在本站捐赠、打开捐赠的私人链接，或用下面的表单查询后，会显示在这里。
        </p>
      ) : (
        <ul className="my-gifts__list">
          {list.map((g) => (
            <li key={g.outTradeNo}>
              <button type="button" className="link-button" onClick={() => void show(g.token, g.donationId)}>
                {g.projectTitle}
              </button>
              <span>
                {formatYuan(g.amountFen)} · <span className="gift__number">{g.outTradeNo}</span>
              </span>
            </li>
          ))}
        </ul>
      )}

      <GiftLookupForm
        onLookup={async (numbers) => {
          const answer = await lookupGift(numbers);
          if (!answer.ok) return answer.error;
          remember(answer.value.token, answer.value.gift);
          setList(rememberedGifts());
          setOpen({ token: answer.value.token, gift: answer.value.gift });
          setMessage('找到了这笔捐赠，本设备已记住它。');
          return null;
        }}
      />

      <h2>年度捐赠明细</h2>
      {list.length === 0 ? (
        <p>本设备记住捐赠后，可以在这里下载年度明细（CSV 或 PDF）。</p>
      ) : (
        <div className="field my-gifts__statement">
          <label htmlFor="statement-year">年份</label>
          <select id="statement-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
          {(['csv', 'pdf'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button button--quiet"
              onClick={async () =>
                setMessage(
                  (await downloadFile(
                    'statement',
                    { tokens: list.map((g) => g.token), year, format },
                    `${year}年度捐赠明细.${format}`,
                  )) ?? `${year} 年度明细已下载。`,
                )
              }
            >
              下载 {format.toUpperCase()}
            </button>
          ))}
          <p className="small muted">明细只包括本设备记住的、当年已支付的捐赠；不是财政票据。</p>
        </div>
      )}
    </div>
  );
}
