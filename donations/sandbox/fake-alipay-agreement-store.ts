import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The FAKE ALIPAY's record of 周期扣款 agreements (sandbox only), in its own SQLite file beside the
 * fake's trades: what "Alipay" knows, deliberately apart from our plans (it plays the other side).
 * Status as Alipay names it: TEMP (page shown, not signed), NORMAL (signed), STOP (unsigned).
 */
export type FakeAgreementStatus = 'TEMP' | 'NORMAL' | 'STOP';

export interface FakeAgreement {
  app_id: string;
  external_agreement_no: string;
  agreement_no: string | null;
  status: FakeAgreementStatus;
  sign_scene: string;
  single_amount: string;
  execute_time: string;
  notify_url: string | null;
  return_url: string | null;
  sign_time: string | null;
  unsign_time: string | null;
  /** Deductions still to refuse (tests and the demo play an empty balance with this). */
  fail_remaining: number;
  fail_code: string | null;
}

export class FakeAgreementStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`create table if not exists agreements (
      app_id text not null, external_agreement_no text not null, agreement_no text unique,
      status text not null, sign_scene text not null, single_amount text not null, execute_time text not null,
      notify_url text, return_url text, sign_time text, unsign_time text,
      fail_remaining integer not null default 0, fail_code text,
      primary key (app_id, external_agreement_no))`);
  }

  byExternal(appId: string, externalNo: string): FakeAgreement | null {
    return (
      (this.db
        .prepare('select * from agreements where app_id = ? and external_agreement_no = ?')
        .get(appId, externalNo) as FakeAgreement | undefined) ?? null
    );
  }

  byAgreementNo(appId: string, agreementNo: string): FakeAgreement | null {
    return (
      (this.db.prepare('select * from agreements where app_id = ? and agreement_no = ?').get(appId, agreementNo) as
        | FakeAgreement
        | undefined) ?? null
    );
  }

  /** The page was shown: remember the request (a second showing keeps the first). */
  createIfAbsent(row: FakeAgreement): FakeAgreement {
    this.db
      .prepare(
        `insert into agreements values (@app_id, @external_agreement_no, @agreement_no, @status, @sign_scene,
          @single_amount, @execute_time, @notify_url, @return_url, @sign_time, @unsign_time, @fail_remaining,
          @fail_code) on conflict (app_id, external_agreement_no) do nothing`,
      )
      .run(row);
    return this.byExternal(row.app_id, row.external_agreement_no) as FakeAgreement;
  }

  /** TEMP → NORMAL with Alipay's agreement number; false when it was not waiting. */
  sign(appId: string, externalNo: string, agreementNo: string, at: string): boolean {
    return (
      this.db
        .prepare(
          `update agreements set status = 'NORMAL', agreement_no = ?, sign_time = ?
           where app_id = ? and external_agreement_no = ? and status = 'TEMP'`,
        )
        .run(agreementNo, at, appId, externalNo).changes === 1
    );
  }

  /** NORMAL → STOP; false when it was not live. */
  unsign(appId: string, agreementNo: string, at: string): boolean {
    return (
      this.db
        .prepare(
          `update agreements set status = 'STOP', unsign_time = ? where app_id = ? and agreement_no = ? and status = 'NORMAL'`,
        )
        .run(at, appId, agreementNo).changes === 1
    );
  }

  /** The next `count` deductions on this agreement are refused with `subCode`. */
  failNext(appId: string, agreementNo: string, count: number, subCode: string): void {
    this.db
      .prepare('update agreements set fail_remaining = ?, fail_code = ? where app_id = ? and agreement_no = ?')
      .run(count, subCode, appId, agreementNo);
  }

  /** Consumes one planned refusal; its sub_code, or null when the deduction may go through. */
  takeFailure(appId: string, agreementNo: string): string | null {
    return this.db.transaction(() => {
      const row = this.byAgreementNo(appId, agreementNo);
      if (!row || row.fail_remaining <= 0) return null;
      this.db
        .prepare('update agreements set fail_remaining = fail_remaining - 1 where app_id = ? and agreement_no = ?')
        .run(appId, agreementNo);
      return row.fail_code ?? 'ACQ.BUYER_BALANCE_NOT_ENOUGH';
    })();
  }

  close(): void {
    this.db.close();
  }
}
