import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DonationsConfig } from '../config.ts';
import { secretKey } from '../secrets.ts';

/**
 * Keyed hashes for mail, under DONATIONS_HASH_KEY (the buyer-id key: one more secret to rotate
 * would buy nothing). The address hash finds a subscriber's row without decrypting every row and
 * cannot be matched against a list of addresses without the key. The links' tokens are MACs of the
 * subscription id, so nothing secret is stored: the confirm token also covers the time its mail
 * was queued (a newer confirmation mail makes older links stale), the unsubscribe token never
 * changes (every mail carries it, as RFC 8058 asks for a link that keeps working).
 */
export class MailKeys {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('邮件哈希密钥应至少 32 字节');
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url').slice(0, 32);
  }

  /** The same address whatever its case or surrounding spaces. */
  static normalise(email: string): string {
    return email.trim().toLowerCase();
  }

  emailHash(email: string): string {
    return createHmac('sha256', this.key)
      .update(`mail-address:${MailKeys.normalise(email)}`)
      .digest('hex');
  }

  confirmToken(subscriptionId: string, confirmSentAt: string): string {
    return this.mac(`mail-confirm:${subscriptionId}:${confirmSentAt}`);
  }

  unsubscribeToken(subscriptionId: string): string {
    return this.mac(`mail-unsubscribe:${subscriptionId}`);
  }

  /** Constant-time comparison of a token from a link with the one expected. */
  static same(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** The keys from the donations configuration (DONATIONS_HASH_KEY; generated beside the ledger in development only). */
export function mailKeysFromConfig(
  config: Pick<DonationsConfig, 'hashKeyBase64' | 'hashKeyFile' | 'production'>,
): MailKeys {
  return new MailKeys(
    secretKey({
      base64: config.hashKeyBase64,
      file: config.hashKeyFile,
      production: config.production,
      variable: 'DONATIONS_HASH_KEY',
    }),
  );
}
