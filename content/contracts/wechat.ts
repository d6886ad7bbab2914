/**
 * How the donate island and the donations API know WeChat's browser. Alone in its file and
 * importing nothing: the project page's up-front script uses it to pick the channel
 * (site/islands/default-channel.ts) and sits within a few hundred bytes of its budget.
 */

/**
 * True in WeChat's built-in browser (its user agent says `MicroMessenger`), which does not open
 * Alipay's pages: there the pay step shows a QR image and the way to the phone's own browser,
 * never a link into Alipay.
 */
export function inWeChat(userAgent: string | null | undefined): boolean {
  return /MicroMessenger/i.test(userAgent ?? '');
}
