import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PAY_QR_IMAGE_PATTERN } from '../../../content/contracts/pay-qr-image.ts';
import type { PayStep } from '../../../donations/alipay/payment-step.ts';
import { payQrImage, withPayQrImage } from '../../../donations/pay-qr-image.ts';

/** What a scanner reads from the data URL: the PNG decoded, then the QR code in it. */
function scan(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const QR_CODE = 'https://qr.alipay.com/bax08431ymhcqljsr3ok0069';
// As long as a signed alipay.trade.wap.pay link (biz_content, RSA2 sign, notify and return URLs).
const CASHIER_URL = `https://openapi.alipay.com/gateway.do?charset=utf-8&method=alipay.trade.wap.pay&sign=${'A1b2C3d4'.repeat(43)}&biz_content=${encodeURIComponent(JSON.stringify({ out_trade_no: 'XJ20261127103000ABCDEF0123456789', total_amount: '50.00', subject: '捐赠-乡村助学' }))}&notify_url=${encodeURIComponent('https://xianjie.example.org/api/payments/alipay/notify')}&return_url=${encodeURIComponent('https://xianjie.example.org/donations/result/?id=0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70')}&app_id=2021000000000000&format=JSON&sign_type=RSA2&timestamp=2026-11-27%2010%3A00%3A00&version=1.0`;

describe('payQrImage', () => {
  it('makes a PNG data URL that scans back to the 扫码 payload', async () => {
    const image = await payQrImage(QR_CODE);
    expect(image).toMatch(PAY_QR_IMAGE_PATTERN);
    expect(scan(image)).toBe(QR_CODE);
  });

  it('makes a readable code of a cashier link as long as a signed one', async () => {
    expect(CASHIER_URL.length).toBeGreaterThan(800);
    const image = await payQrImage(CASHIER_URL);
    expect(image).toMatch(PAY_QR_IMAGE_PATTERN);
    expect(scan(image)).toBe(CASHIER_URL);
  });
});

describe('withPayQrImage', () => {
  const qr: PayStep = { kind: 'qr', qrCode: QR_CODE, sandbox: false, expiresAt: '2026-11-27T10:30:00.000Z' };
  const redirect: PayStep = { kind: 'redirect', url: CASHIER_URL, sandbox: false, expiresAt: qr.expiresAt };

  it('gives every 扫码 step its image, in WeChat or not', async () => {
    for (const wechat of [false, true]) {
      const pay = await withPayQrImage(qr, { wechat });
      expect(pay.qrImage && scan(pay.qrImage)).toBe(QR_CODE);
    }
  });

  it('gives a cashier link an image only inside WeChat, which blocks the link', async () => {
    expect(await withPayQrImage(redirect, { wechat: false })).toEqual(redirect);
    const pay = await withPayQrImage(redirect, { wechat: true });
    expect(pay.qrImage && scan(pay.qrImage)).toBe(CASHIER_URL);
  });

  it('leaves the step without an image when no QR version can hold the link', async () => {
    const huge: PayStep = { ...redirect, url: `https://example.org/?${'x'.repeat(4000)}` };
    expect(await withPayQrImage(huge, { wechat: true })).toEqual(huge);
  });
});
