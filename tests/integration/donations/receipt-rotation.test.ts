import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptCipher } from '../../../donations/receipt-cipher.ts';
import { reencryptReceipts } from '../../../donations/receipt-rotation.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../support/donations/harness.ts';

/** Rotating the receipt key over a real ledger: old rows re-encrypted under the new key id, once. */
describe.each(BACKENDS)('receipt key rotation on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(skip)('re-encrypts every value under the current key; the old key is then not needed', async () => {
    const receipt = {
      requested: true,
      name: '兰州示例科技有限公司',
      taxId: '53100000500012345U',
      email: 'a@example.org',
    };
    for (let i = 0; i < 3; i++) {
      const r = await postJson(`${h.url}/api/donations`, {
        projectSlug: 'minxian-zhuxue',
        amountFen: 1_000,
        channel: 'page',
        anonymous: true,
        receipt,
      });
      expect(r.status).toBe(201);
    }
    const oldKey = Buffer.from(readFileSync(h.config.receiptKeyFile, 'utf8').trim(), 'base64');
    const newKey = randomBytes(32);
    const rotated = new ReceiptCipher(newKey, [oldKey]);
    expect(await reencryptReceipts(h.ctx.ledger.db, rotated, 2)).toEqual({ rows: 3, values: 9 });
    const rows = await h.ctx.ledger.db.selectFrom('receipt_requests').selectAll().execute();
    const onlyNew = new ReceiptCipher(newKey);
    for (const row of rows) {
      for (const v of [row.name_enc, row.tax_id_enc, row.email_enc]) {
        expect(ReceiptCipher.keyIdOf(v as string)).toBe(onlyNew.currentKeyId);
      }
      expect(onlyNew.decrypt(row.name_enc as string)).toBe(receipt.name);
      expect(onlyNew.decrypt(row.tax_id_enc as string)).toBe(receipt.taxId);
    }
    expect(await reencryptReceipts(h.ctx.ledger.db, rotated)).toEqual({ rows: 0, values: 0 });
  });
});
