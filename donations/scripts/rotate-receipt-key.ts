/**
 * Re-encrypts receipt data under the current key: `npx tsx donations/scripts/rotate-receipt-key.ts`.
 *
 * Rotation: put the new key in RECEIPT_ENCRYPTION_KEY and the old one in
 * RECEIPT_ENCRYPTION_PREVIOUS_KEYS, restart the API (new writes use the new key, old ones still
 * decrypt), run this, then drop the old key from RECEIPT_ENCRYPTION_PREVIOUS_KEYS.
 */
import { readDonationsConfig } from '../config.ts';
import { buyerRefFromConfig } from '../context.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { ReceiptCipher } from '../receipt-cipher.ts';
import { reencryptReceipts } from '../receipt-rotation.ts';

const config = readDonationsConfig();
let code = 0;
try {
  const cipher = ReceiptCipher.fromConfig(config);
  const ledger = await openLedger(config.ledger, { buyerRef: buyerRefFromConfig(config) });
  try {
    const { rows, values } = await reencryptReceipts(ledger.db, cipher);
    process.stdout.write(`已用当前密钥（${cipher.currentKeyId}）重新加密 ${rows} 条票据请求中的 ${values} 个字段。\n`);
  } finally {
    await ledger.close();
  }
} catch (error) {
  process.stderr.write(`重新加密失败：${(error as Error).message}\n`);
  code = 1;
}
process.exit(code);
