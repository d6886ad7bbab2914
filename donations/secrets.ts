import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createFileOnce } from '../content/node/index.ts';

/**
 * Secrets of the donations module (no defaults in code): the keys that encrypt receipt data and
 * hash buyer ids (from the environment; generated only in development), and each charity's bearer
 * token for its receipt export and refunds. Files are created atomically so two processes agree
 * (`createFileOnce`, shared with the publisher's generated secrets).
 */
/**
 * A secret key: from the environment (base64) when given; in development generated into the data
 * directory on first use (mode 0600); in production never generated — a key beside the ledger it
 * protects protects nothing, and a key generated per machine differs between API processes.
 */
export function secretKey(options: {
  base64: string | null;
  file: string;
  production: boolean;
  variable: string;
}): Buffer {
  if (options.base64) return Buffer.from(options.base64, 'base64');
  if (options.production) {
    throw new Error(
      `生产环境必须在环境变量 ${options.variable} 中提供密钥（32 字节的 base64，例如 openssl rand -base64 32），不会自动生成`,
    );
  }
  return Buffer.from(createFileOnce(options.file, () => `${randomBytes(32).toString('base64')}\n`).trim(), 'base64');
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
