import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real merchant registry file (`ALIPAY_MERCHANTS_FILE`) with fresh RSA-2048 keys per charity,
 * written to `<dir>/merchants.json`; returns its path. The keys are real but belong to nobody:
 * tests that use it never reach Alipay.
 */
export function writeMerchantsFile(
  dir: string,
  charities: Record<string, { appId: string; sellerId: string }>,
): string {
  const pair = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
  const entries = Object.fromEntries(
    Object.entries(charities).map(([slug, ids]) => [
      slug,
      { ...ids, privateKey: pair().privateKey, alipayPublicKey: pair().publicKey },
    ]),
  );
  const file = join(dir, 'merchants.json');
  writeFileSync(file, JSON.stringify(entries));
  return file;
}
