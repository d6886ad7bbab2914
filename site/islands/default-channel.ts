import { inWeChat } from '../../content/contracts/wechat.ts';
import type { ChannelKey } from './donate-options.ts';

/**
 * The payment channel chosen before the donor picks one: Alipay's mobile web cashier on a phone
 * (touch and a narrow screen), its desktop cashier elsewhere. 扫码 needs a second device, so it is
 * the default only inside WeChat, which blocks both cashiers: there the QR image (scanned from
 * another phone, or saved and picked from the album in Alipay) is what works on the spot.
 */
export interface Device {
  coarsePointer: boolean;
  narrowScreen: boolean;
  wechat: boolean;
}

export function defaultChannel(device: Device): ChannelKey {
  if (device.wechat) return 'qr';
  return device.coarsePointer && device.narrowScreen ? 'wap' : 'page';
}

export function currentDevice(): Device {
  const query = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return {
    coarsePointer: query('(pointer: coarse)'),
    narrowScreen: query('(max-width: 48rem)'),
    wechat: typeof navigator !== 'undefined' && inWeChat(navigator.userAgent),
  };
}
