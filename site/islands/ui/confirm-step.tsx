import { useEffect, useRef } from 'react';
import type { CreatedDonation, CreatedPlan } from '../donate-flow.ts';
import type { DonationFormValues } from '../donation-request.ts';
import { channelLabel, describeChoices, expiryTime, resultPath, safeHttpUrl } from '../payment-step.ts';
import { Money } from './money.tsx';
import { MonthlyStep } from './monthly-step.tsx';
import { CopyField, PayQr } from './pay-qr.tsx';
import { inWeChatNow, WeChatGuide } from './wechat-guide.tsx';

/**
 * The steps after `POST /api/donations` answered: what will be paid, to whom, and (for a cause)
 * which project the API chose and why; then Alipay's cashier by link, or the QR code (image from
 * the API, payload as text). Nothing is paid until the donor follows the link or scans. Each step
 * takes focus on its heading when it appears, so keyboard and screen-reader users land on what
 * changed.
 *
 * Inside WeChat, which blocks Alipay's pages, no step links into Alipay: the donor gets the way to
 * the phone's browser and the QR image to scan with Alipay (ui/wechat-guide.tsx).
 */
const SCAN_ELSEWHERE = '用另一部手机的支付宝“扫一扫”扫码付款；也可以长按保存图片，在支付宝“扫一扫”中从相册选取。';
const UNPAID_CLOSES = '不付款的订单会自动关闭，不会扣款。';

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
  created: CreatedDonation | CreatedPlan;
  values: DonationFormValues;
  onEdit: () => void;
  onShowQr: () => void;
}

export function ConfirmStep(props: ConfirmStepProps) {
  // 每月捐: the plan's own step (what was agreed, the private link, Alipay's signing page).
  if ('monthly' in props.created)
    return <MonthlyStep idPrefix={props.idPrefix} created={props.created} onEdit={props.onEdit} />;
  return <OneOffStep {...props} created={props.created} />;
}

function OneOffStep({
  idPrefix: id,
  created,
  values,
  onEdit,
  onShowQr,
}: ConfirmStepProps & { created: CreatedDonation }) {
  const { project, pay } = created;
  const { name, receipt } = describeChoices(values);
  const payUrl = pay.kind === 'redirect' ? safeHttpUrl(pay.url) : null;
  const time = expiryTime(pay.expiresAt);
  const wechat = inWeChatNow();
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
      {created.matching && (
        <div className={created.matching.exhausted ? 'callout callout--warn' : 'callout'} data-confirm-matching="">
          <p>
            {created.matching.exhausted
              ? `“${created.matching.pool}”已经用完：这笔捐款不会获得配捐，捐款照常全额用于项目。`
              : `${created.matching.sponsor}的“${created.matching.pool}”还有余额，付款时按公布的规则为这笔捐款配捐（另计，企业直接拨付给慈善组织）。`}
          </p>
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
      {wechat && pay.kind === 'redirect' && (
        <WeChatGuide idPrefix={id}>
          {payUrl && (
            <>
              <p>或者在这里付款：</p>
              <PayQr image={pay.qrImage} caption={SCAN_ELSEWHERE} />
              <CopyField id={`${id}-payUrl`} label="付款链接（可复制到手机浏览器中打开）" value={payUrl} />
            </>
          )}
          <p className="small">{UNPAID_CLOSES}</p>
        </WeChatGuide>
      )}
      <div className="donate__actions">
        {pay.kind === 'redirect' ? (
          payUrl ? (
            // In WeChat the link would only lead to WeChat's refusal: the guide above replaces it.
            !wechat && (
              <a className="button" href={payUrl}>
                确认，前往支付宝付款
              </a>
            )
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

/**
 * 当面付: the QR image the API made from Alipay's payload, to scan with Alipay's app; the payload
 * as text (and, outside WeChat, as a link to open on the phone) when the image cannot be used.
 */
export function QrStep({ idPrefix: id, created }: { idPrefix: string; created: QrDonation }) {
  const wechat = inWeChatNow();
  const link = wechat ? null : safeHttpUrl(created.pay.qrCode);
  return (
    <div className="donate__step" id={`${id}-qr`}>
      <StepHeading id={`${id}-qr-heading`}>用支付宝付款</StepHeading>
      <p>
        向{created.project.charity.name}付款{' '}
        <strong>
          <Money fen={created.amountFen} exact />
        </strong>
        。
      </p>
      <PayQr
        image={created.pay.qrImage}
        caption={wechat ? SCAN_ELSEWHERE : '请打开手机支付宝，用“扫一扫”扫描二维码付款。'}
      />
      <p className="small">
        {created.pay.qrImage ? '扫不了码时，' : ''}
        {link
          ? '可以在手机上打开付款码链接（会跳转到支付宝），或复制付款码内容后在支付宝中打开。'
          : '可以复制付款码内容，在支付宝中打开。'}
      </p>
      <CopyField id={`${id}-qrCode`} label="付款码内容" value={created.pay.qrCode} />
      {/* Below the code, which works right here: the other way is to leave WeChat. */}
      {wechat && <WeChatGuide idPrefix={id} />}
      {link && (
        <p>
          <a className="button button--quiet" href={link}>
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
