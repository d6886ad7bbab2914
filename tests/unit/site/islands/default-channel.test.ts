import { describe, expect, it } from 'vitest';
import { defaultChannel } from '../../../../site/islands/default-channel.ts';

describe('defaultChannel', () => {
  it('picks the mobile cashier on a touch phone and the desktop cashier elsewhere', () => {
    expect(defaultChannel({ coarsePointer: true, narrowScreen: true, wechat: false })).toBe('wap');
    expect(defaultChannel({ coarsePointer: true, narrowScreen: false, wechat: false })).toBe('page');
    expect(defaultChannel({ coarsePointer: false, narrowScreen: true, wechat: false })).toBe('page');
  });

  it('picks 扫码 inside WeChat, which blocks both cashiers, on any device', () => {
    expect(defaultChannel({ coarsePointer: true, narrowScreen: true, wechat: true })).toBe('qr');
    expect(defaultChannel({ coarsePointer: false, narrowScreen: false, wechat: true })).toBe('qr');
  });
});
