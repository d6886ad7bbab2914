import { randomInt } from 'node:crypto';
import { chinaDay } from '../../content/index.ts';

/** Crockford's base32: no I, L, O, U, so a reference read out over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `JB-20261204-7K3QX9` (content/schemas/report.ts): the day of receipt in China, 30 random bits. */
export function newReportReference(receivedAt: Date): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `JB-${chinaDay(receivedAt).replaceAll('-', '')}-${tail}`;
}
