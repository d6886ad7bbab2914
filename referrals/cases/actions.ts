import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { readYuanText } from '../../content/contracts/yuan-text.ts';
import { todayIso } from '../../content/rules/dates.ts';
import type { Account } from '../accounts/accounts.ts';
import { audit } from '../audit.ts';
import type { Workbench } from '../context.ts';
import type { OffersTable, ReferralsTable, WorkbenchDatabase } from '../db/schema.ts';
import { notFound, WorkbenchError } from '../errors.ts';
import { accessOf } from './access.ts';
import { answerDeadline } from './deadline.ts';
import { closeSchema, countyOutcomeSchema, declineSchema, firstIssue, helpSchema } from './forms.ts';

type Db = Kysely<WorkbenchDatabase>;

export async function loadReferral(
  db: Db,
  id: string,
): Promise<{ r: ReferralsTable; current: OffersTable | null } | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const r = await db.selectFrom('wb_referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const current =
    (await db
      .selectFrom('wb_offers')
      .selectAll()
      .where('referral_id', '=', id)
      .where('state', 'in', ['offered', 'accepted'])
      .executeTakeFirst()) ?? null;
  return { r, current };
}

/**
 * Runs a change on a referral the account is a party of, in one transaction with its audit row.
 * Not a party: 404, as if it did not exist. A party in the wrong state: 409 with what is possible.
 */
async function change(
  ctx: Workbench,
  account: Account,
  id: string,
  work: (
    trx: Db,
    found: { r: ReferralsTable; current: OffersTable | null },
    today: string,
  ) => Promise<{ action: Parameters<typeof audit>[2]['action']; fields: string[] }>,
): Promise<void> {
  const now = ctx.now();
  await ctx.wb.db.transaction().execute(async (trx) => {
    const found = await loadReferral(trx, id);
    if (!found || accessOf(account, found.r, found.current, todayIso(now)).kind !== 'party') throw notFound();
    const done = await work(trx, found, todayIso(now));
    await audit(
      trx,
      account,
      { action: done.action, referralId: id, fields: done.fields, countyCode: found.r.county_code },
      now,
    );
  });
}

function parse<T>(schema: import('zod').ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new WorkbenchError(400, 'INVALID_FORM', message, field);
  }
  return parsed.data;
}

/** The current offer must be this charity's and in `state`. */
function ownOffer(account: Account, current: OffersTable | null, state: OffersTable['state']): OffersTable {
  if (account.role !== 'charity' || !current || current.charity_slug !== account.charity_slug) {
    throw new WorkbenchError(403, 'FORBIDDEN', '只有当前受理的慈善组织可以办理此项');
  }
  if (current.state !== state) {
    throw new WorkbenchError(409, 'WRONG_STATE', state === 'offered' ? '该转介已答复过' : '请先接收该转介');
  }
  return current;
}

/** Offers the next charity the household agreed to; none left → the referral ends as declined. */
export async function offerNext(trx: Db, ctx: Workbench, referralId: string, today: string): Promise<boolean> {
  const next = await trx
    .selectFrom('wb_offers')
    .selectAll()
    .where('referral_id', '=', referralId)
    .where('state', '=', 'queued')
    .orderBy('rank')
    .executeTakeFirst();
  if (!next) {
    await trx
      .updateTable('wb_referrals')
      .set({ status: 'declined', closed_on: today })
      .where('id', '=', referralId)
      .execute();
    return false;
  }
  await trx
    .updateTable('wb_offers')
    .set({ state: 'offered', offered_on: today, deadline: answerDeadline(today, ctx.config.deadlineWorkingDays) })
    .where('id', '=', next.id)
    .execute();
  return true;
}

export function accept(ctx: Workbench, account: Account, id: string): Promise<void> {
  return change(ctx, account, id, async (trx, { current }, today) => {
    const offer = ownOffer(account, current, 'offered');
    await trx
      .updateTable('wb_offers')
      .set({ state: 'accepted', decided_on: today })
      .where('id', '=', offer.id)
      .execute();
    await trx
      .updateTable('wb_referrals')
      .set({ status: 'accepted', accepted_on: today })
      .where('id', '=', id)
      .execute();
    return { action: 'accept', fields: ['status'] };
  });
}

