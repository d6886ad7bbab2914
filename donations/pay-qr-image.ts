import QRCode from 'qrcode';
import type { PayStep } from './alipay/payment-step.ts';

/**
 * The pay step's QR image, made here rather than in the browser: a QR library would not fit the
 * project page's script budget, and the server has the pay URL anyway. A PNG data URL
 * (content/contracts/pay-qr-image.ts says why PNG), a few pixels a module — the page scales it up with
 * crisp edges. Encoding the PNG is most of the cost (a few ms for a 扫码 code, more for a long
 * link), so a long link gets 3 pixels a module: still a picture a scanner reads when saved.
 *
 * - 扫码 (`qr`, alipay.trade.precreate): always — the code Alipay's app scans, shown on a computer
 *   or saved on the phone.
 * - 电脑/手机网页 (`redirect`): only for a donor inside WeChat, which blocks the cashier link: the
 *   image of that link, to scan with Alipay on another phone (or from the saved picture).
 */
export async function payQrImage(text: string): Promise<string> {
  return QRCode.toDataURL(text, {
    // M, not L, even for a long cashier link: L's coarser code of a signed link was not read back
    // by jsQR (tests/unit/donations/pay-qr-image.test.ts), and a camera on a screen needs margin.
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: text.length > 300 ? 3 : 4,
    type: 'image/png',
  });
}

/**
 * The pay step with its image where it needs one. An image that cannot be made (a link too long
 * for any QR version) leaves the step as it was: the page then offers the link as text, and the
 * order, already with Alipay, stays payable.
 */
export async function withPayQrImage(pay: PayStep, client: { wechat: boolean }): Promise<PayStep> {
  const text = pay.kind === 'qr' ? pay.qrCode : client.wechat ? pay.url : null;
  if (text === null) return pay;
  try {
    return { ...pay, qrImage: await payQrImage(text) };
  } catch {
    return pay;
  }
}
