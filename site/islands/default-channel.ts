import type { ChannelKey } from './donate-options.ts';

/**
 * The payment channel chosen before the donor picks one: Alipay's mobile web cashier on a phone
 * (touch and a narrow screen), its desktop cashier elsewhere. 扫码 is never the default: it needs
 * a second device.
 */
export function defaultChannel(device: { coarsePointer: boolean; narrowScreen: boolean }): ChannelKey {
  return device.coarsePointer && device.narrowScreen ? 'wap' : 'page';
}

export function currentDevice(): { coarsePointer: boolean; narrowScreen: boolean } {
  const query = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return { coarsePointer: query('(pointer: coarse)'), narrowScreen: query('(max-width: 48rem)') };
}
