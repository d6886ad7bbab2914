import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createFileOnce } from '../../content/node/index.ts';
import type { ReferralsConfig } from '../config.ts';

/**
 * Field-level AES-256-GCM for a household's personal data (names, ID numbers, phones, addresses,
 * notes). Each ciphertext names its key and is bound to its place:
 *
 *   f1.<kid>.<iv>.<tag>.<data>      AAD = "<kid>|<record id>|<field>"
 *
 * so a ciphertext copied into another row or another column fails its tag instead of showing one
 * household's phone as another's. Key ids are derived from the key (domain-separated SHA-256), so
 * previous keys (REFERRALS_PREVIOUS_KEYS) keep decrypting what they wrote while new data uses the
 * current one. Node's crypto does the cryptography; nothing here is home-made beyond the framing.
 */
export function fieldKeyId(key: Buffer): string {
  return createHash('sha256').update('xianjie-referrals-field-key:').update(key).digest('hex').slice(0, 8);
}

export class FieldCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('衔接工作台字段加密密钥应为 32 字节');
      this.keys.set(fieldKeyId(key), key);
    }
    this.current = { id: fieldKeyId(current), key: current };
  }

  /**
   * From the configuration: REFERRALS_ENCRYPTION_KEY when set; in production nothing else is
   * accepted; in development a key is generated once into the data directory (mode 0600).
   */
  static fromConfig(config: Pick<ReferralsConfig, 'keyBase64' | 'previousKeysBase64' | 'keyFile' | 'production'>) {
    let current: Buffer;
    if (config.keyBase64) current = Buffer.from(config.keyBase64, 'base64');
    else if (config.production) {
      throw new Error(
        '生产环境必须在环境变量 REFERRALS_ENCRYPTION_KEY 中提供衔接工作台的字段加密密钥（openssl rand -base64 32），不会自动生成',
      );
    } else {
      current = Buffer.from(
        createFileOnce(config.keyFile, () => `${randomBytes(32).toString('base64')}\n`).trim(),
        'base64',
      );
    }
    return new FieldCipher(
      current,
      config.previousKeysBase64.map((k) => Buffer.from(k, 'base64')),
    );
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(recordId: string, field: string, plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(aad(this.current.id, recordId, field));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['f1', this.current.id, ...[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'))].join('.');
  }

  /** A null column (never given, or purged) stays null. */
  sealOptional(recordId: string, field: string, plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.seal(recordId, field, plain);
  }

  open(recordId: string, field: string, sealed: string): string {
    const [version, kid = '', iv = '', tag = '', data = ''] = sealed.split('.');
    if (version !== 'f1' || !data) throw new Error('个人信息密文格式无法识别');
    const key = this.keys.get(kid);
    if (!key) throw new Error(`个人信息用密钥 ${kid} 加密，该密钥不在配置中（REFERRALS_PREVIOUS_KEYS）`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(kid, recordId, field));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

function aad(kid: string, recordId: string, field: string): Buffer {
  return Buffer.from(`${kid}|${recordId}|${field}`);
}
