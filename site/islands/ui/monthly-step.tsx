import { formatDate } from '../../../content/contracts/format.ts';
import type { CreatedPlan } from '../donate-flow.ts';
import { Money } from './money.tsx';
import { SignInWeChat } from './monthly-sign-step.tsx';
import { PayQr } from './pay-qr.tsx';
import { inWeChatNow } from './wechat-guide.tsx';

/**
 * After a monthly gift is asked for: what was agreed (project, the charity paid, amount, day, what
 * happens when the project ends), the private management link — shown once, to be kept — and the
 * step to Alipay's signing page (a link, or its QR code for 扫码). Nothing is charged before signing.
 * Inside WeChat no link into Alipay: the guide out, the QR image and the link as text (as for a
 * one-off gift, ui/confirm-step.tsx).
 */
export function MonthlyStep({
  idPrefix: id,
  created,
  onEdit,
}: {
  idPrefix: string;
  created: CreatedPlan;
  onEdit: () => void;
}) {
  const { project, pay, monthly } = created;
  const url = pay.kind === 'redirect' ? pay.url : pay.qrCode;
  const safe = /^https?:\/\//.test(url) ? url : null;
  const wechat = inWeChatNow();
  return (
    <div className="donate__step donate-confirm" id={`${id}-monthly`}>
      <h3>开通每月捐赠</h3>
      <dl className="facts">
        <dt>项目</dt>
        <dd>{project.title}</dd>
        <dt>收款方</dt>
        <dd>善款每月直接进入{project.charity.name}的账户，本站不经手</dd>
        <dt>每月金额</dt>
        <dd>
          <Money fen={created.amountFen} exact />
        </dd>
        <dt>扣款日</dt>
        <dd>
          每月 {monthly.dayOfMonth} 日，首次 {formatDate(monthly.firstChargeOn)}
        </dd>
        <dt>项目结束后</dt>
        <dd>
          {monthly.onProjectEnd === 'continue' ? '转到同一慈善组织的其他项目（按公开规则选择，并告诉您）' : '停止月捐'}
        </dd>
      </dl>
      {created.routing && <p>选择理由：{created.routing.reason}</p>}
      <p className="callout">
        请保存您的<a href={monthly.manageUrl}>月捐管理链接</a>
        ：凭它查看每月的捐赠、修改金额或日期、暂停，或一步取消。链接只显示这一次，请勿分享给他人。
      </p>
      {pay.sandbox && <p className="callout callout--warn">这是沙箱签约（演示环境），不会产生真实扣款。</p>}
      {wechat && safe && <SignInWeChat idPrefix={id} url={safe} qrImage={pay.qrImage} />}
      {!wechat && pay.kind === 'qr' && <PayQr image={pay.qrImage} caption="用支付宝扫码开通" />}
      <div className="donate__actions">
        {safe && !wechat && (
          <a className="button" href={safe}>
            前往支付宝开通扣款
          </a>
        )}
        <button type="button" className="button button--quiet" onClick={onEdit}>
          返回修改
        </button>
      </div>
    </div>
  );
}
