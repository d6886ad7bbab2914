import { createHash, randomBytes } from 'node:crypto';

/**
 * The private lookup token: 32 random bytes (256 bits, nothing to guess), base64url. Stored only
 * as its SHA-256: a token of this entropy needs no key or slow hash, and the database alone gives
 * no way to find a gift.
 */
export function newLookupToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLookupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
