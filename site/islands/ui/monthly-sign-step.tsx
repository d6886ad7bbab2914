import { CopyField, PayQr } from './pay-qr.tsx';
import { inWeChatNow, WeChatGuide } from './wechat-guide.tsx';

/**
 * The way to Alipay's signing page for a monthly gift (after asking for it, and on the management
 * page while it waits). The same rule as the one-off pay step: inside WeChat, which does not open
 * Alipay's pages, never a link into Alipay — the way to the phone's browser, the QR image to scan
 * with Alipay (when the API made one) and the link as text to copy.
 */
const SCAN_TO_SIGN = '用另一部手机的支付宝“扫一扫”扫码开通；也可以长按保存图片，在支付宝“扫一扫”中从相册选取。';

export function SignInWeChat({ idPrefix: id, url, qrImage }: { idPrefix: string; url: string; qrImage?: string }) {
  return (
    <WeChatGuide idPrefix={id}>
      <p>或者在这里开通：</p>
      <PayQr image={qrImage} caption={SCAN_TO_SIGN} />
      <CopyField id={`${id}-signUrl`} label="开通链接（可复制到手机浏览器中打开）" value={url} />
      <p className="small">不开通就不会扣款。</p>
    </WeChatGuide>
  );
}

/** The management page's step for a plan still waiting to be signed. */
export function SignStep({ url }: { url: string }) {
  if (inWeChatNow()) return <SignInWeChat idPrefix="monthly-manage" url={url} />;
  return (
    <p>
      <a className="button" href={url}>
        前往支付宝开通扣款
      </a>
    </p>
  );
}
