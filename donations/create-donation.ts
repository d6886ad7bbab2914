import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AmountBounds,
  amountRangeMessage,
  type Cause,
  type Charity,
  type DonationRequest,
  donationRequestSchema,
  firstIssue,
  inWeChat,
  isWithinBounds,
  myGiftLink,
  type Project,
  taxIdKindOf,
  todayIso,
} from '../content/index.ts';
import { lookupTokenRow } from './after-gift/find-gift.ts';
import { toAlipayTime } from './alipay/alipay-time.ts';
import { createPaymentStep, type PayStep } from './alipay/payment-step.ts';
import type { DonationsContext } from './context.ts';
import { DonationError } from './errors.ts';
import { isUniqueViolation } from './ledger/open-ledger.ts';
import { insertOrder, type NewReceiptRequest, type NewRoutingDecision } from './ledger/orders.ts';
import { transitionOrder } from './ledger/transitions.ts';
import { matchingNow } from './matching/matching-now.ts';
import { type CreatedPlan, createMonthlyPlan } from './monthly/create-plan.ts';
import { withPayQrImage } from './pay-qr-image.ts';
import { campaignOfGift, eligibilityOf, routeAmongEligible } from './route-cause.ts';
import { describeCause } from './routing.ts';
import type { SnapshotView } from './snapshot-source.ts';
import { teamForGift } from './teams/store.ts';

/**
 * `POST /api/donations` without HTTP: validate → pick the project (named, or routed from a cause)
 * → check eligibility against the published snapshot → write the pending order with its receipt
 * request and routing decision in one transaction → make the payment step with the charity's own
 * merchant. Throws `DonationError` (400/404/409/502/503) for every refusal.
 */
export interface CreatedDonation {
  donationId: string;
  outTradeNo: string;
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  amountFen: number;
  /** Present for a cause-donation: why this project (also kept in the ledger). */
  routing?: { reason: string };
  /** 配捐 the gift would meet if paid now (absent when no pool covers the project today). */
  matching?: { pool: string; sponsor: string; remainingFen: number; exhausted: boolean };
  pay: PayStep;
  /** The private lookup token (shown once; only its hash is kept): the link is `/my/#t=<token>`. */
  lookup: { token: string; path: string };
}

export function parseDonationRequest(body: unknown, bounds: AmountBounds): DonationRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DonationError(400, 'INVALID_BODY', '请求体应为 JSON 对象');
  }
  const parsed = donationRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new DonationError(400, issue.pii ? 'PERSONAL_INFO_IN_TEXT' : 'INVALID_BODY', issue.message, issue.field);
  }
  const { amountFen } = parsed.data;
  if (!isWithinBounds(amountFen, bounds)) {
    throw new DonationError(400, 'AMOUNT_OUT_OF_RANGE', amountRangeMessage(bounds), 'amountFen');
  }
  return parsed.data;
}

interface Target {
  project: Project;
  charity: Charity;
  routing: NewRoutingDecision | null;
}

async function chooseTarget(ctx: DonationsContext, view: SnapshotView, request: DonationRequest): Promise<Target> {
  const today = todayIso(ctx.now());
  if (request.projectSlug !== undefined) {
    const project = view.projects.get(request.projectSlug);
    if (!project) throw new DonationError(404, 'PROJECT_NOT_FOUND', '找不到这个项目', 'projectSlug');
    const charity = view.charities.get(project.charity);
    if (!charity) throw new DonationError(409, 'NOT_ACCEPTING_DONATIONS', '该项目的慈善组织信息缺失，暂不能捐赠');
    const result = eligibilityOf(ctx, project, charity, today);
    if (!result.eligible) {
      throw new DonationError(
        409,
        'NOT_ACCEPTING_DONATIONS',
        `该项目暂不接受捐赠：${result.reasons.map((r) => r.message).join('；')}`,
        'projectSlug',
        result.reasons,
      );
    }
    return { project, charity, routing: null };
  }
  // A gift on a campaign page goes to one of that campaign's projects (unknown: 400, ended: 409).
  const campaign = campaignOfGift(view, request.pool?.campaign, today);
  const cause: Cause = { targetGroup: request.pool?.targetGroup, region: request.pool?.region };
  const causeLabel = describeCause(cause, view.snapshot);
  const choice = await routeAmongEligible(ctx, view, cause, causeLabel, today, campaign);
  if (!choice) {
    throw new DonationError(
      409,
      'NO_ELIGIBLE_PROJECT',
      campaign
        ? `专题活动「${campaign.title}」的参与项目中，捐赠方向「${causeLabel}」下暂时没有正在接受捐赠、且信息公开没有逾期的项目；可以打开活动页面列出的项目捐赠`
        : `捐赠方向「${causeLabel}」下暂时没有正在接受捐赠、且信息公开没有逾期的项目`,
      'pool',
    );
  }
  const project = view.projects.get(choice.chosen.slug) as Project;
  return {
    project,
    charity: view.charities.get(project.charity) as Charity,
    routing: {
      requestJson: JSON.stringify(campaign ? { ...cause, campaign: campaign.slug } : cause),
      candidateCount: choice.candidateCount,
      chosenProject: project.slug,
      rankingJson: JSON.stringify({
        decidedBy: choice.decidedBy,
        overdueCount: choice.overdueCount,
        // Candidates were this campaign's projects only (the gift was made on its page).
        ...(campaign ? { within: { campaign: campaign.slug } } : {}),
        ranking: choice.ranking,
      }),
      reason: choice.reason,
    },
  };
}

