import type { Channel } from '../../content/contracts/donation-request.ts';
import type { DonationFormValues } from './donation-request.ts';

/**
 * The donate form's fixed choices: the preset amounts, the payment channels with their Chinese
 * names, and the form's values before the donor has chosen anything. No zod here (unlike
 * donation-request.ts): the form imports this up front, its checks come on first use. What the
 * steps after the form say is payment-step.ts, loaded with them.
 */
export const PRESETS_FEN = [1_000, 5_000, 10_000, 20_000] as const;

/** One name per channel of the request contract (`CHANNELS`): a channel added there fails here. */
export const CHANNEL_LABELS = { page: '电脑网页', wap: '手机网页', qr: '扫码支付' } as const satisfies Record<
  Channel,
  string
>;
export type ChannelKey = Channel;

export const CHANNELS = Object.keys(CHANNEL_LABELS) as ChannelKey[];

/** The form before the donor has chosen anything: anonymous, no receipt, the desktop cashier. */
export const EMPTY_FORM: DonationFormValues = {
  amount: '',
  customYuan: '',
  anonymous: 'yes',
  displayName: '',
  receipt: 'none',
  receiptName: '',
  receiptTaxId: '',
  receiptEmail: '',
  channel: 'page',
  targetGroup: '',
};
