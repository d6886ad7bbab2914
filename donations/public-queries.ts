import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import { getOrder } from './ledger/orders.ts';
import {
  type FigureScope,
  type ProjectStats,
  type PublicDonation,
  projectStats,
  publicDonations,
} from './ledger/public-figures.ts';
import type { OrderStatus } from './ledger/schema.ts';

/**
 * What anyone may read: an order's status by its unguessable id (the result page polls it), a
 * project's live totals, and its public donation list. Nothing here returns receipt data, donor
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
}

export async function getDonationStatus(ctx: DonationsContext, donationId: string): Promise<DonationStatus> {
  const id = donationId.toLowerCase();
  const order = UUID.test(id) ? await getOrder(ctx.ledger.db, id) : null;
  if (!order) throw new DonationError(404, 'DONATION_NOT_FOUND', '找不到这笔捐赠');
  const view = await ctx.snapshots.current().catch(() => null);
  const project = view?.projects.get(order.project_slug);
  const charity = view?.charities.get(order.charity_slug);
  const decision = order.routed
    ? await ctx.ledger.db
        .selectFrom('routing_decisions')
        .select('reason')
        .where('order_id', '=', order.id)
        .executeTakeFirst()
    : undefined;
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
  };
}

async function requireProject(ctx: DonationsContext, slug: string): Promise<void> {
  const view = await ctx.snapshots.current();
  if (!SLUG.test(slug) || !view.projects.has(slug)) throw new DonationError(404, 'PROJECT_NOT_FOUND', '找不到这个项目');
}

export async function getProjectStats(ctx: DonationsContext, slug: string): Promise<ProjectStats> {
  await requireProject(ctx, slug);
  return projectStats(ctx.ledger.db, slug, figureScope(ctx));
}

export interface DonationList {
  donations: PublicDonation[];
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: string | null;
}

export async function listProjectDonations(
  ctx: DonationsContext,
  slug: string,
  query: { limit?: string | null; before?: string | null },
): Promise<DonationList> {
  await requireProject(ctx, slug);
  const limit = query.limit == null || query.limit === '' ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new DonationError(400, 'INVALID_BODY', 'limit 应为 1 到 100 之间的整数', 'limit');
  }
  let before: string | undefined;
  if (query.before) {
    const t = Date.parse(query.before);
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(query.before) || Number.isNaN(t)) {
      throw new DonationError(400, 'INVALID_BODY', 'before 应为 ISO 8601 UTC 时间', 'before');
    }
    before = new Date(t).toISOString();
  }
  const donations = await publicDonations(ctx.ledger.db, slug, { limit, before, ...figureScope(ctx) });
  const last = donations[donations.length - 1];
  return { donations, nextBefore: donations.length === limit && last ? last.paidAt : null };
}
