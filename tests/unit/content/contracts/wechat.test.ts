import { describe, expect, it } from 'vitest';
import { inWeChat } from '../../../../content/contracts/wechat.ts';

describe('inWeChat', () => {
  it("knows WeChat's browser by MicroMessenger in its user agent, on Android and iOS", () => {
    expect(inWeChat('Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116 Mobile MicroMessenger/8.0.47')).toBe(
      true,
    );
    expect(inWeChat('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.47')).toBe(
      true,
    );
  });

  it('is false for other browsers and a missing header', () => {
    expect(inWeChat('Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116 Mobile Safari/537.36')).toBe(false);
    expect(inWeChat('Mozilla/5.0 AlipayClient/10.5')).toBe(false);
    expect(inWeChat(null)).toBe(false);
    expect(inWeChat(undefined)).toBe(false);
  });
});