function receiptOf(ctx: DonationsContext, request: DonationRequest): NewReceiptRequest {
  const r = request.receipt;
  if (!r?.requested) return { requested: false, nameEnc: null, taxIdKind: null, taxIdEnc: null, emailEnc: null };
  return {
    requested: true,
    nameEnc: ctx.receipts.encrypt(r.name),
    taxIdKind: r.taxId ? taxIdKindOf(r.taxId) : null,
    taxIdEnc: r.taxId ? ctx.receipts.encrypt(r.taxId) : null,
    emailEnc: r.email ? ctx.receipts.encrypt(r.email) : null,
  };
}

/**
 * The sandbox takes no money, so it must never stand in for real merchants: when the live content
 * is not the demo content (a real release) and no merchant registry is configured, donations are
 * refused instead of being "paid" in the sandbox (DESIGN.md "Sandbox, not mock").
 */
export function refuseSandboxOnRealContent(ctx: DonationsContext, view: SnapshotView): void {
  if (ctx.merchants.kind === 'sandbox' && !view.snapshot.demo) {
    throw new DonationError(
      503,
      'SANDBOX_REFUSED',
      '本站发布的是真实内容，但尚未配置慈善组织的支付宝收款商户；沙箱支付只用于演示数据，暂不能在线捐赠',
    );
  }
}

/** `XJ` + Beijing time to the second + 16 random hex digits: 32 characters, Alipay-safe. */
export function newOutTradeNo(now: Date): string {
  return `XJ${toAlipayTime(now).replace(/\D/g, '')}${randomBytes(8).toString('hex').toUpperCase()}`;
}

/** Who asks, as far as the pay step cares: WeChat's browser gets a QR image even for a cashier link. */
export interface DonorClient {
  userAgent?: string | null;
}

/** 配捐 a gift to the project would meet now (issue 18): the confirm step says it before paying. */
async function matchingPreview(ctx: DonationsContext, slug: string) {
  const now = await matchingNow(ctx, slug);
  return now
    ? { matching: { pool: now.pool, sponsor: now.sponsor, remainingFen: now.remainingFen, exhausted: now.exhausted } }
    : {};
}

export async function createDonation(
  ctx: DonationsContext,
  body: unknown,
  client: DonorClient = {},
): Promise<CreatedDonation | CreatedPlan> {
  const request = parseDonationRequest(body, ctx.config.amount);
  const view = await ctx.snapshots.current();
  refuseSandboxOnRealContent(ctx, view);
  const { project, charity, routing } = await chooseTarget(ctx, view, request);
  // 一起捐: a gift through a team's link counts to that open team of the same project.
  const team = request.team === undefined ? null : await teamForGift(ctx, request.team, project.slug);
  const merchant = await ctx.merchants.forCharity(charity.slug);
  if (!merchant) {
    throw new DonationError(409, 'NOT_ACCEPTING_DONATIONS', `${charity.name}尚未开通收款商户，暂不能在线捐赠`);
  }
  // 每月捐: a plan and Alipay's signing page instead of an order (monthly/create-plan.ts).
  if (request.monthly) {
    return createMonthlyPlan(ctx, {
      request: { ...request, monthly: request.monthly },
      project,
      charity,
      routing,
      merchant,
      wechat: inWeChat(client.userAgent),
    });
  }
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.payWindowMinutes * 60_000);
  const id = randomUUID();
  const receipt = receiptOf(ctx, request);
  // The private link is written with the order, in its transaction: a paid gift always has it, and
  // a failed token write leaves no order.
  const lookup = lookupTokenRow(ctx, id, 'create');
  let outTradeNo = newOutTradeNo(now);
  for (let attempt = 0; ; attempt++) {
    try {
      await insertOrder(
        ctx.ledger.db,
        {
          id,
          outTradeNo,
          projectSlug: project.slug,
          charitySlug: charity.slug,
          merchantAppId: merchant.appId,
          amountFen: request.amountFen,
          channel: request.channel,
          anonymous: request.anonymous,
          displayName: request.anonymous ? null : (request.displayName ?? null),
          message: request.message ?? null,
          routed: routing !== null,
          sandbox: merchant.sandbox,
          payExpiresAt: expiresAt.toISOString(),
          createdAt: now.toISOString(),
        },
        receipt,
        routing,
        team ? [lookup.row, ['team_orders', { order_id: id, team_id: team.id }]] : [lookup.row],
      );
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
      outTradeNo = newOutTradeNo(now);
    }
  }
  let pay: PayStep;
  try {
    pay = await createPaymentStep(merchant, {
      outTradeNo,
      amountFen: request.amountFen,
      subject: project.title,
      channel: request.channel,
      expiresAt,
      notifyUrl: ctx.config.notifyUrl,
      returnUrl: ctx.config.returnUrlTemplate.replace('{donationId}', id),
    });
  } catch (error) {
    ctx.log(`捐赠 ${outTradeNo}：无法生成支付步骤，订单已关闭。${(error as Error).message}`);
    await transitionOrder(ctx.ledger.db, {
      orderId: id,
      from: 'pending',
      to: 'closed',
      at: ctx.now().toISOString(),
      source: 'system',
    });
    throw new DonationError(502, 'PAYMENT_UNAVAILABLE', '暂时无法连接支付宝，请稍后再试；本次没有扣款');
  }
  return {
    donationId: id,
    outTradeNo,
    project: { slug: project.slug, title: project.title, charity: { slug: charity.slug, name: charity.name } },
    amountFen: request.amountFen,
    ...(routing ? { routing: { reason: routing.reason } } : {}),
    ...(await matchingPreview(ctx, project.slug)),
    pay: await withPayQrImage(pay, { wechat: inWeChat(client.userAgent) }),
    lookup: { token: lookup.token, path: myGiftLink(lookup.token) },
  };
}
