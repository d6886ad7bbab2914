import type { ReportIntake, ReportKind, ReportTargetKind } from '../../content/index.ts';
import type { DonationsConfig } from '../config.ts';
import { buyerRefFromConfig } from '../context.ts';
import { type Ledger, openLedger } from '../ledger/open-ledger.ts';
import { ReceiptCipher } from '../receipt-cipher.ts';
import { migrateReports } from './migrations.ts';
import { getReport, type ReportsDb, reportsDb } from './store.ts';

/**
 * The outbox that carries stored reports to the CMS (DESIGN.md: the portal accepts reports while
 * Strapi is down; the publisher, which holds the CMS's report secret, delivers them). Each report
 * is delivered until the CMS has it, and exactly once: its reference is the idempotency key, so a
 * delivery whose answer was lost (a crash, a timeout) is repeated and the CMS answers with the
 * entry it already made. A row is leased while it is being sent, so several portal processes
 * never send the same report at the same time. Failures are retried with exponential backoff.
 */
export type ReportSink = (intake: ReportIntake) => Promise<{ documentId: string }>;

export interface DeliveryOptions {
  now?: () => Date;
  /** Reports taken per run. @default 20 */
  batch?: number;
  /** How long a worker holds a row while it sends it. @default 60 s */
  leaseMs?: number;
  log?: (message: string) => void;
}

export interface DeliveryRun {
  delivered: number;
  failed: number;
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 3_600_000;

/** Wait after the `attempts`-th failure: 5 s, 10 s, 20 s … at most an hour (and then every hour). */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface ReportOutbox {
  db: ReportsDb;
  cipher: ReceiptCipher;
  close(): Promise<void>;
}

/** The outbox from the donations configuration (the ledger's database and its personal-data key). */
export async function openReportOutbox(config: DonationsConfig): Promise<ReportOutbox> {
  // With the buyer-id key: if this opens an older ledger first, its migration hashes (not drops) buyer ids.
  const ledger: Ledger = await openLedger(config.ledger, { buyerRef: buyerRefFromConfig(config) });
  try {
    await migrateReports(ledger);
  } catch (error) {
    await ledger.close();
    throw error;
  }
  return {
    db: reportsDb(ledger),
    cipher: ReceiptCipher.fromConfig(config),
    close: () => ledger.close(),
  };
}

/** Takes the row for this worker; false when another worker has it or it was delivered meanwhile. */
async function claim(db: ReportsDb, reportId: string, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable('report_deliveries')
    .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('report_id', '=', reportId)
    .where('delivered_at', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function intakeOf(outbox: ReportOutbox, reportId: string): Promise<ReportIntake> {
  const row = await getReport(outbox.db, reportId);
  if (!row) throw new Error(`举报 ${reportId} 不存在`);
  return {
    reference: row.reference,
    kind: row.kind as ReportKind,
    text: row.text,
    contact: row.contact_enc ? outbox.cipher.decrypt(row.contact_enc) : null,
    target: {
      kind: row.target_kind as ReportTargetKind,
      slug: row.target_slug,
      title: row.target_title,
      path: row.target_path,
    },
    charitySlug: row.charity_slug,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/** One pass over the due rows: each is claimed, sent, and marked delivered or scheduled again. */
export async function deliverDueReports(
  outbox: ReportOutbox,
  sink: ReportSink,
  options: DeliveryOptions = {},
): Promise<DeliveryRun> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => console.warn(m));
  const leaseMs = options.leaseMs ?? 60_000;
  const { db } = outbox;
  const start = now();
  const due = await db
    .selectFrom('report_deliveries')
    .select(['report_id', 'attempts'])
    .where('delivered_at', 'is', null)
    .where('next_attempt_at', '<=', start.toISOString())
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', start.toISOString())]))
    .orderBy('next_attempt_at')
    .limit(options.batch ?? 20)
    .execute();
  const run: DeliveryRun = { delivered: 0, failed: 0 };
  for (const { report_id: reportId, attempts } of due) {
    if (!(await claim(db, reportId, now(), leaseMs))) continue;
    let reference = reportId;
    try {
      const intake = await intakeOf(outbox, reportId);
      reference = intake.reference;
      const { documentId } = await sink(intake);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('report_deliveries')
          .set({
            delivered_at: at,
            cms_document_id: documentId,
            attempts: attempts + 1,
            lease_until: null,
            last_error: null,
          })
          .where('report_id', '=', reportId)
          .execute();
        // The CMS has the contact now; the portal keeps no copy (PIPL Art. 6, 19).
        await trx.updateTable('reports').set({ contact_enc: null }).where('id', '=', reportId).execute();
      });
      run.delivered++;
    } catch (error) {
      const failures = attempts + 1;
      const message = (error as Error)?.message ?? String(error);
      const next = new Date(now().getTime() + retryDelayMs(failures));
      await db
        .updateTable('report_deliveries')
        .set({
          attempts: failures,
          next_attempt_at: next.toISOString(),
          lease_until: null,
          last_error: message.slice(0, 500),
        })
        .where('report_id', '=', reportId)
        .execute();
      log(`举报 ${reference} 第 ${failures} 次转交内容管理系统失败（${next.toISOString()} 重试）：${message}`);
      run.failed++;
    }
  }
  return run;
}
