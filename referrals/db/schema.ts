import type { ReferralDirection } from '../../content/contracts/referral-facts.ts';

/**
 * The workbench's tables. Times are ISO strings and dates `YYYY-MM-DD` on both databases; every
 * `*_enc` column holds a field-cipher ciphertext (crypto/field-cipher.ts) or null — never plain
 * personal data.
 */
export type Role = 'civil-affairs' | 'charity' | 'ministry';

export interface AccountsTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** civil-affairs: a county code (caseworker) or a province code (oversight). */
  region_code: string | null;
  /** charity: the charity's slug. */
  charity_slug: string | null;
  password_hash: string;
  /** The TOTP secret (field-cipher ciphertext) when the account uses a second factor. */
  totp_secret_enc: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a dump of this table opens no session. */
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export type ReferralStatus =
  | 'draft'
  | 'pending'
  | 'accepted'
  | 'declined'
  | 'helped'
  | 'closed-unhelped'
  | 'assessed'
  | 'not-eligible'
  | 'assisted'
  | 'helped-to-apply';

export interface ReferralsTable {
  id: string;
  reference: string;
  direction: ReferralDirection;
  province_code: string;
  county_code: string;
  target_group: string;
  service_type: string | null;
  /** to-civil-affairs: dibao, tekun or temporary. */
  assistance_kind: string | null;
  urgency: string;
  household_size: number;
  minor: number;
  gov_assistance: string;
  status: ReferralStatus;
  created_by: string;
  /** to-civil-affairs: the reporting charity. */
  reporter_charity: string | null;
  created_on: string;
  created_at: string;
  accepted_on: string | null;
  closed_on: string | null;
  purged_at: string | null;
  consent_on: string;
  consent_until: string;
  consent_relation: string;
  /** JSON array of the personal fields the consent lets the other party see. */
  consent_fields: string;
  consent_by_enc: string | null;
  guardian_enc: string | null;
  name_enc: string | null;
  id_number_enc: string | null;
  phone_enc: string | null;
  address_enc: string | null;
  notes_enc: string | null;
  gov_reason_enc: string | null;
  outcome_note_enc: string | null;
}

export type OfferState = 'queued' | 'offered' | 'accepted' | 'declined' | 'passed';

export interface OffersTable {
  id: string;
  referral_id: string;
  charity_slug: string;
  project_slug: string | null;
  rank: number;
  state: OfferState;
  offered_on: string | null;
  deadline: string | null;
  decided_on: string | null;
  reason_enc: string | null;
}

export interface HelpTable {
  id: string;
  referral_id: string;
  charity_slug: string;
  kind: string;
  amount_fen: number | null;
  started_on: string;
  ended_on: string | null;
  note_enc: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface AuditTable {
  id: string;
  at: string;
  account_id: string;
  role: string;
  action: string;
  referral_id: string | null;
  /** Comma-separated field names read or changed (never their values). */
  fields: string;
  county_code: string | null;
  province_code: string | null;
}

export interface WorkbenchDatabase {
  wb_accounts: AccountsTable;
  wb_sessions: SessionsTable;
  wb_referrals: ReferralsTable;
  wb_offers: OffersTable;
  wb_help: HelpTable;
  wb_audit: AuditTable;
}
