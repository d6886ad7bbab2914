import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { fenToYuan, yuanToFen } from '../money.ts';

/**
 * The fake Alipay's own books: the trades "Alipay" knows about. Deliberately separate from our
 * ledger (it plays the other side), in its own SQLite file under `.data/donations/sandbox/`, so the
 * site and the reconciliation script (separate processes) see the same trades.
 */
export type FakeTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED';

export interface FakeTrade {
  app_id: string;
  out_trade_no: string;
  trade_no: string;
  seller_id: string;
  total_amount: string;
  subject: string;
  product_code: string;
  status: FakeTradeStatus;
  notify_url: string | null;
  return_url: string | null;
  time_expire: string | null;
  gmt_create: string;
  gmt_payment: string | null;
  notify_attempts: number;
  last_notify_reply: string | null;
  /** The account that paid (the cashier's choice, sandbox-buyer.ts); null until paid. */
  buyer_id?: string | null;
}

export interface FakeRefund {
  app_id: string;
  out_trade_no: string;
  out_request_no: string;
  refund_amount: string;
  refund_reason: string | null;
  /** `yyyy-MM-dd HH:mm:ss.SSS`, Beijing time, as Alipay writes refund times. */
  gmt_refund: string;
}

/** A refund Alipay holds: just made, or a repeat of one under the same request number. */
export interface FakeRefundDone {
  kind: 'refunded' | 'repeat';
  trade: FakeTrade;
  refund: FakeRefund;
  /** The trade's refunded total, in fen. */
  totalFen: number;
}

export type FakeRefundResult =
  | FakeRefundDone
  | { kind: 'not-refundable' | 'too-much'; trade: FakeTrade }
  | { kind: 'no-trade' | 'amount-differs' };

export class FakeAlipayStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`create table if not exists trades (
      app_id text not null, out_trade_no text not null, trade_no text not null unique,
      seller_id text not null, total_amount text not null, subject text not null, product_code text not null,
      status text not null, notify_url text, return_url text, time_expire text,
      gmt_create text not null, gmt_payment text, notify_attempts integer not null default 0,
      last_notify_reply text, primary key (app_id, out_trade_no))`);
    // Stores made before the cashier let the tester choose the paying account lack the column.
    const columns = this.db.prepare('pragma table_info(trades)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'buyer_id')) this.db.exec('alter table trades add column buyer_id text');
    this.db.exec(`create table if not exists refunds (
      app_id text not null, out_trade_no text not null, out_request_no text not null,
      refund_amount text not null, refund_reason text, gmt_refund text not null,
      primary key (app_id, out_trade_no, out_request_no))`);
  }

  refunds(appId: string, outTradeNo: string): FakeRefund[] {
    return this.db
      .prepare('select * from refunds where app_id = ? and out_trade_no = ? order by gmt_refund, rowid')
      .all(appId, outTradeNo) as FakeRefund[];
  }

  /**
   * Records a refund of a paid trade, as Alipay does: the same request number again is the same
   * refund (`repeat`), the total never exceeds the trade, and the trade closes when all of it went
   * back. One SQLite transaction, so concurrent requests cannot both pass the check.
   */
  refund(
    appId: string,
    outTradeNo: string,
    request: { outRequestNo: string; amountFen: number; reason: string | null; gmtRefund: string },
  ): FakeRefundResult {
    return this.db.transaction((): FakeRefundResult => {
      const trade = this.get(appId, outTradeNo);
      if (!trade) return { kind: 'no-trade' };
      const existing = this.refunds(appId, outTradeNo);
      const same = existing.find((r) => r.out_request_no === request.outRequestNo);
      const totalOf = (list: FakeRefund[]) => list.reduce((sum, r) => sum + (yuanToFen(r.refund_amount) ?? 0), 0);
      if (same) {
        if (yuanToFen(same.refund_amount) !== request.amountFen) return { kind: 'amount-differs' };
        return { kind: 'repeat', trade, refund: same, totalFen: totalOf(existing) };
      }
      if (trade.status !== 'TRADE_SUCCESS') return { kind: 'not-refundable', trade };
      const tradeFen = yuanToFen(trade.total_amount) ?? 0;
      if (totalOf(existing) + request.amountFen > tradeFen) return { kind: 'too-much', trade };
      const refund: FakeRefund = {
        app_id: appId,
        out_trade_no: outTradeNo,
        out_request_no: request.outRequestNo,
        refund_amount: fenToYuan(request.amountFen),
        refund_reason: request.reason,
        gmt_refund: request.gmtRefund,
      };
      this.db
        .prepare(
          `insert into refunds values (@app_id, @out_trade_no, @out_request_no, @refund_amount, @refund_reason,
            @gmt_refund)`,
        )
        .run(refund);
      const totalFen = totalOf([...existing, refund]);
      if (totalFen === tradeFen) this.transition(appId, outTradeNo, 'TRADE_SUCCESS', 'TRADE_CLOSED');
      return { kind: 'refunded', trade: this.get(appId, outTradeNo) as FakeTrade, refund, totalFen };
    })();
  }

  get(appId: string, outTradeNo: string): FakeTrade | null {
    return (
      (this.db.prepare('select * from trades where app_id = ? and out_trade_no = ?').get(appId, outTradeNo) as
        | FakeTrade
        | undefined) ?? null
    );
  }

  /** Inserts unless a trade with this (app_id, out_trade_no) exists; returns the stored one. */
  createIfAbsent(trade: FakeTrade): FakeTrade {
    this.db
      .prepare(
        `insert into trades (app_id, out_trade_no, trade_no, seller_id, total_amount, subject, product_code,
          status, notify_url, return_url, time_expire, gmt_create, gmt_payment, notify_attempts, last_notify_reply,
          buyer_id)
         values (@app_id, @out_trade_no, @trade_no, @seller_id, @total_amount, @subject,
          @product_code, @status, @notify_url, @return_url, @time_expire, @gmt_create, @gmt_payment,
          @notify_attempts, @last_notify_reply, @buyer_id) on conflict (app_id, out_trade_no) do nothing`,
      )
      .run({ ...trade, buyer_id: trade.buyer_id ?? null });
    return this.get(trade.app_id, trade.out_trade_no) as FakeTrade;
  }

  /**
   * Moves a trade from one status to another; false when it was not in `from`. A payment names the
   * account that paid (`buyerId`); a trade keeps the first account that paid it.
   */
  transition(
    appId: string,
    outTradeNo: string,
    from: FakeTradeStatus,
    to: FakeTradeStatus,
    gmtPayment?: string,
    buyerId?: string,
  ) {
    const result = this.db
      .prepare(
        `update trades set status = ?, gmt_payment = coalesce(?, gmt_payment), buyer_id = coalesce(buyer_id, ?)
         where app_id = ? and out_trade_no = ? and status = ?`,
      )
      .run(to, gmtPayment ?? null, buyerId ?? null, appId, outTradeNo, from);
    return result.changes === 1;
  }

  recordNotify(appId: string, outTradeNo: string, reply: string): void {
    this.db
      .prepare(
        'update trades set notify_attempts = notify_attempts + 1, last_notify_reply = ? where app_id = ? and out_trade_no = ?',
      )
      .run(reply.slice(0, 200), appId, outTradeNo);
  }

  close(): void {
    this.db.close();
  }
}
