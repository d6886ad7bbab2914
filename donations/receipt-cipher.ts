import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DonationsConfig } from './config.ts';
import { secretKey } from './secrets.ts';

/**
 * AES-256-GCM for receipt names, tax ids and e-mails, with key ids so keys can rotate:
 *
 *   v2.<kid>.<iv>.<tag>.<ciphertext>     (base64url parts; the kid is authenticated as AAD)
 *
 * New ciphertexts always use the current key (`RECEIPT_ENCRYPTION_KEY`); earlier keys
 * (`RECEIPT_ENCRYPTION_PREVIOUS_KEYS`) still decrypt what they wrote. A key's id is derived from
 * the key itself (8 hex digits of a domain-separated SHA-256), so the operator names nothing and
 * a wrong key can never be picked by mistake. `v1.<iv>.<tag>.<ciphertext>` (before key ids) is
 * tried with every key. `scripts/rotate-receipt-key.ts` re-encrypts old rows with the current key,
 * after which the previous key can be dropped.
 */
export function receiptKeyId(key: Buffer): string {
  return createHash('sha256').update('xianjie-receipt-key-id:').update(key).digest('hex').slice(0, 8);
}

export class ReceiptCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly byId = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('票据加密密钥应为 32 字节');
      this.byId.set(receiptKeyId(key), key);
    }
    this.current = { id: receiptKeyId(current), key: current };
  }

  /** Keys from the configuration; in development the current one is generated beside the ledger. */
  static fromConfig(
    config: Pick<DonationsConfig, 'receiptKeyBase64' | 'previousReceiptKeysBase64' | 'receiptKeyFile' | 'production'>,
  ): ReceiptCipher {
    const current = secretKey({
      base64: config.receiptKeyBase64,
      file: config.receiptKeyFile,
      production: config.production,
      variable: 'RECEIPT_ENCRYPTION_KEY',
    });
    return new ReceiptCipher(
      current,
      config.previousReceiptKeysBase64.map((k) => Buffer.from(k, 'base64')),
    );
  }

  /** The id new ciphertexts carry. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** The key id a ciphertext was written with (null for v1, which carries none). */
  static keyIdOf(sealed: string): string | null {
    const [version, kid] = sealed.split('.');
    return version === 'v2' && kid ? kid : null;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(this.current.id));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return `v2.${this.current.id}.${parts.join('.')}`;
  }

  decrypt(sealed: string): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v2' && parts.length === 5) {
      const [, kid = '', iv = '', tag = '', data = ''] = parts;
      const key = this.byId.get(kid);
      if (!key) {
        throw new Error(`票据数据用密钥 ${kid} 加密，该密钥不在配置中（RECEIPT_ENCRYPTION_PREVIOUS_KEYS）`);
      }
      return open(key, iv, tag, data, Buffer.from(kid));
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      const [, iv = '', tag = '', data = ''] = parts;
      for (const key of this.byId.values()) {
        try {
          return open(key, iv, tag, data, null);
        } catch {
          // not this key: GCM's tag says so
        }
      }
      throw new Error('票据数据无法用任何已配置的密钥解密');
    }
    throw new Error('票据数据格式无法识别');
  }
}

function open(key: Buffer, iv: string, tag: string, data: string, aad: Buffer | null): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
