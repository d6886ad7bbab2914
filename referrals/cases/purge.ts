import { addDays, todayIso } from '../../content/rules/dates.ts';
import { audit, SYSTEM_ACTOR } from '../audit.ts';
import type { Workbench } from '../context.ts';

/**
 * Erases the personal data of records closed more than `purgeAfterDays` ago: every encrypted
 * column becomes null (the record, its course and its de-identified fact stay), and each purge is
 * audited. Returns how many records were purged.
 */
export async function purgeClosed(ctx: Workbench): Promise<number> {
  const now = ctx.now();
  const cutoff = addDays(todayIso(now), -ctx.config.purgeAfterDays);
  const due = await ctx.wb.db
    .selectFrom('wb_referrals')
    .select(['id', 'county_code'])
    .where('purged_at', 'is', null)
    .where('closed_on', 'is not', null)
    .where('closed_on', '<=', cutoff)
    .execute();
  for (const r of due) {
    await ctx.wb.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('wb_referrals')
        .set({
          name_enc: null,
          id_number_enc: null,
          phone_enc: null,
          address_enc: null,
          notes_enc: null,
          consent_by_enc: null,
          guardian_enc: null,
          gov_reason_enc: null,
          outcome_note_enc: null,
          purged_at: now.toISOString(),
        })
        .where('id', '=', r.id)
        .execute();
      await trx.updateTable('wb_offers').set({ reason_enc: null }).where('referral_id', '=', r.id).execute();
      await trx.updateTable('wb_help').set({ note_enc: null }).where('referral_id', '=', r.id).execute();
      await audit(
        trx,
        SYSTEM_ACTOR,
        { action: 'purge', referralId: r.id, fields: ['all-personal'], countyCode: r.county_code },
        now,
      );
    });
  }
  return due.length;
}
