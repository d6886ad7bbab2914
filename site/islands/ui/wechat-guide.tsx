import { type ReactNode, useRef } from 'react';
import { inWeChat } from '../../../content/contracts/wechat.ts';

/**
 * For a donor inside WeChat, whose browser does not open Alipay's pages: the way out — the
 * familiar full-screen overlay with an arrow at WeChat's ⋯ menu, "在浏览器打开" — and, as
 * `children`, what works right here (the QR image). Shown on the form before anything is paid and
 * again on the pay step. Loaded with the steps (donate-flow.ts), never up front.
 *
 * The overlay is a modal `<dialog>`: focus moves into it and back, Esc closes it, and so does a tap
 * anywhere, as donors know it from other pages inside WeChat.
 */
/** Rendered only in the browser (after a POST or on a client-only page), so reading the user agent is safe. */
export const inWeChatNow = () => typeof navigator !== 'undefined' && inWeChat(navigator.userAgent);

export function WeChatGuide({ idPrefix: id, children }: { idPrefix: string; children?: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <div className="callout callout--warn wechat-guide" data-wechat="">
      <p>
        <strong>您正在微信中浏览，微信内无法打开支付宝付款页面。</strong>
      </p>
      <p>
        可以在手机浏览器中打开本页再捐赠：
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.showModal()}>
          在浏览器打开
        </button>
      </p>
      {children}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a modal dialog closes on Esc by itself and has its 知道了 button; the tap anywhere is the touch shortcut donors expect. */}
      <dialog
        ref={dialog}
        className="wechat-overlay"
        id={`${id}-wechat-overlay`}
        aria-labelledby={`${id}-wechat-overlay-title`}
        onClick={close}
      >
        <svg className="wechat-overlay__arrow" viewBox="0 0 100 120" aria-hidden="true" focusable="false">
          <path d="M12 112 C 20 60, 50 30, 86 14 M 62 10 L 88 12 L 78 36" />
        </svg>
        <p className="wechat-overlay__title" id={`${id}-wechat-overlay-title`}>
          点击右上角的 <span className="wechat-overlay__menu">⋯</span>
        </p>
        <p>
          选择<strong>“在浏览器打开”</strong>，在手机浏览器中捐赠，支付方式选“手机网页”即可跳转到支付宝。
        </p>
        <p>
          <button type="button" className="button" onClick={close}>
            知道了
          </button>
        </p>
      </dialog>
    </div>
  );
}

/**
 * Above the donate form inside WeChat: the guide, and 扫码 here and now (the form chose it).
 * Nothing elsewhere: the form renders it whenever the steps are loaded, and leaves the check of
 * the user agent here, out of its up-front script.
 */
export function WeChatFormGuide({ idPrefix }: { idPrefix: string }) {
  if (!inWeChatNow()) return null;
  return (
    <WeChatGuide idPrefix={idPrefix}>
      <p>也可以就在这里捐赠：支付方式选“扫码支付”（已为您选好），核对后显示付款二维码，用支付宝扫码付款。</p>
    </WeChatGuide>
  );
}
