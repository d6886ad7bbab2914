/**
 * What the donate island and the donations API agree on about paying from inside WeChat and by QR
 * code. It imports nothing: the project page's up-front script uses `inWeChat` to pick the
 * channel (site/islands/default-channel.ts) and sits within a few hundred bytes of its budget.
 */

/**
 * True in WeChat's built-in browser (its user agent says `MicroMessenger`), which does not open
 * Alipay's pages: there the pay step shows a QR image and the way to the phone's own browser,
 * never a link into Alipay.
 */
export function inWeChat(userAgent: string | null | undefined): boolean {
  return /MicroMessenger/i.test(userAgent ?? '');
}

/**
 * The pay QR image the API returns with an order (`pay.qrImage`): a PNG as a data URL. PNG, not
 * SVG, so WeChat's long-press 保存图片 keeps it for Alipay's 扫一扫 → 相册. The island checks the
 * form before it reaches an `<img src>` (the portal's img-src allows `data:` for it).
 */
export const PAY_QR_IMAGE_PATTERN = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;
