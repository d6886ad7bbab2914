import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_OUTCOMES, referralFactsSchema } from '../../../content/contracts/referral-facts.ts';
import { lintPii } from '../../../content/rules/pii-lint.ts';
import { generateSnapshot } from '../../../datasets/index.ts';
import { login } from '../../../referrals/accounts/accounts.ts';
import { readReferral } from '../../../referrals/cases/read.ts';
import { readReferralsConfig } from '../../../referrals/config.ts';
import type { Workbench } from '../../../referrals/context.ts';
import { deidentifiedFacts, ensureDemoWorkbench, openWorkbench } from '../../../referrals/index.ts';
import { REFERRAL_HOUSEHOLD_STRINGS } from '../../support/fixtures/referral-households.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

/**
 * What `npm start` prepares (publisher/start.ts → ensureDemoWorkbench) on the demo dataset, on the
 * embedded default (SQLite): accounts whose passwords are in the demo accounts file, a few
 * hundred fictional referrals and reports in every state, and nothing twice.
 */
const tmp = tempDirs();

describe('the demo workbench', () => {
  let ctx: Workbench;
  const now = new Date('2026-06-10T02:00:00Z');

  beforeAll(async () => {
    const dir = tmp('xj-workbench-demo-');
    const snapshotPath = join(dir, 'demo.json');
    writeFileSync(snapshotPath, JSON.stringify(generateSnapshot({ size: 'demo', asOf: '2026-06-10' })));
    ctx = await openWorkbench(
      readReferralsConfig({ XIANJIE_DATA_DIR: dir, DONATIONS_SNAPSHOT: snapshotPath }, dir),
      () => now,
    );
  });
  afterAll(async () => {
    await ctx?.wb.close();
  });

  it('creates caseworker accounts and referrals in every state, once', async () => {
    const first = await ensureDemoWorkbench({ ctx });
    expect(first.created).toBe(true);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(first.path, 'utf8')) as {
      accounts: { username: string; password: string; role: string }[];
    };
    expect(new Set(file.accounts.map((a) => a.role))).toEqual(new Set(['civil-affairs', 'charity', 'ministry']));
    for (const a of file.accounts)
      expect((await login(ctx.wb, ctx.config, a.username, a.password, now)).ok, a.username).toBe(true);

    const rows = await ctx.wb.db.selectFrom('wb_referrals').select(['status', 'direction']).execute();
    expect(rows.length).toBe(300);
    const statuses = new Set(rows.map((r) => r.status));
    // Every outcome a record can be in (overdue is a pending one past its deadline), and drafts.
    for (const s of ['draft', ...REFERRAL_OUTCOMES.filter((o) => o !== 'overdue')]) {
      expect(statuses, s).toContain(s);
    }
    const facts = await deidentifiedFacts(ctx.wb, now);
    // What the publisher will accept: the contract the public aggregates are built from.
    expect(referralFactsSchema.safeParse(facts).error).toBeUndefined();
    const outcomes = new Set(facts.map((f) => f.outcome));
    expect(outcomes).toContain('overdue');

    expect((await ensureDemoWorkbench({ ctx })).created).toBe(false);
    expect(await ctx.wb.db.selectFrom('wb_referrals').select('id').execute()).toHaveLength(300);
  });

  it('households are fictional: their visible personal text passes the PII lint', async () => {
    const county = await ctx.wb.db
      .selectFrom('wb_accounts')
      .selectAll()
      .where('username', 'like', 'county.%')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const some = await ctx.wb.db
      .selectFrom('wb_referrals')
      .select('id')
      .where('county_code', '=', county.region_code ?? '')
      .limit(20)
      .execute();
    expect(some.length).toBeGreaterThan(0);
    for (const { id } of some) {
      const view = await readReferral(ctx, county, id);
      for (const [field, value] of Object.entries(view.person)) {
        expect(lintPii(value), `${field}: ${value}`).toEqual([]);
        // …and each is one of the strings the release tests search every public file for.
        expect(
          REFERRAL_HOUSEHOLD_STRINGS.some((known) => value.includes(known)),
          `${field}: ${value}`,
        ).toBe(true);
      }
    }
  });
});
