import { type ReferralFact, type ReferralOutcome, referralFactSchema } from '../../content/contracts/referral-facts.ts';
import { todayIso } from '../../content/rules/dates.ts';
import type { WorkbenchDb } from '../db/open-db.ts';

/**
 * One de-identified fact per referral or report for the public aggregates (content/contracts/
 * referral-facts.ts): codes, a target group, dates and an outcome, read only from the plain
 * columns — never a personal column, a charity, a caseworker or a record id. Drafts (no charity
 * chosen yet) are not referrals yet. A pending referral whose charity let the deadline pass counts
 * as overdue. Facts survive the purge of personal data.
 */
const ACCEPTED: ReadonlySet<ReferralOutcome> = new Set(['accepted', 'helped', 'closed-unhelped']);

export async function deidentifiedFacts(wb: WorkbenchDb, now = new Date()): Promise<ReferralFact[]> {
  const today = todayIso(now);
  const rows = await wb.db
    .selectFrom('wb_referrals as r')
    .leftJoin('wb_offers as o', (j) => j.onRef('o.referral_id', '=', 'r.id').on('o.state', '=', 'offered'))
    .select([
      'r.direction',
      'r.province_code',
      'r.county_code',
      'r.target_group',
      'r.created_on',
      'r.accepted_on',
      'r.status',
      'o.deadline',
    ])
    .where('r.status', '!=', 'draft')
    .execute();
  return rows.map((row) => {
    let outcome: ReferralOutcome = row.status as ReferralOutcome;
    if (row.status === 'pending' && row.direction === 'to-charity' && row.deadline && row.deadline < today)
      outcome = 'overdue';
    return referralFactSchema.parse({
      direction: row.direction,
      provinceCode: row.province_code,
      countyCode: row.county_code,
      targetGroup: row.target_group,
      createdOn: row.created_on,
      // The contract carries an acceptance day only for a charity's acceptance; a county's answer to a
      // report keeps its day in accepted_on too, but that is not a charity accepting anyone.
      ...(row.accepted_on && row.direction === 'to-charity' && ACCEPTED.has(outcome)
        ? { acceptedOn: row.accepted_on }
        : {}),
      outcome,
    });
  });
}
