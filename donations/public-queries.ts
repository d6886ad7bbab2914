import {
  DONOR_LIST_MAX_OFFSET,
  type DonorListPage,
  donorListQueryInput,
  donorListQuerySchema,
  encodeDonorListCursor,
  sponsorLabel,
} from '../content/index.ts';
import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import { getOrder, type OrderRow } from './ledger/orders.ts';
import { type FigureScope, namedGifts, type ProjectStats, projectStats } from './ledger/public-figures.ts';
import type { OrderStatus } from './ledger/schema.ts';
import { matchOfOrder, projectMatchedFen } from './matching/queries.ts';
import { type MonthlyFigures, projectMonthlyFigures } from './monthly/figures.ts';

/**
 * What anyone may read: an order's status by its unguessable id (the result page polls it), a
 * project's live totals, and its public donor list. Nothing here returns receipt data, donor
 * messages or the names of donors who chose anonymity.
 */
/**
 * Which orders public figures count: sandbox ones only while the portal runs on the sandbox — once
 * a real merchant registry is configured, test gifts from before never show (DESIGN.md).
 */
export function figureScope(ctx: DonationsContext): FigureScope {
  return { includeSandbox: ctx.merchants.kind === 'sandbox' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface DonationStatus {
  donationId: string;
  status: OrderStatus;
  amountFen: number;
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  /** A cause gift: why this project (the reason the confirm step showed, kept in the ledger). */
  routing?: { reason: string };
  /**
   * 配捐 decided when the gift was paid (absent when no pool applied): what the sponsor pledges
   * now, and what cut it (`pool`: the pool was used up — the result page says so).
   */
  match?: { amountFen: number; limitedBy: string; pool: string; sponsor: string };
}

export async function getDonationStatus(ctx: DonationsContext, donationId: string): Promise<DonationStatus> {
  const id = donationId.toLowerCase();
  const order = UUID.test(id) ? await getOrder(ctx.ledger.db, id) : null;
  if (!order) throw new DonationError(404, 'DONATION_NOT_FOUND', '找不到这笔捐赠');
  const view = await ctx.snapshots.current().catch(() => null);
  const project = view?.projects.get(order.project_slug);
  const charity = view?.charities.get(order.charity_slug);
  const decision = await routingReasonOf(ctx, order);
  return {
    donationId: order.id,
    status: order.status,
    amountFen: order.amount_fen,
    project: {
      slug: order.project_slug,
      title: project?.title ?? order.project_slug,
      charity: { slug: order.charity_slug, name: charity?.name ?? order.charity_slug },
    },
    ...(decision ? { routing: { reason: decision.reason } } : {}),
    ...(await matchOf(ctx, order.id, view)),
  };
}

async function matchOf(
  ctx: DonationsContext,
  orderId: string,
  view: Awaited<ReturnType<DonationsContext['snapshots']['current']>> | null,
) {
  const match = await matchOfOrder(ctx.ledger.db, orderId);
  if (!match) return {};
  const pool = view?.snapshot.matchingPools.find((p) => p.slug === match.pool_slug);
  return {
    match: {
      amountFen: Number(match.amount_fen) - Number(match.returned_fen),
      limitedBy: match.limited_by,
      pool: pool?.title ?? match.pool_slug,
      sponsor: pool ? sponsorLabel(pool) : '',
    },
  };
}

/** A cause gift's recorded routing reason (`routing_decisions`), or undefined for a named project. */
export async function routingReasonOf(
  ctx: DonationsContext,
  order: Pick<OrderRow, 'id' | 'routed'>,
): Promise<{ reason: string } | undefined> {
  if (!order.routed) return undefined;
  return ctx.ledger.db
    .selectFrom('routing_decisions')
    .select('reason')
    .where('order_id', '=', order.id)
    .executeTakeFirst();
}

async function requireProject(ctx: DonationsContext, slug: string): Promise<void> {
  const view = await ctx.snapshots.current();
  if (!SLUG.test(slug) || !view.projects.has(slug)) throw new DonationError(404, 'PROJECT_NOT_FOUND', '找不到这个项目');
}

export async function getProjectStats(
  ctx: DonationsContext,
  slug: string,
): Promise<ProjectStats & MonthlyFigures & { matchedFen: number }> {
  await requireProject(ctx, slug);
  const scope = figureScope(ctx);
  // 配捐 is shown beside the gifts, never added to them (DESIGN.md contracts: matchedFen); 月捐
  // (`monthlyDonors`): active plans and their monthly total.
  return {
    ...(await projectStats(ctx.ledger.db, slug, scope)),
    matchedFen: await projectMatchedFen(ctx.ledger.db, slug, scope),
    ...(await projectMonthlyFigures(ctx.ledger, slug, scope)),
  };
}

/** A day in China time (UTC+8 all year, no daylight saving), as the donor saw it when paying. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A page of a project's public donor list (content/contracts/donor-list.ts): named paid gifts,
 * newest first, and how many gifts carry no name. The query is checked with the contract's schema.
 */
export async function listProjectDonors(
  ctx: DonationsContext,
  slug: string,
  params: URLSearchParams,
): Promise<DonorListPage> {
  await requireProject(ctx, slug);
  const parsed = donorListQuerySchema.safeParse(donorListQueryInput(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DonationError(400, 'INVALID_BODY', issue?.message ?? '查询参数无效', String(issue?.path[0] ?? ''));
  }
  const { limit, cursor } = parsed.data;
  const offset = cursor?.offset ?? 0;
  // One line more than asked tells whether there is a next page.
  const { rows, anonymousCount, latestPaidAt } = await namedGifts(ctx.ledger.db, slug, {
    asOf: cursor?.asOf,
    offset,
    limit: limit + 1,
    ...figureScope(ctx),
  });
  const more = rows.length > limit && offset + limit <= DONOR_LIST_MAX_OFFSET;
  // The pages after the first count only gifts paid by the time the first was read, so gifts paid
  // meanwhile do not shift them. Not our clock alone: Alipay's payment time may run ahead of it,
  // and such a gift, on the first page, must stay in the count. (The latest payment time is public
  // anyway: the stats' updatedAt.)
  const now = ctx.now().toISOString();
  const asOf = cursor?.asOf ?? (latestPaidAt !== null && latestPaidAt > now ? latestPaidAt : now);
  return {
    donations: rows.slice(0, limit).map((r) => ({ name: r.name, amountFen: r.amountFen, paidOn: chinaDay(r.paidAt) })),
    anonymousCount,
    nextCursor: more ? encodeDonorListCursor({ asOf, offset: offset + limit }) : null,
  };
}
