import { randomBytes } from 'node:crypto';
import { toAlipayTime } from '../alipay/alipay-time.ts';
import type { Params } from './alipay-signing.ts';
import type { FakeTrade } from './fake-alipay-store.ts';
import { DEFAULT_SANDBOX_BUYER } from './sandbox-buyer.ts';

/**
 * The fields of the asynchronous notify the FAKE ALIPAY sends for a trade as it stands (before
 * signing: `signNotify`), with Alipay's names and formats; `overrides` set or replace fields
 * (refund notifies add `refund_fee`, `out_biz_no`, `gmt_refund`; tests tamper with any of them).
 */
export function tradeNotifyFields(trade: FakeTrade, now: Date, overrides: Params = {}): Params {
  return {
    notify_time: toAlipayTime(now),
    notify_type: 'trade_status_sync',
    notify_id: randomBytes(16).toString('hex'),
    app_id: trade.app_id,
    auth_app_id: trade.app_id,
    charset: 'utf-8',
    version: '1.0',
    trade_no: trade.trade_no,
    out_trade_no: trade.out_trade_no,
    // The account chosen at the sandbox's cashier (sandbox-buyer.ts); the old fixed one otherwise.
    buyer_id: trade.buyer_id ?? DEFAULT_SANDBOX_BUYER,
    buyer_logon_id: 'san***@sandbox.example',
    seller_id: trade.seller_id,
    trade_status: trade.status,
    total_amount: trade.total_amount,
    receipt_amount: trade.total_amount,
    invoice_amount: trade.total_amount,
    buyer_pay_amount: trade.total_amount,
    point_amount: '0.00',
    gmt_create: trade.gmt_create,
    ...(trade.gmt_payment ? { gmt_payment: trade.gmt_payment } : {}),
    ...(trade.status === 'TRADE_CLOSED' ? { gmt_close: toAlipayTime(now) } : {}),
    subject: trade.subject,
    fund_bill_list: JSON.stringify([{ amount: trade.total_amount, fundChannel: 'ALIPAYACCOUNT' }]),
    ...overrides,
  };
}
