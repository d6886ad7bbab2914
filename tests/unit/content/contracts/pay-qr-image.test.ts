import { describe, expect, it } from 'vitest';
import { PAY_QR_IMAGE_PATTERN } from '../../../../content/contracts/pay-qr-image.ts';

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
