import { randomBytes, randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import { todayIso } from '../../content/rules/dates.ts';
import type { Account } from '../accounts/accounts.ts';
import { audit } from '../audit.ts';
import type { Workbench } from '../context.ts';
import type { ReferralsTable } from '../db/schema.ts';
import { notFound, WorkbenchError } from '../errors.ts';
import { answerDeadline } from './deadline.ts';
import {
  chooseCharitiesSchema,
  firstIssue,
  type ReferralForm,
  type ReportForm,
  referralFormSchema,
  reportFormSchema,
} from './forms.ts';
import { suggestCharities } from './suggest.ts';

/** A short reference people can read out on the phone; not a secret, never the key to a record. */
function newReference(prefix: 'ZJ' | 'BG'): string {
  return `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

function refuse(error: ZodError): never {
  // "No consent, no referral" is said first, whatever else is wrong with the form.
  const consent = error.issues.find((i) => i.path[0] === 'consentGiven');
  if (consent) throw new WorkbenchError(422, 'CONSENT_REQUIRED', consent.message, 'consentGiven');
  const { field, message } = firstIssue(error);
  throw new WorkbenchError(400, 'INVALID_FORM', message, field);
}

/** The encrypted personal columns of a new record, each bound to the record and its field. */
function sealPerson(ctx: Workbench, id: string, f: ReferralForm | ReportForm, govReason: string | null) {
  const c = ctx.cipher;
  return {
    name_enc: c.seal(id, 'name', f.name),
    id_number_enc: c.sealOptional(id, 'idNumber', f.idNumber),
    phone_enc: c.sealOptional(id, 'phone', f.phone),
    address_enc: c.sealOptional(id, 'address', f.address),
    notes_enc: c.sealOptional(id, 'notes', f.notes),
    consent_by_enc: c.seal(id, 'consentBy', f.consentBy),
    guardian_enc: c.sealOptional(id, 'guardian', f.minor ? f.guardianName : null),
    gov_reason_enc: c.sealOptional(id, 'govReason', govReason),
  };
}

const givenFields = (f: ReferralForm | ReportForm) =>
  [
    'name',
    'consentBy',
    f.idNumber && 'idNumber',
    f.phone && 'phone',
    f.address && 'address',
    f.notes && 'notes',
    f.minor && 'guardian',
  ].filter((x): x is string => typeof x === 'string');

/** The columns both directions fill the same way: the person, the consent, who and when. */
function commonColumns(
  ctx: Workbench,
  id: string,
  account: Account,
  f: ReferralForm | ReportForm,
  county: string,
  now: Date,
  govReason: string | null,
) {
  return {
    id,
    province_code: `${county.slice(0, 2)}0000`,
    county_code: county,
    target_group: f.targetGroup,
    household_size: f.householdSize,
    minor: f.minor ? 1 : 0,
    created_by: account.id,
    created_on: todayIso(now),
    created_at: now.toISOString(),
    accepted_on: null,
    closed_on: null,
    purged_at: null,
    consent_on: f.consentOn,
    consent_until: f.consentUntil,
    consent_relation: f.consentRelation,
    consent_fields: JSON.stringify(f.consentFields),
    outcome_note_enc: null,
    ...sealPerson(ctx, id, f, govReason),
  };
}

/** Step 1 (a county caseworker): the household and the consent, kept as a draft until charities are chosen. */
export async function createReferral(ctx: Workbench, account: Account, body: Record<string, unknown>): Promise<string> {
  const county = account.role === 'civil-affairs' ? account.region_code : null;
  if (!county || county.endsWith('00')) throw new WorkbenchError(403, 'FORBIDDEN', '只有县级民政经办人员可以发起转介');
  const now = ctx.now();
  const today = todayIso(now);
  const parsed = referralFormSchema(today).safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const f = parsed.data;
  const id = randomUUID();
  const row: ReferralsTable = {
    ...commonColumns(ctx, id, account, f, county, now, f.govAssistance === 'none' ? null : f.govReason),
    reference: newReference('ZJ'),
    direction: 'to-charity',
    service_type: f.serviceType,
    assistance_kind: null,
    urgency: f.urgency,
    gov_assistance: f.govAssistance,
    status: 'draft',
    reporter_charity: null,
  };

  await ctx.wb.db.transaction().execute(async (trx) => {
    await trx.insertInto('wb_referrals').values(row).execute();
    await audit(trx, account, { action: 'create', referralId: id, fields: givenFields(f), countyCode: county }, now);
  });
  return id;
}

/** Step 2: the charities the household agreed to, in order; the first is offered at once. */
export async function chooseCharities(
  ctx: Workbench,
  account: Account,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  const r = await ctx.wb.db.selectFrom('wb_referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || account.role !== 'civil-affairs' || r.county_code !== account.region_code) throw notFound();
  if (r.status !== 'draft') throw new WorkbenchError(409, 'ALREADY_REFERRED', '该转介已发出，不能重新选择慈善组织');
  const parsed = chooseCharitiesSchema.safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const now = ctx.now();
  const today = todayIso(now);
  // Only what the workbench itself suggested may be chosen: a forged form cannot name any charity.
  const suggested = suggestCharities(
    await ctx.snapshot(),
    { countyCode: r.county_code, targetGroup: r.target_group, serviceType: r.service_type },
    today,
  );
  const picks = parsed.data.choice.map((c) => {
    const [charity = '', project = ''] = c.split('|');
    const s = suggested.find((x) => x.charitySlug === charity && x.projectSlug === project);
    if (!s) throw new WorkbenchError(400, 'NOT_SUGGESTED', '所选慈善组织不在推荐名单中，请从名单中选择', 'choice');
    return s;
  });
  if (new Set(picks.map((p) => p.charitySlug)).size !== picks.length) {
    throw new WorkbenchError(400, 'DUPLICATE_CHARITY', '同一慈善组织只能选择一次', 'choice');
  }
  await ctx.wb.db.transaction().execute(async (trx) => {
    let rank = 0;
    for (const p of picks) {
      const first = rank === 0;
      await trx
        .insertInto('wb_offers')
        .values({
          id: randomUUID(),
          referral_id: id,
          charity_slug: p.charitySlug,
          project_slug: p.projectSlug,
          rank: rank++,
          state: first ? 'offered' : 'queued',
          offered_on: first ? today : null,
          deadline: first ? answerDeadline(today, ctx.config.deadlineWorkingDays) : null,
          decided_on: null,
          reason_enc: null,
        })
        .execute();
    }
    await trx.updateTable('wb_referrals').set({ status: 'pending' }).where('id', '=', id).execute();
    await audit(
      trx,
      account,
      { action: 'offer', referralId: id, fields: ['charities'], countyCode: r.county_code },
      now,
    );
  });
}

/** A charity tells civil affairs about someone who may qualify for 低保, 特困供养 or 临时救助. */
export async function createReport(ctx: Workbench, account: Account, body: Record<string, unknown>): Promise<string> {
  if (account.role !== 'charity' || !account.charity_slug)
    throw new WorkbenchError(403, 'FORBIDDEN', '只有慈善组织经办人员可以向民政部门报告');
  const now = ctx.now();
  const today = todayIso(now);
  const parsed = reportFormSchema(today).safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const f = parsed.data;
  const id = randomUUID();
  await ctx.wb.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wb_referrals')
      .values({
        ...commonColumns(ctx, id, account, f, f.countyCode, now, null),
        reference: newReference('BG'),
        direction: 'to-civil-affairs',
        service_type: null,
        assistance_kind: f.assistanceKind,
        urgency: 'normal',
        gov_assistance: 'none',
        status: 'pending',
        reporter_charity: account.charity_slug,
      })
      .execute();
    await audit(
      trx,
      account,
      { action: 'create', referralId: id, fields: givenFields(f), countyCode: f.countyCode },
      now,
    );
  });
  return id;
}
