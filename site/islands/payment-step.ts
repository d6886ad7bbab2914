import { CHANNEL_LABELS, CHANNELS, type ChannelKey } from './donate-options.ts';
import type { DonationFormValues } from './donation-request.ts';

/**
 * What the confirm and QR steps (ui/confirm-step.tsx) say, as pure functions: the channel's name,
 * the donor's choices in words, the pay link when it is http(s), the result page's path and the
 * payment deadline. Loaded with those steps, on first use (donate-flow.ts).
 */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[(CHANNELS as string[]).includes(channel) ? (channel as ChannelKey) : 'page'];
}

/** How the confirm step names the donor and the receipt request. */
export function describeChoices(values: DonationFormValues): { name: string; receipt: string } {
  const name = values.anonymous === 'no' ? `公开展示名“${values.displayName.trim()}”` : '匿名';
  const receipt = values.receipt === 'wanted' ? `需要，抬头“${values.receiptName.trim()}”` : '不需要';
  return { name, receipt };
}

/** Only http(s) links reach an href (the pay URL comes from our API, but a page trusts nothing). */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url, 'http://placeholder.invalid');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export function resultPath(donationId: string): string {
  return `/donations/result/?id=${encodeURIComponent(donationId)}`;
}

/** "11月27日 13:05" in the donor's own time zone. */
export function expiryTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm}`;
}
