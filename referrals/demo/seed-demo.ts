import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { addDays, todayIso } from '../../content/rules/dates.ts';
import { regionLevelOf } from '../../content/schemas/region.ts';
import { createAccount, type NewAccount } from '../accounts/accounts.ts';
import { answerDeadline } from '../cases/deadline.ts';
import { type Suggestion, suggestCharities } from '../cases/suggest.ts';
import { CLOSED_STATUSES } from '../cases/vocabulary.ts';
import type { Workbench } from '../context.ts';
import { generatePassword } from '../crypto/passwords.ts';
import type { ReferralStatus } from '../db/schema.ts';
import { workbench } from '../runtime.ts';

/**
 * The demo workbench `npm start` prepares on a fresh data directory: caseworker accounts (their
 * generated passwords in `<data>/referrals/demo-accounts.json`, 0600, beside the CMS's own demo
 * accounts file) and a few hundred fictional referrals and reports in every state, for the
 * counties and charities of the live snapshot. Households are plainly fictional (演示户 …, no ID
 * number or phone); nothing is done when any account exists already.
 */
export interface DemoAccountLine {
  username: string;
  password: string;
  role: NewAccount['role'];
  label: string;
}

const STATES: ReferralStatus[] = [
  'draft',
  'pending',
  'pending',
  'accepted',
  'accepted',
  'helped',
  'helped',
  'closed-unhelped',
  'declined',
];
const REPORT_STATES: ReferralStatus[] = ['pending', 'assessed', 'not-eligible', 'assisted', 'helped-to-apply'];
const NOTES = [
  '家中主要劳动力因病不能工作，医疗支出较大。',
  '老人独居，行动不便，需要定期探访。',
  '孩子上学费用有困难，家庭收入不稳定。',
  '住房条件差，冬季取暖困难。',
];
/** Every demo household's name (and consenting person) is this prefix and its number. */
const NAME_PREFIX = '演示户';
const ADDRESS = '演示地址（虚构）';
const GOV_REASON = '演示说明：已按规定审核';

/**
 * Every personal string the demo seeds (names by their common prefix), so the release tests can
 * search every public file for them (tests/support/fixtures/referral-households.ts).
 */
export const DEMO_PERSONAL_STRINGS: readonly string[] = [NAME_PREFIX, ADDRESS, GOV_REASON, ...NOTES];

