import {
  firstIssue,
  TEAM_NOT_FOUND_FOR_CHARITY,
  type TeamModerationAnswer,
  teamModerationCommandSchema,
} from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { teamsDb } from './tables.ts';

/**
 * 团队处理 (issue 18): the CMS hides a team for a charity editor and restores it when the entry is
 * deleted. The command comes from the CMS over the webhook's shared secret (publisher/webhook);
 * `charities` are the slugs the editor works for, and a team of any other charity answers exactly
 * like an unknown one. One row per CMS entry: hiding again with the same entry changes nothing
 * but the reason, restoring an entry that hid nothing is a no-op, and a team stays hidden while
 * any entry still hides it (or the charity's token hid it: store.ts `hideTeam`).
 */
export async function moderateTeam(
  ctx: DonationsContext,
  body: unknown,
): Promise<TeamModerationAnswer | { restored: boolean }> {
  const parsed = teamModerationCommandSchema.safeParse(body);
  if (!parsed.success) {
    const first = firstIssue(parsed.error);
    throw new DonationError(400, 'INVALID_BODY', first.message, first.field);
  }
  const command = parsed.data;
  const db = teamsDb(ctx.ledger.db);
  if (command.action === 'restore') {
    const gone = await db.deleteFrom('team_moderations').where('entry_id', '=', command.entry).executeTakeFirst();
    return { restored: Number(gone.numDeletedRows) > 0 };
  }
  // Whatever its state (open, closed, already hidden): the editor's own team is always found.
  const team = await db
    .selectFrom('teams')
    .select(['id', 'name', 'project_slug', 'charity_slug'])
    .where('id', '=', command.team)
    .where('charity_slug', 'in', command.charities)
    .executeTakeFirst();
  if (!team) throw new DonationError(404, 'TEAM_NOT_FOUND', TEAM_NOT_FOUND_FOR_CHARITY, 'team');
  const row = {
    team_id: team.id,
    charity_slug: team.charity_slug,
    reason: command.reason,
    created_at: ctx.now().toISOString(),
  };
  // Insert-or-update on the entry, one statement on both dialects (a repeated save is no error).
  await db
    .insertInto('team_moderations')
    .values({ entry_id: command.entry, ...row })
    .onConflict((oc) => oc.column('entry_id').doUpdateSet({ team_id: row.team_id, reason: row.reason }))
    .execute();
  const project = (await ctx.snapshots.current()).projects.get(team.project_slug);
  return {
    team: {
      id: team.id,
      name: team.name,
      project: { slug: team.project_slug, title: project?.title ?? team.project_slug },
      charity: team.charity_slug,
    },
  };
}
