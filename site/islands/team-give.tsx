import { useState } from 'react';
import { CREATE_DONATION_PATH } from '../../content/contracts/api-routes.ts';
import { type ApiError, callApi, isObject, isText } from './api-client.ts';
import { currentDevice, defaultChannel } from './default-channel.ts';
import { safeHttpUrl } from './payment-step.ts';
import { PayQr } from './ui/pay-qr.tsx';

/**
 * Giving through a team's link (issue 18): amount, a public name or anonymity, then
 * `POST /api/donations` with `team` — the gift counts to the team and gets the same 配捐 as any
 * gift. The payment step is the API's: a cashier link, or its QR image (inside WeChat).
 */
interface Pay {
  url: string | null;
  qrImage: string | undefined;
  donationId: string;
}

function asPay(v: unknown): Pay | null {
  if (!isObject(v) || !isText(v.donationId) || !isObject(v.pay)) return null;
  const p = v.pay;
  const url = isText(p.url) ? safeHttpUrl(p.url) : null;
  const qrImage = isText(p.qrImage) && p.qrImage.startsWith('data:image/png;base64,') ? p.qrImage : undefined;
  return { url, qrImage, donationId: v.donationId };
}

const PRESETS = [1_000, 5_000, 10_000, 20_000];

export function TeamGive({ projectSlug, team }: { projectSlug: string; team: string }) {
  const [amountFen, setAmount] = useState(PRESETS[1] as number);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pay, setPay] = useState<Pay | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const device = currentDevice();
    const trimmed = name.trim();
    const answer = await callApi(asPay, CREATE_DONATION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        projectSlug,
        team,
        amountFen,
        channel: defaultChannel(device),
        anonymous: trimmed === '',
        ...(trimmed ? { displayName: trimmed } : {}),
      }),
    });
    setBusy(false);
    if (answer.ok) setPay(answer.value);
    else setError(answer.error);
  };

  if (pay) {
    return (
      <div className="card" data-team-pay="">
        <p>订单已创建。付款后本页和结果页会显示到账与配捐。</p>
        <PayQr image={pay.qrImage} caption="用支付宝扫一扫付款（或保存图片，在支付宝“扫一扫”中选择相册）" />
        {pay.url && !pay.qrImage && (
          <p>
            <a className="button" href={pay.url} data-team-pay-link="">
              前往支付宝付款
            </a>
          </p>
        )}
        <p className="small">
          <a href={`/donations/result/?id=${pay.donationId}`}>查看这笔捐赠的结果</a>
        </p>
      </div>
    );
  }
  return (
    <form
      className="card team-form"
      data-team-give=""
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>捐赠金额</legend>
        {PRESETS.map((fen) => (
          <label key={fen} className="choice">
            <input type="radio" name="team-amount" checked={amountFen === fen} onChange={() => setAmount(fen)} />
            {fen / 100} 元
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="team-give-name">公开的称呼（可不填，不填即匿名）</label>
        <input id="team-give-name" type="text" maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {error && (
        <p className="field-error" role="alert" data-code={error.code}>
          {error.message}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? '正在创建订单……' : '通过本队捐款'}
      </button>
    </form>
  );
}
