import { describe, expect, it } from 'vitest';
import type { DonationStatus } from '../../../../site/islands/donation-status.ts';
import { donationIdFrom, POLL_GIVE_UP_MS, pollDelayMs, resultView } from '../../../../site/islands/result-view.ts';

const ID = '0b7c2a3e-1f4d-4c5b-9a8e-2d3c4b5a6f70';
const donation = (status: DonationStatus['status']): DonationStatus => ({
  donationId: ID,
  status,
  amountFen: 5000,
  project: { slug: 'p-1', title: '乡村助学', charity: { slug: 'c-1', name: '某某慈善会' } },
});

describe('donation result page', () => {
  it('reads only the id from the query, ignoring what the cashier appends', () => {
    expect(donationIdFrom('')).toEqual({ kind: 'missing-id' });
    expect(donationIdFrom('?id=')).toEqual({ kind: 'missing-id' });
    expect(donationIdFrom('?id=123')).toEqual({ kind: 'invalid-id' });
    expect(donationIdFrom(`?id=${ID.toUpperCase()}&trade_status=TRADE_SUCCESS&total_amount=50.00&sign=x`)).toEqual({
      kind: 'id',
      id: ID,
    });
  });

  it('says 等待支付确认 / 支付成功 / 订单已关闭 with the project and charity, polling only while pending', () => {
    const pending = resultView({ kind: 'status', donation: donation('pending') });
    expect(pending.title).toBe('等待支付确认');
    expect(pending.polling).toBe(true);
    const paid = resultView({ kind: 'status', donation: donation('paid') });
    expect(paid.title).toBe('支付成功');
    expect(paid.lines.join('')).toContain('50.00 元已付给某某慈善会');
    expect(paid.project).toEqual({ href: '/projects/p-1/', title: '乡村助学', charity: '某某慈善会' });
    expect(paid.polling).toBe(false);
    expect(resultView({ kind: 'status', donation: donation('closed') }).title).toBe('订单已关闭');
    expect(resultView({ kind: 'status', donation: donation('refunded') }).title).toBe('已退款');
  });

  it("repeats a cause gift's routing reason in every state that names the project", () => {
    const reason = '按捐赠方向「农村留守儿童 · 湖南省」……已公开募得 54.88 万元，已达目标的 29%';
    for (const status of ['pending', 'paid', 'closed', 'refunded'] as const) {
      const view = resultView({ kind: 'status', donation: { ...donation(status), routing: { reason } } });
      expect(view.routingReason).toBe(reason);
    }
    expect(resultView({ kind: 'gave-up', last: { ...donation('pending'), routing: { reason } } }).routingReason).toBe(
      reason,
    );
    expect(resultView({ kind: 'status', donation: donation('paid') }).routingReason).toBeNull();
    expect(resultView({ kind: 'loading' }).routingReason).toBeNull();
  });

  it('has a clear Chinese state for missing, unknown and unreachable', () => {
    expect(resultView({ kind: 'missing-id' }).title).toBe('缺少捐赠编号');
    expect(resultView({ kind: 'invalid-id' }).title).toBe('捐赠编号无效');
    expect(resultView({ kind: 'not-found' }).title).toBe('找不到这笔捐赠');
    const network = resultView({ kind: 'network', message: '网络连接失败' });
    expect(network.title).toBe('暂时无法查询');
    expect(network.polling).toBe(true);
    const gaveUp = resultView({ kind: 'gave-up', last: donation('pending') });
    expect(gaveUp.retry).toBe(true);
    expect(gaveUp.polling).toBe(false);
  });

  it('backs off from 1 s to at most 15 s and gives up after ten minutes', () => {
    const delays = Array.from({ length: 12 }, (_, i) => pollDelayMs(i));
    expect(delays[0]).toBe(1000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    expect(Math.max(...delays)).toBe(15_000);
    expect(POLL_GIVE_UP_MS).toBe(600_000);
  });
});

describe('配捐 on the result page (issue 18)', () => {
  const paid = (match?: DonationStatus['match']): DonationStatus => ({
    ...donation('paid'),
    ...(match ? { match } : {}),
  });
  it('says the match beside the gift, or honestly why there is none', () => {
    const matched = resultView({
      kind: 'status',
      donation: paid({ amountFen: 5_000, limitedBy: 'rule', pool: '1:1 配捐', sponsor: '示例公司' }),
    });
    expect(matched.lines.join('')).toContain('配捐 50.00 元');
    const late = resultView({
      kind: 'status',
      donation: paid({ amountFen: 0, limitedBy: 'pool', pool: '1:1 配捐', sponsor: '示例公司' }),
    });
    expect(late.lines.join('')).toContain('支付时配捐已经用完');
    expect(resultView({ kind: 'status', donation: paid() }).lines.join('')).not.toContain('配捐');
  });
});
