import { useEffect, useRef } from 'react';
import type { CreatedDonation } from '../donate-flow.ts';
import type { DonationFormValues } from '../donation-request.ts';
import { channelLabel, describeChoices, expiryTime, inWeChat, resultPath, safeHttpUrl } from '../payment-step.ts';
import { Money } from './money.tsx';

/**
 * The steps after `POST /api/donations` answered: what will be paid, to whom, and (for a cause)
 * which project the API chose and why; then Alipay's cashier by link, or the QR payload. Nothing
 * is paid until the donor follows the link. Each step takes focus on its heading when it appears,
 * so keyboard and screen-reader users land on what changed.
 */
/** Rendered only in the browser (the steps follow a POST), so reading the user agent is safe. */
function WeChatNotice() {
  if (typeof navigator === 'undefined' || !inWeChat(navigator.userAgent)) return null;
  return (
    <p className="callout callout--warn" data-wechat="">
      您正在微信中浏览，微信内无法打开支付宝付款页面。请点右上角“…”，选择“在浏览器中打开”，再在浏览器中捐赠；本页的订单不付款会自动关闭，不会扣款。
    </p>
  );
}

function StepHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 id={id} tabIndex={-1} ref={ref}>
      {children}
    </h3>
  );
}

export interface ConfirmStepProps {
  idPrefix: string;
  created: CreatedDonation;
  values: DonationFormValues;
  onEdit: () => void;
  onShowQr: () => void;
}

export function ConfirmStep({ idPrefix: id, created, values, onEdit, onShowQr }: ConfirmStepProps) {
  const { project, pay } = created;
  const { name, receipt } = describeChoices(values);
  const payUrl = pay.kind === 'redirect' ? safeHttpUrl(pay.url) : null;
  const time = expiryTime(pay.expiresAt);
  return (
    <div className="donate__step" id={`${id}-confirm`}>
      <StepHeading id={`${id}-confirm-heading`}>请核对捐赠信息</StepHeading>
      {created.routing && (
        <div className="callout">
          <p>
            系统为您选择了项目：<a href={`/projects/${encodeURIComponent(project.slug)}/`}>{project.title}</a>（
            {project.charity.name}）。
          </p>
          <p>选择理由：{created.routing.reason}</p>
        </div>
      )}
      <p className="donate__payee">
        <strong>善款直接进入{project.charity.name}的账户，本站不经手。</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>捐赠项目</dt>
          <dd>{project.title}</dd>
        </div>
        <div>
          <dt>收款的慈善组织</dt>
          <dd>{project.charity.name}</dd>
        </div>
        <div>
          <dt>金额</dt>
          <dd>
            <strong>
              <Money fen={created.amountFen} exact />
            </strong>
          </dd>
        </div>
        <div>
          <dt>署名</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>捐赠票据</dt>
          <dd>{receipt}</dd>
        </div>
        <div>
          <dt>支付方式</dt>
          <dd>支付宝 · {channelLabel(values.channel)}</dd>
        </div>
        <div className="wide">
          <dt>订单号</dt>
          <dd>{created.outTradeNo}</dd>
        </div>
      </dl>
      {time && <p className="small muted">请在 {time} 前完成付款，逾期未付款的订单会自动关闭。</p>}
      {pay.sandbox && <p className="callout callout--warn">这是沙箱支付（演示环境），不会产生真实扣款。</p>}
      <WeChatNotice />
      <div className="donate__actions">
        {pay.kind === 'redirect' ? (
          payUrl ? (
            <a className="button" href={payUrl}>
              确认，前往支付宝付款
            </a>
          ) : (
            <p className="field-error" data-code="BAD_PAY_URL">
              支付链接无效，请返回修改后重试。
            </p>
          )
        ) : (
          <button type="button" className="button" onClick={onShowQr}>
            确认，显示付款码
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onEdit}>
          返回修改
        </button>
      </div>
      <p className="small">
        <a href={resultPath(created.donationId)}>已付款？查看捐赠结果</a>
      </p>
    </div>
  );
}

export type QrDonation = CreatedDonation & { pay: Extract<CreatedDonation['pay'], { kind: 'qr' }> };

/** 当面付: the payload Alipay returned, to open on the phone or paste into the Alipay app. */
export function QrStep({ idPrefix: id, created }: { idPrefix: string; created: QrDonation }) {
  const link = safeHttpUrl(created.pay.qrCode);
  return (
    <div className="donate__step" id={`${id}-qr`}>
      <StepHeading id={`${id}-qr-heading`}>用支付宝付款</StepHeading>
      <p>
        向{created.project.charity.name}付款{' '}
        <strong>
          <Money fen={created.amountFen} exact />
        </strong>
        。请用手机打开下面的付款码链接（会跳转到支付宝），或复制后在支付宝中打开。
      </p>
      <WeChatNotice />
      <div className="field">
        <label htmlFor={`${id}-qrCode`}>付款码内容</label>
        <input id={`${id}-qrCode`} type="text" readOnly value={created.pay.qrCode} />
      </div>
      {link && (
        <p>
          <a className="button" href={link}>
            打开付款码链接
          </a>
        </p>
      )}
      <p>
        <a className="button button--quiet" href={resultPath(created.donationId)}>
          我已付款，查看捐赠结果
        </a>
      </p>
    </div>
  );
}
