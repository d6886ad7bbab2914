/**
 * What the donations API and the donate island agree on about the pay QR image. Apart from
 * wechat.ts so that it travels with the pay step's lazily loaded code, not up front.
 */

/**
 * The pay QR image the API returns with an order (`pay.qrImage`): a PNG as a data URL. PNG, not
 * SVG, so WeChat's long-press 保存图片 keeps it for Alipay's 扫一扫 → 相册. The island checks the
 * form before it reaches an `<img src>` (the portal's img-src allows `data:` for it).
 */
export const PAY_QR_IMAGE_PATTERN = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;
