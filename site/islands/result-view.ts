import { formatYuan } from '../../content/contracts/money.ts';
import type { DonationStatus } from './donation-status.ts';

/**
 * What the result page says for each state of the lookup. Only the order's status as our ledger
 * has it (`GET /api/donations/{id}`, moved by Alipay's signed notify) decides 支付成功 — never
 * the parameters the browser brings back from the cashier.
 */
export type ResultState =
  | { kind: 'missing-id' }
  | { kind: 'invalid-id' }
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'network'; message: string }
  | { kind: 'gave-up'; last: DonationStatus | null }
  | { kind: 'status'; donation: DonationStatus };

export type Tone = 'wait' | 'ok' | 'bad' | 'warn';

export interface ResultView {
  title: string;
  tone: Tone;
  lines: string[];
  /** Link to the project, when known. */
  project: { href: string; title: string; charity: string } | null;
  /** A cause gift: why this project was chosen (the reason the confirm step showed). */
  routingReason: string | null;
  /** Keep polling after showing this. */
  polling: boolean;
  /** Offer a "check again" button. */
  retry: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The `id` query parameter when it looks like a donation id; everything else there is ignored. */
export function donationIdFrom(search: string): ResultState | { kind: 'id'; id: string } {
  const id = new URLSearchParams(search).get('id')?.trim() ?? '';
  if (id === '') return { kind: 'missing-id' };
  if (!UUID.test(id)) return { kind: 'invalid-id' };
  return { kind: 'id', id: id.toLowerCase() };
}

/** 配捐, shown beside the gift and never added to it; a gift paid after the pool ran out is told so. */
const MATCH_CUT: Record<string, string> = {
  pool: '支付时配捐已经用完',
  'donor-cap': '您今天在本配捐中获配的金额已达每人每日上限',
  'project-cap': '该项目获配的金额已达上限',
  'no-donor-id': '支付宝没有提供付款账户信息，无法核对每人上限',
};

export function matchLines(d: DonationStatus): string[] {
  const m = d.match;
  if (!m) return [];
  if (m.amountFen > 0) {
    return [`配捐 ${formatYuan(m.amountFen)}：${m.sponsor}承诺按“${m.pool}”的规则，直接拨付给慈善组织（本站不经手）。`];
  }
  return [`本笔捐款没有获得配捐：${MATCH_CUT[m.limitedBy] ?? '不符合配捐规则'}。您的捐款照常全额用于项目。`];
}

function projectOf(d: DonationStatus): ResultView['project'] {
  return {
    href: `/projects/${encodeURIComponent(d.project.slug)}/`,
    title: d.project.title,
    charity: d.project.charity.name,
  };
}

export function resultView(state: ResultState): ResultView {
  const base = { project: null, routingReason: null, polling: false, retry: false };
  switch (state.kind) {
    case 'missing-id':
      return {
        ...base,
        title: '缺少捐赠编号',
        tone: 'warn',
        lines: ['这个链接没有带上捐赠编号，无法查询。请从捐赠后的页面进入，或回到项目页面查看实时捐赠总额。'],
      };
    case 'invalid-id':
      return {
        ...base,
        title: '捐赠编号无效',
        tone: 'warn',
        lines: ['链接中的捐赠编号格式不正确，可能复制不完整。请检查链接后重试。'],
      };
    case 'loading':
      return { ...base, title: '正在查询捐赠状态…', tone: 'wait', lines: [], polling: true };
    case 'not-found':
      return {
        ...base,
        title: '找不到这笔捐赠',
        tone: 'bad',
        lines: ['本站没有这个编号的捐赠记录。如果您已付款，请保留支付宝的付款记录，并联系收款的慈善组织核对。'],
      };
    case 'network':
      return {
        ...base,
        title: '暂时无法查询',
        tone: 'warn',
        lines: [state.message, '正在自动重试；您的付款状态以支付宝通知本站的结果为准。'],
        polling: true,
      };
    case 'gave-up':
      return {
        ...base,
        title: state.last ? '仍在等待支付确认' : '暂时无法查询',
        tone: 'warn',
        lines: [
          '已经等待了较长时间，本页暂停自动查询。如果您已在支付宝付款，到账确认可能稍有延迟，请稍后点击“重新查询”。',
        ],
        project: state.last ? projectOf(state.last) : null,
        routingReason: state.last?.routing?.reason ?? null,
        retry: true,
      };
    case 'status': {
      const d = state.donation;
      const amount = formatYuan(d.amountFen);
      const project = projectOf(d);
      const withReason = { ...base, routingReason: d.routing?.reason ?? null };
      switch (d.status) {
        case 'paid':
          return {
            ...withReason,
            title: '支付成功',
            tone: 'ok',
            lines: [
              `您捐赠的 ${amount}已付给${d.project.charity.name}，用于“${d.project.title}”。感谢您的善意！`,
              '善款直接进入该慈善组织的账户，本站不经手资金。',
              ...matchLines(d),
            ],
            project,
          };
        case 'pending':
          return {
            ...withReason,
            title: '等待支付确认',
            tone: 'wait',
            lines: [
              `捐赠 ${amount}给${d.project.charity.name}，正在等待支付宝的到账通知。付款后通常几秒内确认，本页会自动更新。`,
              '如果您还没有付款，或已取消付款，订单会在支付时限过后自动关闭，不会扣款。',
            ],
            project,
            polling: true,
          };
        case 'closed':
          return {
            ...withReason,
            title: '订单已关闭',
            tone: 'bad',
            lines: [`这笔 ${amount}的捐赠没有完成付款，订单已关闭，没有扣款。可以回到项目页面重新捐赠。`],
            project,
          };
        case 'refunded':
          return {
            ...withReason,
            title: '已退款',
            tone: 'warn',
            lines: [`这笔 ${amount}的捐赠已由${d.project.charity.name}退回。`],
            project,
          };
      }
    }
  }
}

/** Seconds between polls: 1, 1.5, 2.25 … up to 15 s; after about 10 minutes we stop and offer a button. */
export function pollDelayMs(attempt: number): number {
  return Math.min(15_000, Math.round(1000 * 1.5 ** Math.max(0, attempt)));
}

export const POLL_GIVE_UP_MS = 10 * 60 * 1000;
