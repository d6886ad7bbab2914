import { describe, expect, it } from 'vitest';
import { inWeChat, PAY_QR_IMAGE_PATTERN } from '../../../../content/contracts/pay-qr.ts';

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

describe('PAY_QR_IMAGE_PATTERN', () => {
  it('accepts a PNG data URL and nothing that could be markup, script or another origin', () => {
    expect(PAY_QR_IMAGE_PATTERN.test('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    for (const bad of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      'https://evil.example/qr.png',
      'javascript:alert(1)',
      'data:image/png;base64,iVBOR"onerror="x',
    ]) {
      expect(PAY_QR_IMAGE_PATTERN.test(bad)).toBe(false);
    }
  });
});
