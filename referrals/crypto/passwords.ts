import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords with Node's scrypt (RFC 7914), no library needed: N=2^15, r=8, p=1 (OWASP's
 * password-storage cheat sheet minimum), a 16-byte salt, stored with its parameters so they can be
 * raised later without breaking older hashes.
 *
 *   scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;
/** A hash of a random password: verified against when the username is unknown, so timing says nothing. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** The passwords accounts may have: long enough to resist guessing at the lock-out's pace. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return '密码至少 12 个字符';
  if (password.length > 200) return '密码最多 200 个字符';
  return null;
}

/** A generated password for the admin command and the demo accounts (~144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
