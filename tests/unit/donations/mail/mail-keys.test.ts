import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MailKeys } from '../../../../donations/mail/mail-keys.ts';

describe('MailKeys: keyed hashes and link tokens under the hash key', () => {
  const keys = new MailKeys(randomBytes(32));

  it('hashes an address the same whatever its case and spaces, and differently under another key', () => {
    expect(keys.emailHash(' Someone@Example.ORG ')).toBe(keys.emailHash('someone@example.org'));
    expect(keys.emailHash('someone@example.org')).not.toBe(keys.emailHash('someone2@example.org'));
    expect(new MailKeys(randomBytes(32)).emailHash('someone@example.org')).not.toBe(
      keys.emailHash('someone@example.org'),
    );
    expect(keys.emailHash('someone@example.org')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives each confirmation its own token and each subscription one unsubscribe token', () => {
    const a = keys.confirmToken('id-1', '2026-01-01T00:00:00.000Z');
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(keys.confirmToken('id-1', '2026-01-01T00:10:00.000Z')).not.toBe(a);
    expect(keys.confirmToken('id-2', '2026-01-01T00:00:00.000Z')).not.toBe(a);
    expect(keys.unsubscribeToken('id-1')).toBe(keys.unsubscribeToken('id-1'));
    expect(keys.unsubscribeToken('id-1')).not.toBe(a);
  });

  it('compares tokens only when they are equal, whatever their length', () => {
    const t = keys.unsubscribeToken('id-1');
    expect(MailKeys.same(t, t)).toBe(true);
    expect(MailKeys.same(t.slice(1), t)).toBe(false);
    expect(MailKeys.same(`${t.slice(0, -1)}x`, t)).toBe(t.endsWith('x'));
  });

  it('refuses a short key', () => {
    expect(() => new MailKeys(randomBytes(16))).toThrow(/32 字节/);
  });
});
