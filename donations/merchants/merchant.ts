import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';

/**
 * A charity's own Alipay merchant (DESIGN.md: the portal never holds donors' money). Keys are
 * normalised once, when the registry is read: the private key to PKCS#8 PEM (so alipay-sdk gets
 * `keyType: 'PKCS8'`), Alipay's public key to SPKI PEM. A key that is not RSA ≥ 2048 bits is refused.
 */
export interface Merchant {
  charitySlug: string;
  appId: string;
  /** The merchant's Alipay user id (PID, `2088…`): every notify's seller_id must equal it. */
  sellerId: string;
  gateway: string;
  /** True for the local sandbox (no money moves). */
  sandbox: boolean;
  sdk: AlipaySdk;
}

export interface MerchantKeys {
  charitySlug: string;
  appId: string;
  sellerId: string;
  privateKey: string;
  alipayPublicKey: string;
  gateway: string;
  sandbox: boolean;
}

function checkRsa(key: KeyObject, what: string): void {
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`${what}不是 RSA 密钥`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new Error(`${what}长度为 ${bits} 位，至少应为 2048 位（RSA2）`);
}

/** Accepts a PEM (PKCS#1 or PKCS#8) or the bare base64 body Alipay's key tool prints. */
export function normalisePrivateKey(text: string, what = '应用私钥'): string {
  const trimmed = text.trim();
  let key: KeyObject | undefined;
  if (trimmed.includes('-----BEGIN')) key = createPrivateKey(trimmed);
  else {
    const der = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
    for (const type of ['pkcs8', 'pkcs1'] as const) {
      try {
        key = createPrivateKey({ key: der, format: 'der', type });
        break;
      } catch {
        // try the other encoding
      }
    }
  }
  if (!key) throw new Error(`${what}无法解析（应为 PEM 或 base64 的 PKCS#8/PKCS#1 私钥）`);
  checkRsa(key, what);
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function normalisePublicKey(text: string, what = '支付宝公钥'): string {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.includes('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error(`${what}无法解析（应为 PEM 或 base64 的 SPKI 公钥）`);
  }
  checkRsa(key, what);
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function createMerchant(keys: MerchantKeys): Merchant {
  const sdk = new AlipaySdk({
    appId: keys.appId,
    privateKey: normalisePrivateKey(keys.privateKey),
    keyType: 'PKCS8',
    alipayPublicKey: normalisePublicKey(keys.alipayPublicKey),
    gateway: keys.gateway,
    signType: 'RSA2',
    timeout: 10_000,
  });
  // alipay-sdk keeps the keys as PEM text and hands that text to createSign/createVerify, so
  // OpenSSL decodes the PEM again on every signature: measured (bench/donations.ts) that is more
  // than the RSA work itself — ~2× on a page-pay URL, ~5× on a notify check. Parsed once here;
  // the SDK only passes these to node:crypto (sign, verify) and tests them for presence.
  const config = sdk.config as unknown as { privateKey: string | KeyObject; alipayPublicKey: string | KeyObject };
  config.privateKey = createPrivateKey(sdk.config.privateKey);
  config.alipayPublicKey = createPublicKey(sdk.config.alipayPublicKey);
  return {
    charitySlug: keys.charitySlug,
    appId: keys.appId,
    sellerId: keys.sellerId,
    gateway: keys.gateway,
    sandbox: keys.sandbox,
    sdk,
  };
}
