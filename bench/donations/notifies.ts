import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toAlipayTime } from '../../donations/alipay/alipay-time.ts';
import { alipaySubject } from '../../donations/alipay/payment-step.ts';
import type { LedgerDatabase } from '../../donations/ledger/schema.ts';
import { fenToYuan } from '../../donations/money.ts';
import { formEncode, signNotify } from '../../donations/sandbox/alipay-signing.ts';
import type { SandboxKeys } from '../../donations/sandbox/sandbox-keys.ts';
import type { Target } from './fixtures.ts';

/**
 * The notify half of the benchmark: N pending orders written straight into the ledger (setup, not
 * measured), each with a TRADE_SUCCESS notify built like the sandbox's fake Alipay builds one
 * (`fake-alipay-gateway.ts` `buildNotify`) and signed with the sandbox's Alipay private key
 * (RSA2, `signNotify`) — the handler verifies it with alipay-sdk's `checkNotifySignV2`, as in
 * production. Signing costs ~1 ms of CPU per notify, so the signed bodies are cached on disk
 * (keyed by the orders and the Alipay key) and reused by later runs and by both databases.
 */
export interface NotifyOrder {
  outTradeNo: string;
  tradeNo: string;
  appId: string;
  sellerId: string;
  charitySlug: string;
  projectSlug: string;
  subject: string;
  amountFen: number;
}

const AMOUNTS_FEN = [1_000, 5_000, 10_000, 20_000, 50_000, 2_000, 30_000];

/** One letter and one digit per server, so each server's orders and trade numbers are distinct. */
const TAGS: Record<string, { letter: string; digit: string }> = {
  portal: { letter: 'P', digit: '1' },
  'portal-tsx': { letter: 'Q', digit: '2' },
  node: { letter: 'N', digit: '3' },
};

/** `count` orders with out_trade_no `XJB<letter><index>`: distinct per server, the same on every run. */
export function planNotifyOrders(server: string, count: number, targets: Target[], keys: SandboxKeys): NotifyOrder[] {
  const tag = TAGS[server];
  if (!tag) throw new Error(`未知的服务：${server}`);
  const orders: NotifyOrder[] = [];
  for (let i = 0; i < count; i++) {
    const { project, charity } = targets[(i * 5) % targets.length] as Target;
    const merchant = keys.merchantFor(charity.slug);
    const n = String(i).padStart(8, '0');
    orders.push({
      outTradeNo: `XJB${tag.letter}${n}`,
      // Alipay trade numbers: date + 22001 + digits; unique across orders (the ledger enforces it).
      tradeNo: `2026112722001${tag.digit}${String(i).padStart(14, '0')}`,
      appId: merchant.appId,
      sellerId: merchant.sellerId,
      charitySlug: charity.slug,
      projectSlug: project.slug,
      subject: alipaySubject(project.title),
      amountFen: AMOUNTS_FEN[i % AMOUNTS_FEN.length] as number,
    });
  }
  return orders;
}

function notifyFields(order: NotifyOrder, at: Date): Record<string, string> {
  const amount = fenToYuan(order.amountFen);
  const time = toAlipayTime(at);
  return {
    notify_time: time,
    notify_type: 'trade_status_sync',
    notify_id: createHash('sha256').update(order.outTradeNo).digest('hex').slice(0, 32),
    app_id: order.appId,
    auth_app_id: order.appId,
    charset: 'utf-8',
    version: '1.0',
    trade_no: order.tradeNo,
    out_trade_no: order.outTradeNo,
    buyer_id: '2088102177846880',
    buyer_logon_id: 'san***@sandbox.example',
    seller_id: order.sellerId,
    trade_status: 'TRADE_SUCCESS',
    total_amount: amount,
    receipt_amount: amount,
    invoice_amount: amount,
    buyer_pay_amount: amount,
    point_amount: '0.00',
    gmt_create: time,
    gmt_payment: time,
    subject: order.subject,
    fund_bill_list: JSON.stringify([{ amount, fundChannel: 'ALIPAYACCOUNT' }]),
  };
}

const cacheSchema = z.object({ key: z.string(), bodies: z.array(z.string()) });

/** Form bodies of the signed notifies, one per order, from the cache when it matches. */
export async function signedNotifyBodies(
  orders: NotifyOrder[],
  keys: SandboxKeys,
  cacheDir: string,
): Promise<string[]> {
  const { privateKey, publicKey } = keys.alipayKeys();
  const key = createHash('sha256').update(publicKey).update(JSON.stringify(orders)).digest('hex');
  const file = join(cacheDir, `notifies-${orders[0]?.outTradeNo.slice(0, 4) ?? 'none'}-${orders.length}.json`);
  if (existsSync(file)) {
    const cached = cacheSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (cached.success && cached.data.key === key) return cached.data.bodies;
  }
  const at = new Date();
  const bodies = orders.map((order) => formEncode(signNotify(notifyFields(order, at), privateKey)));
  await writeFile(file, JSON.stringify({ key, bodies }));
  return bodies;
}

/** Writes the orders as `pending` (with a waived receipt request) in batches; setup only. */
export async function insertPendingOrders(db: Kysely<LedgerDatabase>, orders: NotifyOrder[]): Promise<void> {
  const now = new Date();
  const createdAt = now.toISOString();
  const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  for (let i = 0; i < orders.length; i += 500) {
    const batch = orders.slice(i, i + 500).map((o) => ({ ...o, id: randomUUID() }));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('orders')
        .values(
          batch.map((o) => ({
            id: o.id,
            out_trade_no: o.outTradeNo,
            project_slug: o.projectSlug,
            charity_slug: o.charitySlug,
            merchant_app_id: o.appId,
            amount_fen: o.amountFen,
            channel: 'page' as const,
            anonymous: 1,
            display_name: null,
            message: null,
            status: 'pending' as const,
            trade_no: null,
            routed: 0,
            sandbox: 1,
            pay_expires_at: expires,
            created_at: createdAt,
            updated_at: createdAt,
            paid_at: null,
            closed_at: null,
          })),
        )
        .execute();
      await trx
        .insertInto('receipt_requests')
        .values(
          batch.map((o) => ({
            order_id: o.id,
            requested: 0,
            name_enc: null,
            tax_id_kind: null,
            tax_id_enc: null,
            email_enc: null,
            created_at: createdAt,
          })),
        )
        .execute();
    });
  }
}
