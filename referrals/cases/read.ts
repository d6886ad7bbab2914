import { todayIso } from '../../content/rules/dates.ts';
import type { Account } from '../accounts/accounts.ts';
import { audit } from '../audit.ts';
import type { Workbench } from '../context.ts';
import type { HelpTable, OffersTable, ReferralsTable } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { type Access, accessOf } from './access.ts';
import { loadReferral } from './actions.ts';
import { type Countdown, countdown } from './deadline.ts';

export interface QueueRow {
  id: string;
  reference: string;
  direction: ReferralsTable['direction'];
  countyCode: string;
  targetGroup: string;
  serviceType: string | null;
  assistanceKind: string | null;
  urgency: string;
  status: ReferralsTable['status'];
  createdOn: string;
  charitySlug: string | null;
  countdown: Countdown | null;
}

/**
 * A queue: only the records the account may see (the filter is in the query, not after it), and
 * no personal data — a list names a reference, a group, a county and a deadline. `q` finds a
 * reference among those records only. The listing itself is audited.
 */
export async function listQueue(
  ctx: Workbench,
  account: Account,
  filter: { q?: string; status?: string } = {},
): Promise<QueueRow[]> {
  if (account.role === 'ministry') return [];
  let query = ctx.wb.db
    .selectFrom('wb_referrals as r')
    .leftJoin('wb_offers as o', (j) =>
      j.onRef('o.referral_id', '=', 'r.id').on('o.state', 'in', ['offered', 'accepted']),
    )
    .select([
      'r.id',
      'r.reference',
      'r.direction',
      'r.county_code',
      'r.target_group',
      'r.service_type',
      'r.assistance_kind',
      'r.urgency',
      'r.status',
      'r.created_on',
      'o.charity_slug',
      'o.state as offer_state',
      'o.deadline',
    ]);
  const region = account.region_code ?? '';
  if (account.role === 'civil-affairs') {
    query = region.endsWith('0000')
      ? query.where('r.province_code', '=', region)
      : query.where('r.county_code', '=', region);
  } else {
    const slug = account.charity_slug ?? '';
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('r.direction', '=', 'to-charity'), eb('o.charity_slug', '=', slug)]),
        eb.and([eb('r.direction', '=', 'to-civil-affairs'), eb('r.reporter_charity', '=', slug)]),
      ]),
    );
  }
  const q = filter.q?.trim().toUpperCase();
  if (q) query = query.where('r.reference', '=', q);
  if (filter.status) query = query.where('r.status', '=', filter.status as ReferralsTable['status']);
  const rows = await query.orderBy('r.created_at', 'desc').limit(500).execute();
  const now = ctx.now();
  const today = todayIso(now);
  await audit(
    ctx.wb.db,
    account,
    {
      action: 'list',
      fields: [],
      countyCode: account.role === 'civil-affairs' && !region.endsWith('0000') ? region : null,
    },
    now,
  );
  const out = rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    direction: row.direction,
    countyCode: row.county_code,
    targetGroup: row.target_group,
    serviceType: row.service_type,
    assistanceKind: row.assistance_kind,
    urgency: row.urgency,
    status: row.status,
    createdOn: row.created_on,
    charitySlug: row.charity_slug ?? null,
    countdown: row.offer_state === 'offered' && row.deadline ? countdown(today, row.deadline) : null,
  }));
  // Overdue first, then the nearest deadline, then the newest: what needs doing today is on top.
  const weight = (r: QueueRow) =>
    r.countdown ? (r.countdown.overdue ? -1000 - r.countdown.daysLate : r.countdown.workingDaysLeft) : 1000;
  return out.sort((a, b) => weight(a) - weight(b));
}

export interface ReferralView {
  r: ReferralsTable;
  access: Exclude<Access, { kind: 'none' }>;
  /** The personal fields this account may read, decrypted (absent: not allowed or not given). */
  person: Record<string, string>;
  offers: (OffersTable & { reason: string | null; countdown: Countdown | null })[];
  help: (HelpTable & { note: string | null })[];
  outcomeNote: string | null;
  purged: boolean;
}

const COLUMN: Record<string, keyof ReferralsTable> = {
  name: 'name_enc',
  idNumber: 'id_number_enc',
  phone: 'phone_enc',
  address: 'address_enc',
  notes: 'notes_enc',
  consentBy: 'consent_by_enc',
  guardian: 'guardian_enc',
  govReason: 'gov_reason_enc',
};

/**
 * One record as the account may see it. Each decrypted field is named in the audit row written
 * with the read; an oversight account reads the record's course without any personal data.
 */
export async function readReferral(ctx: Workbench, account: Account, id: string): Promise<ReferralView> {
  const now = ctx.now();
  const today = todayIso(now);
  const found = await loadReferral(ctx.wb.db, id);
  const access = found ? accessOf(account, found.r, found.current, today) : ({ kind: 'none' } as const);
  if (!found || access.kind === 'none') throw notFound();
  const { r } = found;
  const c = ctx.cipher;
  const person: Record<string, string> = {};
  if (access.kind === 'party') {
    for (const field of [...access.fields, ...access.extra]) {
      const sealed = r[COLUMN[field] as keyof ReferralsTable] as string | null;
      if (sealed) person[field] = c.open(id, field, sealed);
    }
  }
  const party = access.kind === 'party';
  const mine = account.role === 'charity' ? account.charity_slug : null;
  const offerRows = await ctx.wb.db
    .selectFrom('wb_offers')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('rank')
    .execute();
  // A charity sees its own offer only: which other charities the household agreed to is not its business.
  const offers = offerRows
    .filter((o) => account.role !== 'charity' || o.charity_slug === mine)
    .map((o) => ({
      ...o,
      reason: party && o.reason_enc ? c.open(o.id, 'reason', o.reason_enc) : null,
      countdown: o.state === 'offered' && o.deadline ? countdown(today, o.deadline) : null,
    }));
  const helpRows = await ctx.wb.db
    .selectFrom('wb_help')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('started_on')
    .execute();
  const help = helpRows.map((h) => ({ ...h, note: party && h.note_enc ? c.open(h.id, 'note', h.note_enc) : null }));
  const outcomeNote = party && r.outcome_note_enc ? c.open(id, 'outcomeNote', r.outcome_note_enc) : null;
  const read = Object.keys(person);
  if (outcomeNote) read.push('outcomeNote');
  if (help.some((h) => h.note)) read.push('helpNote');
  await audit(ctx.wb.db, account, { action: 'read', referralId: id, fields: read, countyCode: r.county_code }, now);
  return { r, access, person, offers, help, outcomeNote, purged: r.purged_at !== null };
}

/** The audit log as the account may review it: a county its county, a province its province, the ministry all. */
export async function reviewAudit(ctx: Workbench, account: Account, limit = 200) {
  let q = ctx.wb.db
    .selectFrom('wb_audit')
    .leftJoin('wb_accounts', 'wb_accounts.id', 'wb_audit.account_id')
    .select([
      'wb_audit.at',
      'wb_audit.action',
      'wb_audit.referral_id',
      'wb_audit.fields',
      'wb_audit.role',
      'wb_audit.county_code',
      'wb_accounts.username',
    ]);
  if (account.role === 'civil-affairs') {
    const region = account.region_code ?? '';
    q = region.endsWith('0000')
      ? q.where('wb_audit.province_code', '=', region)
      : q.where('wb_audit.county_code', '=', region);
  } else if (account.role !== 'ministry') {
    return null;
  }
  return q.orderBy('wb_audit.at', 'desc').limit(limit).execute();
}
