import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReceiptCipher } from '../../../donations/receipt-cipher.ts';
import { csvCell } from '../../../donations/receipts.ts';
import { ExportTokens } from '../../../donations/secrets.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const tempDir = tempDirs();

describe('receipt secrets', () => {
  it('encrypts with AES-256-GCM: fresh IV each time, tamper-evident', () => {
    const dir = tempDir('xianjie-secrets-');
    const dev = {
      receiptKeyBase64: null,
      previousReceiptKeysBase64: [],
      receiptKeyFile: join(dir, 'k'),
      production: false,
    };
    const cipher = ReceiptCipher.fromConfig(dev);
    expect(statSync(join(dir, 'k')).mode & 0o777).toBe(0o600);
    const a = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(cipher.encrypt('11010519491231002X'));
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(ReceiptCipher.fromConfig(dev).decrypt(a)).toBe('11010519491231002X');
    // Change one character of the ciphertext to a different one (the second-last: 18 bytes of data
    // are 24 base64url characters, every bit of which is data). Comparing the character itself
    // matters: choosing the replacement by the last character left the text unchanged 1 time in 64.
    const at = a.length - 2;
    const tampered = `${a.slice(0, at)}${a[at] === 'A' ? 'B' : 'A'}${a.slice(at + 1)}`;
    expect(tampered).not.toBe(a);
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new ReceiptCipher(Buffer.alloc(16))).toThrow();
  });

  it('export tokens are per charity and checked in constant time', () => {
    const dir = tempDir('xianjie-tokens-');
    const tokens = new ExportTokens(join(dir, 'export-tokens.json'));
    expect(tokens.verify('a', 'Bearer whatever-whatever-whatever')).toBe(false);
    const a = tokens.tokenFor('a');
    const b = tokens.tokenFor('b');
    expect(tokens.tokenFor('a')).toBe(a);
    expect(tokens.verify('a', `Bearer ${a}`)).toBe(true);
    expect(tokens.verify('a', `Bearer ${b}`)).toBe(false);
    expect(tokens.verify('a', a)).toBe(false);
    expect(tokens.verify('a', null)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'export-tokens.json'), 'utf8'))).toEqual({ a, b });
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['line\nbreak', '"line\nbreak"'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
