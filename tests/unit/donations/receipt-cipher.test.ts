import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readDonationsConfig } from '../../../donations/config.ts';
import { ReceiptCipher, receiptKeyId } from '../../../donations/receipt-cipher.ts';

/** Receipt encryption keys: key ids in every ciphertext, rotation, and no generated key in production. */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'xianjie-receipt-keys-'));
  dirs.push(dir);
  return dir;
};
const b64 = (key: Buffer) => key.toString('base64');

describe('receipt keys', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('every ciphertext names the key that wrote it', () => {
    const sealed = new ReceiptCipher(oldKey).encrypt('张三');
    expect(sealed.split('.')[0]).toBe('v2');
    expect(ReceiptCipher.keyIdOf(sealed)).toBe(receiptKeyId(oldKey));
    expect(receiptKeyId(oldKey)).toMatch(/^[0-9a-f]{8}$/);
    expect(receiptKeyId(oldKey)).not.toBe(receiptKeyId(newKey));
  });

  it('after rotation new writes use the new key and old ciphertexts still decrypt', () => {
    const before = new ReceiptCipher(oldKey).encrypt('91110000MA01ABCDE1');
    const rotated = new ReceiptCipher(newKey, [oldKey]);
    expect(rotated.decrypt(before)).toBe('91110000MA01ABCDE1');
    const after = rotated.encrypt('donor@example.org');
    expect(ReceiptCipher.keyIdOf(after)).toBe(receiptKeyId(newKey));
    // The old key alone cannot read what the new one wrote, and says which key is missing.
    expect(() => new ReceiptCipher(oldKey).decrypt(after)).toThrow(receiptKeyId(newKey));
    // Dropping the old key too early is loud, not silent.
    expect(() => new ReceiptCipher(newKey).decrypt(before)).toThrow(/不在配置中/);
  });

  it('the key id is authenticated: moving a ciphertext under another id fails', () => {
    const cipher = new ReceiptCipher(newKey, [oldKey]);
    const sealed = new ReceiptCipher(oldKey).encrypt('李四');
    const relabelled = sealed.replace(`.${receiptKeyId(oldKey)}.`, `.${receiptKeyId(newKey)}.`);
    expect(() => cipher.decrypt(relabelled)).toThrow();
  });

  it('ciphertexts from before key ids (v1) still decrypt with any configured key', () => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', oldKey, iv);
    const data = Buffer.concat([c.update('王五', 'utf8'), c.final()]);
    const v1 = `v1.${[iv, c.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
    expect(new ReceiptCipher(newKey, [oldKey]).decrypt(v1)).toBe('王五');
    expect(() => new ReceiptCipher(newKey).decrypt(v1)).toThrow(/无法用任何/);
  });

  it('production never generates a key; development generates one beside the ledger', () => {
    const dir = tempDir();
    const file = join(dir, 'receipt-encryption.key');
    const base = { receiptKeyBase64: null, previousReceiptKeysBase64: [], receiptKeyFile: file };
    expect(() => ReceiptCipher.fromConfig({ ...base, production: true })).toThrow(/RECEIPT_ENCRYPTION_KEY/);
    expect(existsSync(file)).toBe(false);
    const dev = ReceiptCipher.fromConfig({ ...base, production: false });
    expect(existsSync(file)).toBe(true);
    const prod = ReceiptCipher.fromConfig({ ...base, receiptKeyBase64: b64(newKey), production: true });
    expect(prod.currentKeyId).toBe(receiptKeyId(newKey));
    expect(dev.currentKeyId).not.toBe(prod.currentKeyId);
  });

  it('the config reader takes the current and previous keys and knows when it is production', () => {
    const dev = readDonationsConfig({}, '/srv/x');
    expect(dev).toMatchObject({ production: false, receiptKeyBase64: null, previousReceiptKeysBase64: [] });
    const prod = readDonationsConfig(
      {
        XIANJIE_ENV: 'production',
        RECEIPT_ENCRYPTION_KEY: b64(newKey),
        RECEIPT_ENCRYPTION_PREVIOUS_KEYS: `${b64(oldKey)}, ${b64(randomBytes(32))}`,
      },
      '/srv/x',
    );
    expect(prod.production).toBe(true);
    expect(prod.receiptKeyBase64).toBe(b64(newKey));
    expect(prod.previousReceiptKeysBase64).toHaveLength(2);
    // A real merchant registry means real money: production, whatever XIANJIE_ENV says.
    expect(readDonationsConfig({ ALIPAY_MERCHANTS_FILE: 'm.json' }, '/srv/x').production).toBe(true);
  });

  it.each([
    [{ RECEIPT_ENCRYPTION_KEY: 'c2hvcnQ=' }],
    [{ RECEIPT_ENCRYPTION_KEY: 'not base64 !!' }],
    [{ RECEIPT_ENCRYPTION_PREVIOUS_KEYS: `${b64(randomBytes(32))},c2hvcnQ=` }],
    [{ DONATIONS_HASH_KEY: b64(randomBytes(16)) }],
    [{ XIANJIE_ENV: 'prod' }],
  ])('refuses %j with a Chinese message', (env) => {
    expect(() => readDonationsConfig(env, '/tmp')).toThrow(ConfigError);
  });
});
