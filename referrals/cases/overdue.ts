import { todayIso } from '../../content/rules/dates.ts';
import { audit, SYSTEM_ACTOR } from '../audit.ts';
import type { Workbench } from '../context.ts';
import { offerNext } from './actions.ts';

/**
 * Offers every overdue referral to the next charity the household agreed to (民发〔2023〕46号:
 * 及时予以帮扶 — a charity that lets the deadline pass must not hold the household up). An offer is
 * overdue the day after its deadline (cases/deadline.ts). Each pass is its own transaction with an
 * audit row by the system, so the county and the oversight role see who moved it and when.
 *
 * A referral with no next charity stays with the charity, overdue: it stands out on both sides and
 * the county decides (calls the charity, or starts a new referral) — the machine does not close a
 * household's case as declined on its own. Returns how many referrals were passed on.
 */
export async function passOnOverdue(ctx: Workbench): Promise<number> {
  const now = ctx.now();
  const today = todayIso(now);
  const due = await ctx.wb.db
    .selectFrom('wb_offers as o')
    .innerJoin('wb_referrals as r', 'r.id', 'o.referral_id')
    .select(['o.id as offerId', 'o.referral_id as referralId', 'r.county_code as countyCode'])
    .where('o.state', '=', 'offered')
    .where('o.deadline', '<', today)
    .where('r.status', '=', 'pending')
    .where('r.direction', '=', 'to-charity')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('wb_offers as q')
          .select('q.id')
          .whereRef('q.referral_id', '=', 'o.referral_id')
          .where('q.state', '=', 'queued'),
      ),
    )
    .execute();
  let passed = 0;
  for (const d of due) {
    const moved = await ctx.wb.db.transaction().execute(async (trx) => {
      // Another process (a second portal, the county's button) may have moved it meanwhile: only an
      // offer still open and still overdue is passed.
      const still = await trx
        .updateTable('wb_offers')
        .set({ state: 'passed', decided_on: today })
        .where('id', '=', d.offerId)
        .where('state', '=', 'offered')
        .where('deadline', '<', today)
        .executeTakeFirst();
      if (Number(still.numUpdatedRows) !== 1) return false;
      await offerNext(trx, ctx, d.referralId, today);
      await audit(
        trx,
        SYSTEM_ACTOR,
        { action: 'auto-pass-on', referralId: d.referralId, fields: ['status'], countyCode: d.countyCode },
        now,
      );
      return true;
    });
    if (moved) passed++;
  }
  return passed;
}
