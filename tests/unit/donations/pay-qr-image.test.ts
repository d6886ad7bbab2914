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
// A signed alipay.trade.wap.pay link as the sandbox made it (1,065 characters): at level L its code
// was not read back; the test holds the level that is.
const CASHIER_URL =
  'http://127.0.0.1:34633/api/payments/sandbox/gateway?method=alipay.trade.wap.pay&app_id=9021000341399797&charset=utf-8&version=1.0&sign_type=RSA2&timestamp=2026-12-05+23%3A57%3A25&notify_url=http%3A%2F%2F127.0.0.1%3A34633%2Fapi%2Fpayments%2Falipay%2Fnotify&return_url=http%3A%2F%2F127.0.0.1%3A34633%2Fdonations%2Fresult%2F%3Fid%3D64efce4a-baca-4f7f-bb08-98bf9bdfb038&sign=A1QOyB0hf7kOeZ6jzxFJvlbyWmSl6%2FJzRRsKRq1F2JtYx9PIsu4wV9ja%2FxmAmlEw5nUHavrRnZRiYeZXNPgiDbW2BkmYfBZ71eeudHwTVasy%2B6FbetEvbWQvjsHbd%2FR52H720dz1lSlh3v3VabEklufDSFT%2B4QjMQegTCzNDp1TXhNY2C6yX66hDqw7WEz4yvefpbvBHz%2B%2FatZnto7eFgSd%2BkmlN31RPJtznZgCbPEopkDvojjOkb59W9ijUjH8JOS6sD4iiJieM1AN21q1P%2FdhxO35dt2N%2BnsBv8C1B%2BQqbsh0cD8GbGKWMvu4O7p5Ao91rhksZdkDqeoEdz0EMXg%3D%3D&alipay_sdk=alipay-sdk-nodejs-4.0.0&biz_content=%7B%22out_trade_no%22%3A%22XJ20260215120000F25B72F8F4F31F8C%22%2C%22total_amount%22%3A%2250.00%22%2C%22subject%22%3A%22%E6%8D%90%E8%B5%A0-%E9%A1%B9%E7%9B%AE%20minxian-zhuxue%22%2C%22time_expire%22%3A%222026-02-15%2012%3A30%3A00%22%2C%22product_code%22%3A%22QUICK_WAP_WAY%22%7D';

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
