import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_NOT_FOUND_FOR_CHARITY } from '../../../../content/index.ts';
import { postTeamModeration } from '../../../../donations/index.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

/**
 * donations/teams/moderation.ts on both ledgers: the CMS's 团队处理 commands as the publisher hands
 * them over. One row per CMS entry; a team of another charity is answered like no team; a team
 * stays hidden while any entry — or the charity's token — hides it.
 */
describe.each(BACKENDS)('团队处理 in the ledger ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    if (backend.skip) return;
    h = await startHarness(backend.name, { snapshot: FIXTURE_SNAPSHOT });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const newTeam = async () => {
    const made = await postJson(`${h.url}/api/teams`, {
      projectSlug: 'minxian-zhuxue',
      name: '岷县小队',
      goalFen: 100_000,
    });
    expect(made.status, made.text).toBe(201);
    return made.json as unknown as { team: { id: string }; leaderKey: string };
  };
  const send = async (body: unknown) => {
    const answer = await postTeamModeration(h.ctx, body);
    return { status: answer.status, json: JSON.parse(String(answer.body)) as Record<string, unknown> };
  };
  const hide = (entry: string, team: string, charities = ['gansu-cishan']) =>
    send({ action: 'hide', entry, team, charities, reason: 'offensive-name' });
  const visible = async (id: string) => (await fetch(`${h.url}/api/teams/${id}`)).status === 200;
  const rows = async (team: string) =>
    (
      await h.ctx.ledger.db
        .withTables<{ team_moderations: { team_id: string; reason: string } }>()
        .selectFrom('team_moderations')
        .select('reason')
        .where('team_id', '=', team)
        .execute()
    ).map((r) => r.reason);

  it.skipIf(backend.skip)('refuses a malformed command with a Chinese message, writing nothing', async () => {
    const { team } = await newTeam();
    const bad = await send({ action: 'hide', entry: 'e1', team: team.id, charities: [], reason: 'offensive-name' });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { code: string }).code).toBe('INVALID_BODY');
    expect(await rows(team.id)).toEqual([]);
  });

  it.skipIf(backend.skip)('another charity’s team and an unknown team get the same answer', async () => {
    const { team } = await newTeam();
    const foreign = await hide('e-foreign', team.id, ['lanzhou-ertong']);
    const unknown = await hide('e-unknown', 'zzzzzzzzzzzz', ['lanzhou-ertong']);
    expect(foreign).toEqual(unknown);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ code: 'TEAM_NOT_FOUND', message: TEAM_NOT_FOUND_FOR_CHARITY });
    expect(await visible(team.id)).toBe(true);
  });

  it.skipIf(backend.skip)(
    'hiding is idempotent per entry, and the team is back only when no entry hides it',
    async () => {
      const { team } = await newTeam();
      const first = await hide('e-a', team.id);
      expect(first.status).toBe(200);
      expect(first.json.team).toMatchObject({ id: team.id, name: '岷县小队', charity: 'gansu-cishan' });
      expect((await hide('e-a', team.id)).status).toBe(200);
      expect(await rows(team.id)).toHaveLength(1);
      expect((await hide('e-b', team.id)).status).toBe(200);
      expect(await visible(team.id)).toBe(false);
      expect((await send({ action: 'restore', entry: 'e-a' })).json).toEqual({ restored: true });
      expect((await send({ action: 'restore', entry: 'e-a' })).json).toEqual({ restored: false });
      expect(await visible(team.id)).toBe(false);
      expect((await send({ action: 'restore', entry: 'e-b' })).json).toEqual({ restored: true });
      expect(await visible(team.id)).toBe(true);
    },
  );

  it.skipIf(backend.skip)(
    'a closed team can be hidden; a team the token hid stays hidden when the entry goes',
    async () => {
      const { team, leaderKey } = await newTeam();
      const closed = await postJson(
        `${h.url}/api/teams/${team.id}/close`,
        {},
        { authorization: `Bearer ${leaderKey}` },
      );
      expect(closed.status, closed.text).toBe(200);
      expect((await hide('e-closed', team.id)).status).toBe(200);
      expect(await visible(team.id)).toBe(false);
      const token = h.ctx.exportTokens.tokenFor('gansu-cishan');
      expect((await send({ action: 'restore', entry: 'e-closed' })).json).toEqual({ restored: true });
      const byToken = await postJson(
        `${h.url}/api/charities/gansu-cishan/teams/${team.id}/hide`,
        {},
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(byToken.status, byToken.text).toBe(200);
      expect((await hide('e-again', team.id)).status).toBe(200);
      expect((await send({ action: 'restore', entry: 'e-again' })).json).toEqual({ restored: true });
      expect(await visible(team.id)).toBe(false);
    },
  );
});
