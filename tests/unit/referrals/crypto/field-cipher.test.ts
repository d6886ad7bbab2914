import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, fieldKeyId } from '../../../../referrals/crypto/field-cipher.ts';

describe('FieldCipher', () => {
  const key = randomBytes(32);
  const cipher = new FieldCipher(key);

  it('round-trips, names its key, and never shows the plaintext', () => {
    const sealed = cipher.seal('rec-1', 'name', '测试户甲');
    expect(sealed.startsWith(`f1.${fieldKeyId(key)}.`)).toBe(true);
    expect(sealed).not.toContain('测试户甲');
    expect(cipher.open('rec-1', 'name', sealed)).toBe('测试户甲');
    expect(cipher.seal('rec-1', 'name', '测试户甲')).not.toBe(sealed);
  });

  it('refuses a ciphertext moved to another record or another field', () => {
    const sealed = cipher.seal('rec-1', 'phone', '13912345678');
    expect(() => cipher.open('rec-2', 'phone', sealed)).toThrow();
    expect(() => cipher.open('rec-1', 'name', sealed)).toThrow();
  });

  it('decrypts with a previous key after rotation and writes with the new one', () => {
    const newer = randomBytes(32);
    const rotated = new FieldCipher(newer, [key]);
    const old = cipher.seal('r', 'notes', '旧');
    expect(rotated.open('r', 'notes', old)).toBe('旧');
    expect(rotated.seal('r', 'notes', '新').split('.')[1]).toBe(fieldKeyId(newer));
    expect(() => new FieldCipher(newer).open('r', 'notes', old)).toThrow(/REFERRALS_PREVIOUS_KEYS/);
  });

  it('in production the key must come from the environment', () => {
    expect(() =>
      FieldCipher.fromConfig({
        keyBase64: null,
        previousKeysBase64: [],
        keyFile: '/nonexistent/x.key',
        production: true,
      }),
    ).toThrow(/REFERRALS_ENCRYPTION_KEY/);
  });

  it('keeps a missing value missing', () => {
    expect(cipher.sealOptional('r', 'phone', null)).toBeNull();
    expect(cipher.sealOptional('r', 'phone', '')).toBeNull();
  });
});
