import type { Account } from '../accounts/accounts.ts';
import type { OffersTable, ReferralsTable } from '../db/schema.ts';
import type { PersonalField } from './vocabulary.ts';

/**
 * Who may see a referral, and how much of it (民发〔2023〕46号 (二): information goes to a charity
 * only with the household's consent; the minimum necessary):
 *
 * - a county caseworker: every referral and report of the county, all personal data;
 * - a province's oversight account: its province's records without any personal data;
 * - a charity caseworker: a referral while it is offered to or accepted by the charity, with the
 *   fields the consent names until the consent's end date (then none); the reports the charity itself made, in full;
 * - the ministry: no household at all.
 *
 * `none` is answered exactly like a record that does not exist (404), so guessing ids learns nothing.
 */
export type Access =
  | { kind: 'none' }
  | { kind: 'party'; fields: readonly PersonalField[]; extra: readonly string[] }
  | { kind: 'oversight' };

const ALL: readonly PersonalField[] = ['name', 'idNumber', 'phone', 'address', 'notes'];

export function accessOf(account: Account, r: ReferralsTable, current: OffersTable | null, today: string): Access {
  if (account.role === 'civil-affairs' && account.region_code) {
    if (r.county_code === account.region_code)
      return { kind: 'party', fields: ALL, extra: ['consentBy', 'guardian', 'govReason'] };
    if (account.region_code.endsWith('0000') && r.province_code === account.region_code) return { kind: 'oversight' };
    return { kind: 'none' };
  }
  if (account.role === 'charity' && account.charity_slug) {
    if (r.direction === 'to-civil-affairs') {
      return r.reporter_charity === account.charity_slug
        ? { kind: 'party', fields: ALL, extra: ['consentBy', 'guardian'] }
        : { kind: 'none' };
    }
    if (
      current &&
      current.charity_slug === account.charity_slug &&
      (current.state === 'offered' || current.state === 'accepted')
    ) {
      // The consent runs until the day it names: after that the charity keeps the case, not the person.
      const allowed = r.consent_until >= today ? consentFields(r) : [];
      const extra = allowed.includes('name') ? ['guardian'] : [];
      return { kind: 'party', fields: allowed, extra: allowed.includes('notes') ? [...extra, 'govReason'] : extra };
    }
  }
  return { kind: 'none' };
}

export function consentFields(r: Pick<ReferralsTable, 'consent_fields'>): PersonalField[] {
  try {
    const parsed = JSON.parse(r.consent_fields) as unknown;
    return Array.isArray(parsed) ? ALL.filter((f) => parsed.includes(f)) : [];
  } catch {
    return [];
  }
}
