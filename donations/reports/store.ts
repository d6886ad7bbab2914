import type { Kysely, Selectable } from 'kysely';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { ReportsDatabase, ReportsTable } from './tables.ts';

/** The reports tables through the ledger's connection (they are not part of the ledger's type). */
export type ReportsDb = Kysely<ReportsDatabase>;

export function reportsDb(ledger: Ledger): ReportsDb {
  return ledger.db.withTables<ReportsDatabase>() as unknown as ReportsDb;
}

export type ReportRow = Selectable<ReportsTable>;

/** The report and its outbox row, both or neither: a stored report is always on its way to the CMS. */
export async function insertReport(db: ReportsDb, row: ReportRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('reports').values(row).execute();
    await trx
      .insertInto('report_deliveries')
      .values({
        report_id: row.id,
        attempts: 0,
        next_attempt_at: row.received_at,
        lease_until: null,
        delivered_at: null,
        cms_document_id: null,
        last_error: null,
      })
      .execute();
  });
}

/** The latest report with this fingerprint received at or after `since`, if any. */
export async function findRecentDuplicate(
  db: ReportsDb,
  fingerprint: string,
  since: string,
): Promise<ReportRow | null> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('fingerprint', '=', fingerprint)
    .where('received_at', '>=', since)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function getReport(db: ReportsDb, id: string): Promise<ReportRow | null> {
  return (await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}
