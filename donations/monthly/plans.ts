import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { MonthlyDatabase, MonthlyPlansTable } from './tables.ts';

/** The monthly tables through the ledger's connection (they are not part of the ledger's type). */
export type MonthlyDb = Kysely<MonthlyDatabase>;
export type PlanRow = Selectable<MonthlyPlansTable>;

export function monthlyDb(ledger: Ledger): MonthlyDb {
  return ledger.db.withTables<MonthlyDatabase>() as unknown as MonthlyDb;
}

/** The private management link's token: 32 random bytes, base64url (43 characters). */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Stored instead of the token: a lost database gives no one the links. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(`xianjie-monthly:${token}`).digest('hex');
}

/** `XJM` + 24 hex digits: Alipay's external_agreement_no allows letters and digits, ≤ 32. */
export function newExternalAgreementNo(): string {
  return `XJM${randomBytes(12).toString('hex').toUpperCase()}`;
}

export async function planByToken(db: MonthlyDb, token: string): Promise<PlanRow | null> {
  if (!MANAGE_TOKEN.test(token)) return null;
  return (
    (await db
      .selectFrom('monthly_plans')
      .selectAll()
      .where('token_hash', '=', hashManageToken(token))
      .executeTakeFirst()) ?? null
  );
}

export async function planByExternalNo(db: MonthlyDb, externalNo: string): Promise<PlanRow | null> {
  return (
    (await db
      .selectFrom('monthly_plans')
      .selectAll()
      .where('external_agreement_no', '=', externalNo)
      .executeTakeFirst()) ?? null
  );
}

export async function getPlan(db: MonthlyDb, id: string): Promise<PlanRow | null> {
  return (await db.selectFrom('monthly_plans').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertPlan(db: MonthlyDb, plan: PlanRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('monthly_plans').values(plan).execute();
    await trx
      .insertInto('plan_events')
      .values({ id: randomUUID(), plan_id: plan.id, at: plan.created_at, kind: 'created', detail: '等待在支付宝签约' })
      .execute();
  });
}

/** One line of the plan's history (shown on the donor's page). */
export async function recordPlanEvent(
  db: MonthlyDb,
  planId: string,
  at: string,
  kind: string,
  detail: string,
): Promise<void> {
  await db.insertInto('plan_events').values({ id: randomUUID(), plan_id: planId, at, kind, detail }).execute();
}
