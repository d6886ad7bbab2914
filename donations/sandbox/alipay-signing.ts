import { createSign, createVerify } from 'node:crypto';

/**
 * How Alipay's servers sign and check (OpenAPI 2.0, RSA2 = SHA256withRSA), written from the
 * published rules, for the sandbox that plays Alipay:
 * - a notify is signed over every non-empty parameter except `sign` and `sign_type`, sorted by
 *   key, joined as `key=value&…`, values not URL-encoded;
 * - a request from a merchant is signed over every non-empty parameter except `sign`;
 * - a gateway answer is signed over the exact JSON text of its `…_response` object.
 * Our production side checks these with alipay-sdk (`checkNotifySignV2`, `exec` with
 * `validateSign`), so the sandbox exercises the real verification code.
 */
export type Params = Record<string, string>;

export function signContent(params: Params, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** Adds `sign_type` and `sign` to notify fields, as Alipay does. */
export function signNotify(fields: Params, alipayPrivateKeyPem: string): Params {
  const withType = { ...fields, sign_type: 'RSA2' };
  return { ...withType, sign: rsa2Sign(signContent(withType, ['sign', 'sign_type']), alipayPrivateKeyPem) };
}

export function verifyMerchantRequest(params: Params, merchantPublicKeyPem: string): boolean {
  const signature = params.sign;
  if (!signature || params.sign_type !== 'RSA2') return false;
  return rsa2Verify(signContent(params, ['sign']), signature, merchantPublicKeyPem);
}

/** `{"alipay_trade_query_response":{…},"sign":"…"}` with the sign over the inner JSON text. */
export function signedGatewayAnswer(method: string, body: object, alipayPrivateKeyPem: string): string {
  const key = `${method.replaceAll('.', '_')}_response`;
  const inner = JSON.stringify(body);
  return `{"${key}":${inner},"sign":${JSON.stringify(rsa2Sign(inner, alipayPrivateKeyPem))}}`;
}

export function formEncode(params: Params): string {
  return new URLSearchParams(params).toString();
}
