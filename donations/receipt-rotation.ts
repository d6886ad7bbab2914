import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger/schema.ts';
import { ReceiptCipher } from './receipt-cipher.ts';

/**
 * Re-encrypts receipt data written with an earlier key under the current one
 * (`scripts/rotate-receipt-key.ts`), so that the earlier key can then be removed from
 * RECEIPT_ENCRYPTION_PREVIOUS_KEYS. Row by row, each a conditional update on the old ciphertexts
 * (a row changed meanwhile is left for the next run); safe to run again and while the API runs.
 */
const COLUMNS = ['name_enc', 'tax_id_enc', 'email_enc'] as const;

export async function reencryptReceipts(
  db: Kysely<LedgerDatabase>,
  cipher: ReceiptCipher,
  batch = 500,
): Promise<{ rows: number; values: number }> {
  const current = cipher.currentKeyId;
  const stale = (v: string | null) => v !== null && ReceiptCipher.keyIdOf(v) !== current;
  let rows = 0;
  let values = 0;
  let after: string | null = null;
  for (;;) {
    let query = db.selectFrom('receipt_requests').select(['order_id', ...COLUMNS]);
    // Keyset pagination (order_id is a uuid in PostgreSQL: no '' to start from).
    if (after !== null) query = query.where('order_id', '>', after);
    const page = await query.orderBy('order_id').limit(batch).execute();
    if (page.length === 0) return { rows, values };
    for (const row of page) {
      const changes: Partial<Record<(typeof COLUMNS)[number], string>> = {};
      for (const column of COLUMNS) {
        const sealed = row[column];
        if (sealed !== null && stale(sealed)) changes[column] = cipher.encrypt(cipher.decrypt(sealed));
      }
      const changed = Object.keys(changes).length;
      if (changed === 0) continue;
      let update = db.updateTable('receipt_requests').set(changes).where('order_id', '=', row.order_id);
      for (const column of COLUMNS) {
        const was = row[column];
        update = was === null ? update.where(column, 'is', null) : update.where(column, '=', was);
      }
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        rows++;
        values += changed;
      }
    }
    after = page[page.length - 1]?.order_id ?? after;
  }
}
