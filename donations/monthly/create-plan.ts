import { randomUUID } from 'node:crypto';
import type { Charity, DonationRequest, Project } from '../../content/index.ts';
import type { PayStep } from '../alipay/payment-step.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { NewRoutingDecision } from '../ledger/orders.ts';
import type { Merchant } from '../merchants/merchant.ts';
import { withPayQrImage } from '../pay-qr-image.ts';
import { agreementSignUrl } from './alipay-agreement.ts';
import { claimWindow, dueDate, startPeriodFor } from './periods.ts';
import {
  hashManageToken,
  insertPlan,
  monthlyDb,
  newExternalAgreementNo,
  newManageToken,
  type PlanRow,
  recordPlanEvent,
} from './plans.ts';

/**
 * `POST /api/donations` with `monthly`: the same checks as a one-off gift (validation, eligibility,
 * routing, the charity's own merchant) — done by create-donation.ts — then a plan waiting for its
 * agreement, and the signing step: Alipay's 周期扣款 page (`alipay.user.agreement.page.sign`) with
 * the charity's merchant. Nothing is charged until Alipay's `dut_user_sign` notify arrives; then the
 * scheduler charges each month (`scheduler.ts`). The answer carries the private management link —
 * its token is shown once and stored only as a hash.
 */
export interface CreatedPlan {
  planId: string;
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  amountFen: number;
  routing?: { reason: string };
  monthly: { dayOfMonth: number; onProjectEnd: 'continue' | 'stop'; firstChargeOn: string; manageUrl: string };
  pay: PayStep;
}

export function manageUrl(ctx: DonationsContext, token: string): string {
  return `${ctx.config.siteUrl.replace(/\/$/, '')}/monthly/manage/#${token}`;
}

export async function createMonthlyPlan(
  ctx: DonationsContext,
  input: {
    request: DonationRequest & { monthly: NonNullable<DonationRequest['monthly']> };
    project: Project;
    charity: Charity;
    routing: NewRoutingDecision | null;
    merchant: Merchant;
    /** Inside WeChat (which does not open Alipay's pages) the signing link comes as a QR image too. */
    wechat?: boolean;
  },
): Promise<CreatedPlan> {
  const { request, project, charity, routing, merchant } = input;
  if (request.receipt?.requested) {
    throw new DonationError(
      400,
      'INVALID_BODY',
      '每月捐赠暂不支持在签约时申请票据；请选择不需要票据，或改为单次捐赠',
      'receipt',
    );
  }
  const now = ctx.now();
  const at = now.toISOString();
  const day = request.monthly.dayOfMonth;
  const startPeriod = startPeriodFor(now, day);
  const token = newManageToken();
  const plan: PlanRow = {
    id: randomUUID(),
    external_agreement_no: newExternalAgreementNo(),
    token_hash: hashManageToken(token),
    status: 'signing',
    project_slug: project.slug,
    cause_json: routing ? routing.requestJson : null,
    charity_slug: charity.slug,
    merchant_app_id: merchant.appId,
    sandbox: merchant.sandbox ? 1 : 0,
    amount_fen: request.amountFen,
    max_amount_fen: request.amountFen,
    day_of_month: day,
    on_project_end: request.monthly.onProjectEnd,
    channel: request.channel,
    anonymous: request.anonymous ? 1 : 0,
    display_name: request.anonymous ? null : (request.displayName ?? null),
    agreement_no: null,
    start_period: startPeriod,
    created_at: at,
    signed_at: null,
    status_reason: null,
    cancelled_at: null,
    unsign_state: 'none',
  };
  await insertPlan(monthlyDb(ctx.ledger), plan);
  if (routing) await recordPlanEvent(monthlyDb(ctx.ledger), plan.id, at, 'routed', routing.reason);
  const link = manageUrl(ctx, token);
  const firstChargeOn = dueDate(startPeriod, day);
  const url = signUrl(ctx, plan, merchant, link);
  const expiresAt = new Date(claimWindow(startPeriod, day).closes).toISOString();
  const pay: PayStep =
    request.channel === 'qr'
      ? { kind: 'qr', qrCode: url, sandbox: merchant.sandbox, expiresAt }
      : { kind: 'redirect', url, sandbox: merchant.sandbox, expiresAt };
  return {
    planId: plan.id,
    project: { slug: project.slug, title: project.title, charity: { slug: charity.slug, name: charity.name } },
    amountFen: request.amountFen,
    ...(routing ? { routing: { reason: routing.reason } } : {}),
    monthly: { dayOfMonth: day, onProjectEnd: request.monthly.onProjectEnd, firstChargeOn, manageUrl: link },
    // 扫码, or inside WeChat: the signing page's URL as a QR image, as for a one-off gift's pay step.
    pay: await withPayQrImage(pay, { wechat: input.wechat === true }),
  };
}

/** The signing page's URL for a plan still waiting (the management page offers it again). */
export function signUrl(ctx: DonationsContext, plan: PlanRow, merchant: Merchant, returnUrl: string): string {
  return agreementSignUrl(merchant, {
    externalAgreementNo: plan.external_agreement_no,
    maxAmountFen: plan.max_amount_fen,
    executeDate: dueDate(plan.start_period, plan.day_of_month),
    channel: plan.channel,
    notifyUrl: ctx.config.notifyUrl,
    returnUrl,
  });
}
