import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { LedgerDatabase } from './schema.ts';

/**
 * Every figure the public sees from the ledger — a project's live totals, its donor list, and the
 * paid totals routing ranks by — in one place, so they agree: a gift counts with what is left of
 * it after refunds (`amount_fen − refunded_fen`), a fully refunded gift (status `refunded`) not at
 * all, and sandbox gifts (no money moved) only while the portal runs on the sandbox.
 */
export interface FigureScope {
  /** False once a real merchant registry is configured: sandbox orders then never count. */
  includeSandbox: boolean;
}

const netPaid = sql<number>`cast(coalesce(sum(amount_fen - refunded_fen), 0) as bigint)`;

function counted(db: Kysely<LedgerDatabase>, scope: FigureScope) {
  const paid = db.selectFrom('orders').where('status', '=', 'paid');
  return scope.includeSandbox ? paid : paid.where('sandbox', '=', 0);
}

/**
 * Net paid totals per project, each counting only gifts paid at or after its own `since` (an ISO
 * instant; null counts every gift) — routing's "paid through this portal since the latest
 * disclosure". Projects sharing a `since` are asked together. Missing projects have 0.
 */
export async function paidTotalsSince(
  db: Kysely<LedgerDatabase>,
  projects: { slug: string; since: string | null }[],
  scope: FigureScope,
): Promise<Map<string, number>> {
  const totals = new Map<string, number>(projects.map((p) => [p.slug, 0]));
  const bySince = new Map<string | null, string[]>();
  for (const p of projects) bySince.set(p.since, [...(bySince.get(p.since) ?? []), p.slug]);
  for (const [since, slugs] of bySince) {
    for (let i = 0; i < slugs.length; i += 500) {
      let query = counted(db, scope)
        .select(['project_slug', netPaid.as('raised')])
        .where('project_slug', 'in', slugs.slice(i, i + 500));
      // paid_at is stored as an ISO instant, so instants of one format compare as text.
      if (since !== null) query = query.where('paid_at', '>=', since);
      const rows = await query.groupBy('project_slug').execute();
      for (const row of rows) totals.set(row.project_slug, Number(row.raised));
    }
  }
  return totals;
}

/** Net paid totals per project, every gift counted. Missing projects have 0. */
export function paidTotals(
  db: Kysely<LedgerDatabase>,
  slugs: string[],
  scope: FigureScope,
): Promise<Map<string, number>> {
  return paidTotalsSince(
    db,
    slugs.map((slug) => ({ slug, since: null })),
    scope,
  );
}

export interface ProjectStats {
  raisedFen: number;
  donationCount: number;
  /** When the total last changed (latest payment or refund), or null before the first gift. */
  updatedAt: string | null;
}

const iso = (value: string | null | undefined) => (value == null ? null : new Date(value).toISOString());

export async function projectStats(
  db: Kysely<LedgerDatabase>,
  projectSlug: string,
  scope: FigureScope,
): Promise<ProjectStats> {
  const row = await counted(db, scope)
    .select([netPaid.as('raised'), sql<number>`count(*)`.as('n'), sql<string | null>`max(paid_at)`.as('last')])
    .where('project_slug', '=', projectSlug)
    .executeTakeFirstOrThrow();
  // A refund of any gift of the project (also one now fully refunded) changes the total too.
  let refunds = db
    .selectFrom('orders')
    .select(sql<string | null>`max(refunded_at)`.as('last'))
    .where('project_slug', '=', projectSlug)
    .where('refunded_fen', '>', 0);
  if (!scope.includeSandbox) refunds = refunds.where('sandbox', '=', 0);
  const refunded = iso((await refunds.executeTakeFirstOrThrow()).last);
  const paid = iso(row.last);
  return {
    raisedFen: Number(row.raised),
    donationCount: Number(row.n),
    // ISO strings of one format compare as times.
    updatedAt:
      [paid, refunded]
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? null,
  };
}

/** One named line of the public donor list, as stored; `public-queries.ts` turns it into a `PublicGift`. */
export interface NamedGiftRow {
  name: string;
  /** What is left of the gift after partial refunds. */
  amountFen: number;
  paidAt: string;
}

/**
 * Which gifts carry a public name: the donor chose not to be anonymous and gave one (Charity Law
 * Art. 82: a donor's wish to stay anonymous is kept). Everything else is only counted.
 */
const named = (eb: ExpressionBuilder<LedgerDatabase, 'orders'>) =>
  eb.and([eb('anonymous', '=', 0), eb('display_name', 'is not', null), eb('display_name', '<>', '')]);

/**
 * A page of a project's named paid gifts, newest first, up to `asOf` when given; how many counted
 * gifts up to then carry no name; and when the latest of them was paid (the cursor of the next
 * page is bounded by it).
 */
export async function namedGifts(
  db: Kysely<LedgerDatabase>,
  projectSlug: string,
  options: { asOf?: string; offset: number; limit: number } & FigureScope,
): Promise<{ rows: NamedGiftRow[]; anonymousCount: number; latestPaidAt: string | null }> {
  let ofProject = counted(db, options).where('project_slug', '=', projectSlug);
  if (options.asOf) ofProject = ofProject.where('paid_at', '<=', options.asOf);
  const rows = await ofProject
    .select(['amount_fen', 'refunded_fen', 'paid_at', 'display_name'])
    .where(named)
    // Alipay's payment time has whole seconds: within one, the later order first; the id last, so
    // an offset always means the same lines.
    .orderBy('paid_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const all = await ofProject
    .select((eb) => [
      eb.fn.sum<number | string | null>(eb.case().when(named(eb)).then(0).else(1).end()).as('unnamed'),
      eb.fn.max('paid_at').as('latest'),
    ])
    .executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({
      name: r.display_name ?? '',
      amountFen: r.amount_fen - r.refunded_fen,
      paidAt: new Date(r.paid_at as string).toISOString(),
    })),
    anonymousCount: Number(all.unnamed ?? 0),
    latestPaidAt: iso(all.latest),
  };
}
