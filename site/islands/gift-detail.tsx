import { formatDate } from '../../content/contracts/format.ts';
import { formatYuan } from '../../content/contracts/money.ts';
import { type GiftView, RECEIPT_STATE_LABELS } from '../../content/contracts/my-gift-link.ts';

/**
 * One found gift on /my/ (捐赠财产使用情况): the donor's own order, then only public facts of its
 * project — routing reason, disclosures since the gift with their expense lines, the raised/spent
 * chart (an SVG the server built, with its numbers as text), overdue disclosures, 剩余财产 — and
 * the receipt status. The chart is our API's own markup (donations/after-gift/money-chart.ts).
 */
const OVERDUE_KIND: Record<string, string> = {
  periodic: '定期公开',
  'final-report': '结项报告',
  'remaining-property': '剩余财产处理',
  emergency: '应急募捐收支公开',
};
const STATUS: Record<GiftView['status'], string> = {
  pending: '等待支付',
  paid: '已支付',
  closed: '已关闭（未付款）',
  refunded: '已全额退款',
};

export function GiftDetail({ gift }: { gift: GiftView }) {
  const since = gift.disclosures.filter((d) => d.afterGift);
  const before = gift.disclosures.find((d) => !d.afterGift);
  return (
    <article className="gift" data-gift={gift.outTradeNo} aria-labelledby={`gift-${gift.outTradeNo}`}>
      <h2 id={`gift-${gift.outTradeNo}`}>
        <a href={gift.project.path}>{gift.project.title}</a>
      </h2>
      <dl className="facts gift__facts">
        <div>
          <dt>收款的慈善组织</dt>
          <dd>{gift.charity.name}</dd>
        </div>
        <div>
          <dt>金额</dt>
          <dd>
            {formatYuan(gift.amountFen)}
            {gift.refundedFen > 0 && gift.status === 'paid' && `（已退款 ${formatYuan(gift.refundedFen)}）`}
          </dd>
        </div>
        <div>
          <dt>状态</dt>
          <dd>
            {STATUS[gift.status]}
            {gift.paidOn && ` · ${formatDate(gift.paidOn)}`}
          </dd>
        </div>
        <div className="wide">
          <dt>商户订单号</dt>
          <dd className="gift__number">{gift.outTradeNo}</dd>
        </div>
      </dl>
      {gift.routing && (
        <p className="small" data-routing-reason="">
          平台为您选择这个项目的理由：{gift.routing.reason}
        </p>
      )}

      <h3>捐赠票据</h3>
      <p data-receipt={gift.receipt.state}>
        {RECEIPT_STATE_LABELS[gift.receipt.state]}
        {gift.receipt.number && `，票据号 ${gift.receipt.number}`}
        {gift.receipt.reason && `。原因：${gift.receipt.reason}`}
        {gift.receipt.url && (
          <>
            {' · '}
            <a href={gift.receipt.url} rel="noopener noreferrer">
              查看电子票据
            </a>
          </>
        )}
      </p>

      <h3>善款使用情况</h3>
      {gift.overdue.length > 0 && (
        <p className="callout callout--warn" data-overdue="">
          该项目有逾期未披露的信息：
          {gift.overdue
            .map((o) => `${OVERDUE_KIND[o.kind] ?? o.kind}（应于 ${formatDate(o.dueOn)} 前公开）`)
            .join('、')}
          。
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our API's own SVG, text escaped there (money-chart.ts). */}
      <div className="gift__chart" dangerouslySetInnerHTML={{ __html: gift.chartSvg }} />
      <p className="small">
        {gift.money.asOf
          ? `已募得 ${formatYuan(gift.money.raisedFen)}，已支出 ${formatYuan(gift.money.spentFen)}（据 ${formatDate(gift.money.asOf)} 的信息公开）`
          : '项目尚未公开收支。'}
      </p>
      {since.length === 0 && <p data-disclosures="none">您捐赠之后，该项目还没有发布新的信息公开。</p>}
      {[...since, ...(before ? [before] : [])].map((d) => (
        <section key={d.slug} className="gift__disclosure" data-disclosure={d.slug}>
          <h4>
            {d.afterGift ? '' : '捐赠前最近一次公开：'}
            {d.kind} · {d.title}
          </h4>
          <p className="small muted">
            {formatDate(d.publishedOn)} 公开，涵盖 {formatDate(d.period.start)}–{formatDate(d.period.end)}
          </p>
          {d.expenses.length > 0 ? (
            // A wide table scrolls on a phone: the region takes focus so keyboards can scroll it (axe).
            // biome-ignore lint/a11y/useSemanticElements: a section would add a landmark per disclosure.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be focusable.
            <div className="scroll-x" role="region" aria-label={`${d.title}：支出明细`} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">日期</th>
                    <th scope="col">支出事项</th>
                    <th scope="col">类别</th>
                    <th scope="col" className="num">
                      金额
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.expenses.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: lines of a published list, never reordered.
                    <tr key={i}>
                      <td>{formatDate(e.date)}</td>
                      <td>{e.item}</td>
                      <td>{e.category}</td>
                      <td className="num">{formatYuan(e.amountFen)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      合计
                    </th>
                    <td className="num">{formatYuan(d.expenseTotalFen)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          ) : (
            <p className="small">这次公开没有列出支出明细。</p>
          )}
        </section>
      ))}
      {gift.remaining && (
        <>
          <h3>剩余财产处理</h3>
          <p data-remaining="">
            募捐方案中的处理方式：{gift.remaining.plan}
            {gift.remaining.disclosure
              ? `。已于 ${formatDate(gift.remaining.disclosure.publishedOn)} 公开「${gift.remaining.disclosure.title}」。`
              : '。慈善组织尚未公开剩余财产的处理情况。'}
          </p>
        </>
      )}
    </article>
  );
}
