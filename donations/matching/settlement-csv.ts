import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { fenToYuan } from '../money.ts';
import { figureScope } from '../public-queries.ts';
import { csvCell } from '../receipts.ts';
import { settlementRows } from './queries.ts';

/**
 * A sponsor's settlement statement (配捐结算单) for one pool, as CSV: each matched gift with what
 * the sponsor pledged, what went back with refunds, and what it owes the charity — the sponsor pays
 * each charity directly. With a charity's token (`?charity=<slug>`): that charity's lines; with the
 * ministry's token (the `@ministry` entry of the export tokens): every line. No donor is named.
 */
export const MINISTRY_TOKEN_KEY = '@ministry';

const HEADER = [
  '配捐名称',
  '配捐方',
  '配捐方统一社会信用代码',
  '慈善组织',
  '项目',
  '商户订单号',
  '支付日期',
  '捐款金额（元）',
  '捐款已退（元）',
  '配捐承诺（元）',
  '配捐已退回（元）',
  '应拨付（元）',
];

export async function settlementCsv(
  ctx: DonationsContext,
  poolSlug: string,
  url: URL,
  authorization: string | null,
): Promise<string> {
  const charity = url.searchParams.get('charity');
  const ministry = ctx.exportTokens.verify(MINISTRY_TOKEN_KEY, authorization);
  if (!ministry && !(charity && ctx.exportTokens.verify(charity, authorization))) {
    throw new DonationError(
      401,
      'UNAUTHORIZED',
      '需要民政部门的导出令牌，或该慈善组织的令牌（并以 ?charity= 指明机构）',
    );
  }
  const view = await ctx.snapshots.current();
  const pool = view.snapshot.matchingPools.find((p) => p.slug === poolSlug);
  if (!pool) throw new DonationError(404, 'POOL_NOT_FOUND', '找不到这个配捐');
  const rows = await settlementRows(ctx.ledger.db, pool.slug, charity, figureScope(ctx));
  const lines = [HEADER.map(csvCell).join(',')];
  let owed = 0;
  for (const r of rows) {
    const due = Number(r.amount_fen) - Number(r.returned_fen);
    owed += due;
    lines.push(
      [
        pool.title,
        pool.sponsor.name,
        pool.sponsor.creditCode,
        view.charities.get(r.charity_slug)?.name ?? r.charity_slug,
        view.projects.get(r.project_slug)?.title ?? r.project_slug,
        r.out_trade_no,
        r.paid_day,
        fenToYuan(Number(r.gift_fen)),
        fenToYuan(Number(r.refunded_fen)),
        fenToYuan(Number(r.amount_fen)),
        fenToYuan(Number(r.returned_fen)),
        fenToYuan(due),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  lines.push(['合计', '', '', '', '', '', '', '', '', '', '', fenToYuan(owed)].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
