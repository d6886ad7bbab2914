import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Secrets the donations module makes for itself (no defaults in code): the key that encrypts
 * receipt data at rest, and each charity's bearer token for its receipt export. Generated into
 * the data directory on first use (mode 0600), created atomically so two processes agree.
 */
function createFileOnce(path: string, make: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, make(), { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}

/** AES-256-GCM for receipt names, tax ids and e-mails: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export class ReceiptCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('票据加密密钥应为 32 字节');
    this.key = key;
  }

  static fromConfig(keyBase64: string | null, keyFile: string): ReceiptCipher {
    const text = keyBase64 ?? createFileOnce(keyFile, () => `${randomBytes(32).toString('base64')}\n`).trim();
    return new ReceiptCipher(Buffer.from(text, 'base64'));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return `v1.${parts.join('.')}`;
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('票据数据格式无法识别');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/**
 * Per-charity bearer tokens for the receipt export, kept in `export-tokens.json`
 * (`{"<charity>": "<token>"}`); the operator hands each charity its own. Compared in constant time.
 */
export class ExportTokens {
  constructor(private readonly file: string) {}

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  /** The charity's token, generated (and saved) the first time it is asked for. */
  tokenFor(charitySlug: string): string {
    const known = this.read()[charitySlug];
    if (known) return known;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const all = { ...this.read(), [charitySlug]: randomBytes(32).toString('base64url') };
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    return this.read()[charitySlug] as string;
  }

  /** Checks an `Authorization` header value; never generates a token. */
  verify(charitySlug: string, authorization: string | null): boolean {
    const expected = this.read()[charitySlug];
    const m = authorization ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim()) : null;
    if (!expected || !m?.[1]) return false;
    const a = createHash('sha256').update(m[1]).digest();
    const b = createHash('sha256').update(expected).digest();
    return timingSafeEqual(a, b);
  }
}
