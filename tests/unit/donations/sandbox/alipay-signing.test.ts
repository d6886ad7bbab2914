import { generateKeyPairSync } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { describe, expect, it } from 'vitest';
import { createMerchant, normalisePrivateKey, normalisePublicKey } from '../../../../donations/merchants/merchant.ts';
import { parseMerchantsFile } from '../../../../donations/merchants/registry-file.ts';
import {
  signContent,
  signedGatewayAnswer,
  signNotify,
  verifyMerchantRequest,
} from '../../../../donations/sandbox/alipay-signing.ts';

/**
 * The sandbox signs like Alipay; alipay-sdk 4 (the production verifier) must accept exactly those
 * signatures and nothing else. Real RSA-2048 keys.
 */
const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const alipay = pair();
const merchant = pair();
const impostor = pair();

const sdk = new AlipaySdk({
  appId: '9021000000000001',
  privateKey: merchant.privateKey,
  keyType: 'PKCS8',
  alipayPublicKey: alipay.publicKey,
});

const NOTIFY = {
  notify_time: '2026-02-15 12:01:02',
  notify_type: 'trade_status_sync',
  notify_id: 'abc123',
  app_id: '9021000000000001',
  charset: 'utf-8',
  version: '1.0',
  trade_no: '2026021522001412345678901234',
  out_trade_no: 'XJ20260215120000ABCDEF0123456789',
  total_amount: '100.00',
  seller_id: '2088000000000001',
  trade_status: 'TRADE_SUCCESS',
  subject: '捐赠-岷县助学 100% 到账 & "引号"',
  fund_bill_list: '[{"amount":"100.00","fundChannel":"ALIPAYACCOUNT"}]',
};

describe('notify signatures: the sandbox signs, alipay-sdk checkNotifySignV2 verifies', () => {
  it('accepts a notify signed with the Alipay key, values with % & " and JSON included', () => {
    expect(sdk.checkNotifySignV2(signNotify(NOTIFY, alipay.privateKey))).toBe(true);
  });

  it('survives the form encoding round trip', () => {
    const wire = new URLSearchParams(signNotify(NOTIFY, alipay.privateKey)).toString();
    expect(sdk.checkNotifySignV2(Object.fromEntries(new URLSearchParams(wire)))).toBe(true);
  });

  it('refuses the impostor key, any changed field, an added field and a missing sign', () => {
    expect(sdk.checkNotifySignV2(signNotify(NOTIFY, impostor.privateKey))).toBe(false);
    const good = signNotify(NOTIFY, alipay.privateKey);
    for (const key of Object.keys(NOTIFY)) {
      expect(sdk.checkNotifySignV2({ ...good, [key]: `${good[key]}x` }), key).toBe(false);
    }
    expect(sdk.checkNotifySignV2({ ...good, refund_fee: '100.00' })).toBe(false);
    const { sign: _s, ...unsigned } = good;
    expect(sdk.checkNotifySignV2(unsigned)).toBe(false);
  });

  it('signs over sorted non-empty pairs except sign and sign_type', () => {
    expect(signContent({ b: '2', a: '1', sign: 'x', sign_type: 'RSA2', c: '' }, ['sign', 'sign_type'])).toBe('a=1&b=2');
  });
});

describe('merchant requests and gateway answers', () => {
  it('the sandbox verifies what alipay-sdk signs (pageExecute), and nothing else', () => {
    const url = new URL(
      sdk.pageExecute('alipay.trade.page.pay', 'GET', {
        bizContent: { outTradeNo: 'XJ1', totalAmount: '1.00', subject: 's', productCode: 'FAST_INSTANT_TRADE_PAY' },
        notifyUrl: 'http://127.0.0.1:4321/api/payments/alipay/notify',
      }),
    );
    const params = Object.fromEntries(url.searchParams);
    expect(verifyMerchantRequest(params, merchant.publicKey)).toBe(true);
    expect(verifyMerchantRequest(params, impostor.publicKey)).toBe(false);
    expect(
      verifyMerchantRequest(
        { ...params, biz_content: params.biz_content?.replace('1.00', '0.01') as string },
        merchant.publicKey,
      ),
    ).toBe(false);
  });

  it('a signed gateway answer passes alipay-sdk checkResponseSign; a forged one does not', () => {
    const raw = signedGatewayAnswer(
      'alipay.trade.query',
      { code: '10000', msg: 'Success', trade_status: 'TRADE_SUCCESS' },
      alipay.privateKey,
    );
    const { sign } = JSON.parse(raw) as { sign: string };
    expect(() => sdk.checkResponseSign(raw, 'alipay_trade_query_response', sign, 't')).not.toThrow();
    const forged = signedGatewayAnswer('alipay.trade.query', { code: '10000' }, impostor.privateKey);
    expect(() =>
      sdk.checkResponseSign(forged, 'alipay_trade_query_response', (JSON.parse(forged) as { sign: string }).sign, 't'),
    ).toThrow();
  });
});

describe('merchant keys and the registry file', () => {
  it('normalises PKCS#1, PKCS#8 and bare base64 keys; refuses short or non-RSA keys', () => {
    const pkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'der' },
    });
    expect(normalisePrivateKey(pkcs1.privateKey)).toContain('BEGIN PRIVATE KEY');
    const bare = merchant.privateKey.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    expect(normalisePrivateKey(bare)).toBe(merchant.privateKey);
    expect(normalisePublicKey(pkcs1.publicKey.toString('base64'))).toContain('BEGIN PUBLIC KEY');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => normalisePrivateKey(small.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(
      /2048/,
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => normalisePrivateKey(ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/RSA/);
    expect(() => normalisePrivateKey('not a key')).toThrow();
  });

  it('a merchant built from a PKCS#1 key signs requests the merchant public key verifies', () => {
    const m = createMerchant({
      charitySlug: 'a',
      appId: '2021000000000001',
      sellerId: '2088000000000001',
      privateKey: generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      }).privateKey,
      alipayPublicKey: alipay.publicKey,
      gateway: 'https://openapi.alipay.com/gateway.do',
      sandbox: false,
    });
    expect(m.sdk.pageExecute('alipay.trade.page.pay', 'GET', { bizContent: { outTradeNo: '1' } })).toMatch(
      /^https:\/\/openapi\.alipay\.com\/gateway\.do\?/,
    );
  });

  it('validates the file: ids, keys, one merchant per charity', () => {
    const entry = {
      appId: '2021000000000001',
      sellerId: '2088000000000001',
      privateKey: merchant.privateKey,
      alipayPublicKey: alipay.publicKey,
    };
    const [m] = parseMerchantsFile({ 'gansu-cishan': entry });
    expect(m?.gateway).toBe('https://openapi.alipay.com/gateway.do');
    expect(m?.sandbox).toBe(false);
    expect(() => parseMerchantsFile({ 'gansu-cishan': { ...entry, sellerId: '123' } })).toThrow(/sellerId/);
    expect(() => parseMerchantsFile({ 'Bad Slug': entry })).toThrow();
    expect(() => parseMerchantsFile({ a: { ...entry, extra: 1 } })).toThrow();
    expect(() => parseMerchantsFile({ a: entry, b: entry })).toThrow(/同一个 appId/);
    expect(() => parseMerchantsFile({ a: { ...entry, privateKey: 'x'.repeat(200) } })).toThrow(/密钥有误/);
  });
});
