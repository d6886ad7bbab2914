/**
 * Monthly giving (月捐, issue 17): the plans and their per-month claims, in the ledger's database
 * with their own migration history (`migrations.ts`, `monthly_migration`). Each month's charge is an
 * ordinary order in `orders`; `plan_charges` links plan × period to it (UNIQUE(plan_id, period) is
 * what makes a month charged at most once, whichever process claims it). Times are ISO UTC strings.
 * Type aliases, not interfaces: Kysely's `withTables` wants types with an index signature.
 */
export type PlanStatus = 'signing' | 'active' | 'paused' | 'cancelled' | 'ended';
export type OnProjectEnd = 'continue' | 'stop';
export type UnsignState = 'none' | 'requested' | 'confirmed';

export type MonthlyPlansTable = {
  id: string;
  /** Our reference in Alipay's agreement (`external_agreement_no`): `XJM` + 24 hex digits. */
  external_agreement_no: string;
  /** SHA-256 of the private management link's token (the token itself is never stored). */
  token_hash: string;
  status: PlanStatus;
  /** The project charged now (a cause plan: the routed one; may move on when a project ends). */
  project_slug: string;
  /** The cause asked for (JSON `{targetGroup?, region?}`), null for a plan on a named project. */
  cause_json: string | null;
  /** The charity whose merchant signed the agreement: every month goes to this charity only. */
  charity_slug: string;
  merchant_app_id: string;
  sandbox: number;
  amount_fen: number;
  /** The per-deduction cap signed with Alipay (`period_rule_params.single_amount`). */
  max_amount_fen: number;
  day_of_month: number;
  on_project_end: OnProjectEnd;
  channel: 'page' | 'wap' | 'qr';
  anonymous: number;
  display_name: string | null;
  /** Alipay's agreement number, once the sign notify arrived. */
  agreement_no: string | null;
  /** First period (`YYYY-MM`) charged. */
  start_period: string;
  created_at: string;
  signed_at: string | null;
  /** Why the plan is paused or ended, in Chinese, for the donor's page. */
  status_reason: string | null;
  cancelled_at: string | null;
  unsign_state: UnsignState;
};

export type ChargeState = 'open' | 'paid' | 'failed' | 'skipped';

export type PlanChargesTable = {
  plan_id: string;
  /** `YYYY-MM`, China time. */
  period: string;
  order_id: string;
  out_trade_no: string;
  project_slug: string;
  amount_fen: number;
  state: ChargeState;
  /** Calls to alipay.trade.pay made (or begun) for this month. */
  attempts: number;
  /** Business refusals (balance, agreement) so far: the plan pauses after the last allowed one. */
  failures: number;
  next_attempt_at: string;
  /** A scheduler holds the month until then; after a crash the lease runs out and another resumes. */
  lease_until: string | null;
  last_error: string | null;
  claimed_at: string;
  settled_at: string | null;
};

/** What happened to a plan, for the donor's page (signing, project moved on, pauses, cancel). */
export type PlanEventsTable = {
  id: string;
  plan_id: string;
  at: string;
  kind: string;
  detail: string;
};

export type MonthlyDatabase = {
  monthly_plans: MonthlyPlansTable;
  plan_charges: PlanChargesTable;
  plan_events: PlanEventsTable;
};
