import { z } from 'zod';
import {
  type Campaign,
  type Cause,
  type Charity,
  campaignState,
  disclosureSchedule,
  donationEligibility,
  formatDate,
  matchesCause,
  type Project,
  type ProjectMoney,
  projectMoney,
  slug,
} from '../content/index.ts';
import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import { slices } from './event-loop-slices.ts';
import { paidTotalsSince } from './ledger/public-figures.ts';
import { figureScope } from './public-queries.ts';
import { portalGiftsSince, type RoutingChoice, routeCause, toCandidate } from './routing.ts';
import type { SnapshotView } from './snapshot-source.ts';

/**
 * The snapshot and ledger side of a cause gift: which projects may receive it today and their
 * best known totals; routing.ts ranks them. Direct gifts share `eligibilityOf`.
 */
export function eligibilityOf(ctx: DonationsContext, project: Project, charity: Charity, today: string) {
  return donationEligibility({ project, charity, today, merchantConfigured: ctx.merchants.isConfigured(charity.slug) });
}

/**
 * The campaign a cause gift names (`pool.campaign`), checked with zod against the snapshot the API
 * judges by — the request schema (content/contracts) only knows it is a slug, not whether that
 * campaign is published. One schema per snapshot view, so a release switch sees the new campaigns.
 */
const UNKNOWN_CAMPAIGN = '找不到这个专题活动：它不存在或尚未发布。请从专题活动页面捐赠，或不指定专题活动';
const campaignSchemas = new WeakMap<SnapshotView, z.ZodType<Campaign, string>>();

function publishedCampaign(view: SnapshotView): z.ZodType<Campaign, string> {
  let schema = campaignSchemas.get(view);
  if (!schema) {
    schema = slug.transform((value, ctx) => {
      const campaign = view.campaigns.get(value);
      if (campaign) return campaign;
      ctx.addIssue({ code: 'custom', message: UNKNOWN_CAMPAIGN });
      return z.NEVER;
    });
    campaignSchemas.set(view, schema);
  }
  return schema;
}

/**
 * The campaign page a cause gift was made on, or undefined for a gift from elsewhere. An unknown
 * campaign is the request's fault (400, not a missing resource at this URL); an ended one is
 * refused like the page refuses it (issue 15 item 11).
 */
export function campaignOfGift(view: SnapshotView, value: string | undefined, today: string): Campaign | undefined {
  if (value === undefined) return undefined;
  const parsed = publishedCampaign(view).safeParse(value);
  if (!parsed.success) {
    throw new DonationError(
      400,
      'CAMPAIGN_NOT_FOUND',
      parsed.error.issues[0]?.message ?? UNKNOWN_CAMPAIGN,
      'pool.campaign',
    );
  }
  const campaign = parsed.data;
  if (campaignState(campaign, today) === 'ended') {
    throw new DonationError(
      409,
      'CAMPAIGN_ENDED',
      `专题活动「${campaign.title}」已于${formatDate(campaign.window.end)}结束，不再通过活动页面接受捐赠；可以打开具体项目的页面捐赠`,
      'pool.campaign',
    );
  }
  return campaign;
}

/** Whether a project may receive a cause gift made within `campaign` (any project without one). */
export function inCampaign(project: Pick<Project, 'campaigns'>, campaign: Campaign | undefined): boolean {
  return campaign === undefined || project.campaigns.includes(campaign.slug);
}

/**
 * What a project's disclosures say on `today` — overdue or not, and its money — kept per snapshot
 * and day: the schedule costs up to a few milliseconds a project (a 5-day emergency track has
 * many slots), and a nationwide cause asks it of every accepting project on every gift.
 */
interface DisclosureFacts {
  overdue: boolean;
  money: ProjectMoney;
}
const factsCache = new WeakMap<SnapshotView, { today: string; facts: Map<string, DisclosureFacts> }>();

function disclosureFacts(view: SnapshotView, project: Project, today: string): DisclosureFacts {
  let cached = factsCache.get(view);
  if (!cached || cached.today !== today) {
    cached = { today, facts: new Map() };
    factsCache.set(view, cached);
  }
  let facts = cached.facts.get(project.slug);
  if (!facts) {
    const disclosures = view.disclosures.get(project.slug) ?? [];
    facts = {
      overdue: disclosureSchedule(project, disclosures, today).isOverdue,
      money: projectMoney(disclosures, today),
    };
    cached.facts.set(project.slug, facts);
  }
  return facts;
}

/** The longest the routing loop keeps the event loop before it lets other requests in. */
const SLICE_MS = 10;

/**
 * The cause's candidates (accepting donations, serving the cause, no overdue disclosure — the
 * 逾期未披露 list's rule) ranked by routing.ts on their best known totals. A gift made on a
 * campaign page (`campaign`) goes only to that campaign's projects: the donor gave there, and the
 * campaign's 配捐 pools cover only its projects; every other rule is the same.
 */
export async function routeAmongEligible(
  ctx: DonationsContext,
  view: SnapshotView,
  cause: Cause,
  causeLabel: string,
  today: string,
  campaign?: Campaign,
): Promise<RoutingChoice | null> {
  let overdueCount = 0;
  const eligible: { project: Project; money: ProjectMoney }[] = [];
  const breathe = slices(SLICE_MS);
  for (const project of view.snapshot.projects) {
    const charity = view.charities.get(project.charity);
    if (!charity || !inCampaign(project, campaign) || !matchesCause(project, cause)) continue;
    if (!eligibilityOf(ctx, project, charity, today).eligible) continue;
    // The first cause gift of a day works out every accepting project's schedule (1–3 s at
    // 10,000 projects): in slices, so other requests are answered in between.
    await breathe();
    const { overdue, money } = disclosureFacts(view, project, today);
    if (overdue) {
      overdueCount++;
      continue;
    }
    eligible.push({ project, money });
  }
  const totals = await paidTotalsSince(
    ctx.ledger.db,
    eligible.map(({ project, money }) => ({ slug: project.slug, since: portalGiftsSince(money) })),
    figureScope(ctx),
  );
  return routeCause(
    causeLabel,
    eligible.map(({ project, money }) => toCandidate(project, cause, money, totals.get(project.slug) ?? 0)),
    overdueCount,
    campaign?.title,
  );
}