/** A small deterministic generator (mulberry32): the same demo on every fresh start. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function ensureDemoWorkbench(
  options: { ctx?: Workbench; count?: number } = {},
): Promise<{ path: string; created: boolean }> {
  const ctx = options.ctx ?? (await workbench());
  const path = ctx.config.demoAccountsFile;
  if (await ctx.wb.db.selectFrom('wb_accounts').select('id').executeTakeFirst()) return { path, created: false };
  const snapshot = await ctx.snapshot();
  const today = todayIso(ctx.now());
  const counties = new Map<string, Suggestion[]>();
  for (const p of snapshot.projects) {
    for (const r of p.regions) {
      if (regionLevelOf(r.code) !== 'county' || counties.has(r.code)) continue;
      const s = suggestCharities(
        snapshot,
        { countyCode: r.code, targetGroup: p.targetGroups[0] ?? 'low-income', serviceType: p.serviceTypes[0] ?? null },
        today,
      );
      if (s.length >= 2) counties.set(r.code, s);
    }
  }
  const ranked = [...counties].sort((a, b) => b[1].length - a[1].length);
  const main = ranked[0];
  if (!main) throw new Error('演示快照中没有可以转介的县（至少需要两家慈善组织的在办项目）');
  const [mainCounty, mainSuggestions] = main;
  const other = ranked[1]?.[0] ?? null;
  const charities = mainSuggestions.slice(0, 2).map((s) => s.charitySlug);

  const lines: DemoAccountLine[] = [];
  const add = async (a: Omit<NewAccount, 'password'>, label: string) => {
    const password = generatePassword();
    await createAccount(ctx.wb, { ...a, password });
    lines.push({ username: a.username, password, role: a.role, label });
  };
  await add(
    { username: `county.${mainCounty}`, displayName: '县民政局经办人', role: 'civil-affairs', regionCode: mainCounty },
    `县级民政（${mainCounty}）`,
  );
  if (other)
    await add(
      { username: `county.${other}`, displayName: '另一县民政局经办人', role: 'civil-affairs', regionCode: other },
      `县级民政（${other}）`,
    );
  const province = `${mainCounty.slice(0, 2)}0000`;
  await add(
    { username: `province.${province}`, displayName: '省民政厅监督', role: 'civil-affairs', regionCode: province },
    `省级监督（${province}）`,
  );
  for (const [i, slug] of charities.entries()) {
    await add(
      { username: `charity${i + 1}`, displayName: `慈善组织经办人${i + 1}`, role: 'charity', charitySlug: slug },
      `慈善组织（${slug}）`,
    );
  }
  await add({ username: 'ministry', displayName: '民政部', role: 'ministry' }, '民政部（只看汇总）');
  const ids = await ctx.wb.db.selectFrom('wb_accounts').select(['id', 'username']).execute();
  const idOf = (u: string) => ids.find((x) => x.username === u)?.id ?? 'system';

  const rnd = random(19);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const total = options.count ?? 300;
  for (let n = 0; n < total; n++) {
    // Half in the demo accounts' county, the rest spread, so the province's view has many counties.
    const [county, suggestions] = n % 2 === 0 ? main : pick(ranked);
    const report = n % 5 === 4;
    const first = suggestions[0] as Suggestion;
    const useDemoCharity = report && county === mainCounty ? pick(charities) : first.charitySlug;
    const project = snapshot.projects.find((p) => p.slug === first.projectSlug);
    const status = report ? pick(REPORT_STATES) : pick(STATES);
    const overdue = status === 'pending' && !report && rnd() < 0.4;
    // Waiting referrals are recent (a few on time, some past their deadline); the rest spread over 90 days.
    const createdOn =
      status === 'pending' && !report
        ? addDays(today, overdue ? -12 - (n % 9) : -(n % 4))
        : addDays(today, -Math.floor(rnd() * 90) - 1);
    await seedOne(ctx, {
      n,
      county,
      report,
      status,
      createdOn,
      today,
      targetGroup: project?.targetGroups[0] ?? 'low-income',
      serviceType: project?.serviceTypes[0] ?? null,
      // Every fourth referral goes to the second charity first, so both demo charities have a queue.
      // Half the overdue ones name a single charity, so they stay overdue (the tick passes the
      // others on to their second charity: cases/overdue.ts) and both sides see the red card.
      offers: report
        ? []
        : overdue && n % 2 === 1
          ? suggestions.slice(0, 1)
          : n % 4 === 0
            ? [suggestions[1], suggestions[0]].filter((x): x is Suggestion => !!x)
            : suggestions.slice(0, 2),
      overdue,
      reporter: report ? useDemoCharity : null,
      createdBy: idOf(report ? 'charity1' : `county.${mainCounty}`),
      note: pick(NOTES),
      size: 1 + Math.floor(rnd() * 6),
    });
  }
  writeDemoAccounts(path, lines);
  return { path, created: true };
}

interface SeedSpec {
  n: number;
  county: string;
  report: boolean;
  status: ReferralStatus;
  createdOn: string;
  today: string;
  targetGroup: string;
  serviceType: string | null;
  offers: Suggestion[];
  overdue: boolean;
  reporter: string | null;
  createdBy: string;
  note: string;
  size: number;
}

async function seedOne(ctx: Workbench, s: SeedSpec): Promise<void> {
  const id = randomUUID();
  const c = ctx.cipher;
  const closed = CLOSED_STATUSES.includes(s.status);
  // Everything past "pending" was answered (accepted, or assessed by the county) the day after.
  const acceptedOn =
    s.status !== 'draft' && s.status !== 'pending' && s.status !== 'declined' ? addDays(s.createdOn, 1) : null;
  await ctx.wb.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wb_referrals')
      .values({
        id,
        reference: `${s.report ? 'BG' : 'ZJ'}-DEMO${String(s.n).padStart(5, '0')}`,
        direction: s.report ? 'to-civil-affairs' : 'to-charity',
        province_code: `${s.county.slice(0, 2)}0000`,
        county_code: s.county,
        target_group: s.targetGroup,
        service_type: s.report ? null : s.serviceType,
        assistance_kind: s.report ? (['dibao', 'tekun', 'temporary'][s.n % 3] ?? 'dibao') : null,
        urgency: ['normal', 'urgent', 'critical'][s.n % 3] ?? 'normal',
        household_size: s.size,
        minor: 0,
        gov_assistance: s.report ? 'none' : (['none', 'given', 'refused'][s.n % 3] ?? 'none'),
        status: s.status,
        created_by: s.createdBy,
        reporter_charity: s.reporter,
        created_on: s.createdOn,
        created_at: `${s.createdOn}T02:00:00.000Z`,
        accepted_on: acceptedOn,
        closed_on: closed ? addDays(s.createdOn, 10) : null,
        purged_at: null,
        consent_on: s.createdOn,
        consent_until: addDays(s.today, 365),
        consent_relation: 'self',
        consent_fields: JSON.stringify(['name', 'phone', 'address', 'notes']),
        consent_by_enc: c.seal(id, 'consentBy', `${NAME_PREFIX}${s.n}`),
        guardian_enc: null,
        name_enc: c.seal(id, 'name', `${NAME_PREFIX}${s.n}`),
        id_number_enc: null,
        phone_enc: null,
        address_enc: c.seal(id, 'address', ADDRESS),
        notes_enc: c.seal(id, 'notes', s.note),
        gov_reason_enc: s.report || s.n % 3 === 0 ? null : c.seal(id, 'govReason', GOV_REASON),
        outcome_note_enc: null,
      })
      .execute();
    if (s.report || s.status === 'draft') return;
    const offeredOn = s.createdOn;
    for (const [rank, o] of s.offers.entries()) {
      const firstState = s.status === 'pending' ? 'offered' : s.status === 'declined' ? 'declined' : 'accepted';
      const state = rank === 0 ? firstState : s.status === 'declined' ? 'declined' : 'queued';
      await trx
        .insertInto('wb_offers')
        .values({
          id: randomUUID(),
          referral_id: id,
          charity_slug: o.charitySlug,
          project_slug: o.projectSlug,
          rank,
          state,
          offered_on: state === 'queued' ? null : offeredOn,
          deadline: state === 'queued' ? null : answerDeadline(offeredOn, ctx.config.deadlineWorkingDays),
          decided_on: state === 'offered' || state === 'queued' ? null : addDays(s.createdOn, 1),
          reason_enc: null,
        })
        .execute();
    }
    if (s.status === 'helped' || (s.status === 'accepted' && s.n % 2 === 0)) {
      await trx
        .insertInto('wb_help')
        .values({
          id: randomUUID(),
          referral_id: id,
          charity_slug: s.offers[0]?.charitySlug ?? '',
          kind: s.n % 2 === 0 ? 'cash' : 'service',
          amount_fen: s.n % 2 === 0 ? 50_000 + (s.n % 7) * 10_000 : null,
          started_on: addDays(s.createdOn, 2),
          ended_on: null,
          note_enc: null,
          recorded_by: s.createdBy,
          recorded_at: `${addDays(s.createdOn, 2)}T02:00:00.000Z`,
        })
        .execute();
    }
  });
}

function writeDemoAccounts(path: string, accounts: DemoAccountLine[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ login: '/workbench/login', accounts }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
