import {
  DISCLOSURE_KINDS,
  type Disclosure,
  disclosureSchedule,
  EXPENSE_CATEGORIES,
  type GiftDisclosure,
  type GiftView,
  projectMoney,
  todayIso,
} from '../../content/index.ts';
import { paths } from '../../content/paths.ts';
import type { DonationsContext } from '../context.ts';
import type { OrderRow } from '../ledger/orders.ts';
import { chinaDay, routingReasonOf } from '../public-queries.ts';
import { moneyChartSvg } from './money-chart.ts';
import { receiptOf } from './receipt-status.ts';
import { signVoucherCode } from './voucher-code.ts';

/**
 * 捐赠财产使用情况 for one found gift (issue 16 item 2), from the ledger (the donor's own order)
 * and the live release's snapshot (public facts of its project only: the same disclosures, money
 * figures and overdue rule as the project page — `projectMoney`, `disclosureSchedule`). Nothing of
 * another donor, no beneficiary data beyond what the public pages show (disclosures are
 * PII-linted when published), no receipt name or tax id.
 */
function disclosureOf(d: Disclosure, afterGift: boolean): GiftDisclosure {
  return {
    slug: d.slug,
    kind: DISCLOSURE_KINDS[d.kind],
    title: d.title,
    publishedOn: d.publishedOn,
    period: d.period,
    expenses: d.expenses.map((e) => ({
      date: e.date,
      item: e.item,
      category: EXPENSE_CATEGORIES[e.category],
      amountFen: e.amountFen,
    })),
    expenseTotalFen: d.expenses.reduce((sum, e) => sum + e.amountFen, 0),
    afterGift,
  };
}

const newestFirst = (a: Disclosure, b: Disclosure) =>
  a.publishedOn === b.publishedOn ? (a.slug < b.slug ? 1 : -1) : a.publishedOn < b.publishedOn ? 1 : -1;

export async function giftView(ctx: DonationsContext, order: OrderRow): Promise<GiftView> {
  const view = await ctx.snapshots.current();
  const project = view.projects.get(order.project_slug);
  const charity = view.charities.get(order.charity_slug);
  const today = todayIso(ctx.now());
  const giftDay = chinaDay(order.paid_at ?? order.created_at);
  const all = (view.disclosures.get(order.project_slug) ?? []).filter((d) => d.publishedOn <= today);
  const sorted = [...all].sort(newestFirst);
  const since = sorted.filter((d) => d.publishedOn >= giftDay);
  const before = sorted.find((d) => d.publishedOn < giftDay);
  const money = projectMoney(
    [...all].sort((a, b) => -newestFirst(a, b)),
    today,
  );
  const schedule = project ? disclosureSchedule(project, all, today) : null;
  const ended = project && (project.status === 'completed' || project.status === 'terminated');
  const remainingNote = sorted.find((d) => d.kind === 'remaining-property');
  const routing = await routingReasonOf(ctx, order);
  const paid = order.status === 'paid' || order.status === 'refunded';
  return {
    outTradeNo: order.out_trade_no,
    status: order.status,
    amountFen: order.amount_fen,
    refundedFen: order.refunded_fen,
    paidOn: order.paid_at ? chinaDay(order.paid_at) : null,
    project: {
      slug: order.project_slug,
      title: project?.title ?? order.project_slug,
      path: paths.project(order.project_slug),
      status: project?.status ?? 'completed',
    },
    charity: { slug: order.charity_slug, name: charity?.name ?? order.charity_slug },
    routing: routing ? { reason: routing.reason } : null,
    disclosures: [...since.map((d) => disclosureOf(d, true)), ...(before ? [disclosureOf(before, false)] : [])],
    money: { raisedFen: money.raisedFen, spentFen: money.spentFen, asOf: money.asOf },
    chartSvg: moneyChartSvg(money, order.out_trade_no.slice(-8)),
    overdue: (schedule?.overdue ?? []).map((i) => ({ kind: i.kind, dueOn: i.dueOn })),
    remaining: ended
      ? {
          plan: project.plan?.remainingProperty ?? '该项目未公开募捐，无募捐方案中的剩余财产处理方式',
          disclosure: remainingNote ? { title: remainingNote.title, publishedOn: remainingNote.publishedOn } : null,
        }
      : null,
    receipt: await receiptOf(ctx, order.id),
    verifyPath: paid ? `/verify/${signVoucherCode(ctx, order)}` : null,
  };
}