export function decline(ctx: Workbench, account: Account, id: string, body: unknown): Promise<void> {
  const f = parse(declineSchema, body);
  return change(ctx, account, id, async (trx, { current }, today) => {
    const offer = ownOffer(account, current, 'offered');
    const reason = f.detail ? `${f.reason}：${f.detail}` : f.reason;
    await trx
      .updateTable('wb_offers')
      .set({ state: 'declined', decided_on: today, reason_enc: ctx.cipher.seal(offer.id, 'reason', reason) })
      .where('id', '=', offer.id)
      .execute();
    await offerNext(trx, ctx, id, today);
    return { action: 'decline', fields: ['status', 'reason'] };
  });
}

export function recordHelp(ctx: Workbench, account: Account, id: string, body: Record<string, unknown>): Promise<void> {
  const yuan = readYuanText(String(body.amount ?? ''));
  if (!yuan.ok)
    throw new WorkbenchError(400, 'INVALID_FORM', '金额应为不超过两位小数的元数，例如 500 或 1200.50', 'amount');
  const f = parse(helpSchema, { ...body, amountFen: yuan.fen });
  return change(ctx, account, id, async (trx, { current }, _today) => {
    const offer = ownOffer(account, current, 'accepted');
    const helpId = randomUUID();
    await trx
      .insertInto('wb_help')
      .values({
        id: helpId,
        referral_id: id,
        charity_slug: offer.charity_slug,
        kind: f.kind,
        amount_fen: f.amountFen,
        started_on: f.startedOn,
        ended_on: f.endedOn,
        note_enc: ctx.cipher.sealOptional(helpId, 'note', f.note),
        recorded_by: account.id,
        recorded_at: ctx.now().toISOString(),
      })
      .execute();
    return { action: 'help', fields: f.note ? ['help', 'note'] : ['help'] };
  });
}

export function close(ctx: Workbench, account: Account, id: string, body: unknown): Promise<void> {
  const f = parse(closeSchema, body);
  return change(ctx, account, id, async (trx, { current }, today) => {
    ownOffer(account, current, 'accepted');
    if (f.outcome === 'helped') {
      const help = await trx.selectFrom('wb_help').select('id').where('referral_id', '=', id).executeTakeFirst();
      if (!help) throw new WorkbenchError(409, 'NO_HELP_RECORDED', '以“已帮扶”结案前，请先登记至少一次帮扶', 'outcome');
    }
    await trx
      .updateTable('wb_referrals')
      .set({
        status: f.outcome,
        closed_on: today,
        outcome_note_enc: ctx.cipher.sealOptional(id, 'outcomeNote', f.note),
      })
      .where('id', '=', id)
      .execute();
    return { action: 'close', fields: f.note ? ['status', 'outcomeNote'] : ['status'] };
  });
}

/** The county moves an overdue offer on to the next charity the household agreed to. */
export function passOn(ctx: Workbench, account: Account, id: string): Promise<void> {
  return change(ctx, account, id, async (trx, { r, current }, today) => {
    if (account.role !== 'civil-affairs' || r.direction !== 'to-charity')
      throw new WorkbenchError(403, 'FORBIDDEN', '只有县级民政经办人员可以转给下一家');
    if (current?.state !== 'offered' || !current.deadline || current.deadline >= today) {
      throw new WorkbenchError(409, 'NOT_OVERDUE', '只有超过答复期限仍未答复的转介才能转给下一家');
    }
    await trx
      .updateTable('wb_offers')
      .set({ state: 'passed', decided_on: today })
      .where('id', '=', current.id)
      .execute();
    await offerNext(trx, ctx, id, today);
    return { action: 'pass-on', fields: ['status'] };
  });
}

/** The county's answer to a charity's report (the charity sees it). */
export function recordCountyOutcome(ctx: Workbench, account: Account, id: string, body: unknown): Promise<void> {
  const f = parse(countyOutcomeSchema, body);
  return change(ctx, account, id, async (trx, { r }, today) => {
    if (account.role !== 'civil-affairs' || r.direction !== 'to-civil-affairs') {
      throw new WorkbenchError(403, 'FORBIDDEN', '只有县级民政经办人员可以登记办理结果');
    }
    if (r.status !== 'pending' && r.status !== 'assessed') {
      throw new WorkbenchError(409, 'WRONG_STATE', '该报告已有最终办理结果');
    }
    const final = f.outcome !== 'assessed';
    await trx
      .updateTable('wb_referrals')
      .set({
        status: f.outcome,
        accepted_on: r.accepted_on ?? today,
        closed_on: final ? today : null,
        outcome_note_enc: ctx.cipher.sealOptional(id, 'outcomeNote', f.note),
      })
      .where('id', '=', id)
      .execute();
    return { action: 'outcome', fields: f.note ? ['status', 'outcomeNote'] : ['status'] };
  });
}
