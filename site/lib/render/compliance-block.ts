import { formatDate, formatRange } from '../../../content/contracts/format.ts';
import { formatMoney } from '../../../content/contracts/money.ts';
import { PARTNER_TYPES } from '../../../content/index.ts';
import { paths } from '../../../content/paths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * What Charity Law Art. 25 and the 2017 platform standards require to be shown prominently on a
 * fundraising page: the charity's full name, 统一社会信用代码, 公开募捐资格, the filed plan's
 * essentials with its 备案编号, the fundraising window, contact details, where to verify it on
 * 慈善中国, and the partners (who may not collect money themselves, Art. 26).
 */
const fact = (term: string, value: SafeHtml | string, wide = false) =>
  html`<div${wide ? html` class="wide"` : ''}><dt>${term}</dt><dd>${value}</dd></div>`;

export function complianceBlockHtml(view: ProjectView): SafeHtml {
  const { project, charity } = view;
  const plan = project.plan;
  const contact = html`电话 ${charity.contact.phone}${charity.contact.email ? `；邮箱 ${charity.contact.email}` : ''}<br>${charity.contact.address}`;
  const partners =
    plan && plan.partners.length > 0
      ? html`<ul>${plan.partners.map(
          (p) =>
            html`<li>${p.name}（${PARTNER_TYPES[p.type]}${p.creditCode ? `，统一社会信用代码 ${p.creditCode}` : ''}）：${p.role}</li>`,
        )}</ul><p class="small muted">合作方不得代为接收善款；善款只进入${charity.name}的账户。</p>`
      : '无';
  const planFacts = plan
    ? [
        fact('募捐期限', formatRange(plan.window)),
        fact('募捐目标', formatMoney(plan.goalFen)),
        fact('募捐目的', plan.purpose, true),
        fact('受益人范围与确定方法', `${plan.beneficiaryScope} ${plan.beneficiarySelection}`, true),
        fact('募得款物用途', plan.useOfFunds, true),
        fact('募捐成本', plan.fundraisingCost),
        fact('管理费用上限', `不超过募得资金的 ${plan.managementCostPermille / 10}%`),
        fact('剩余财产处理', plan.remainingProperty, true),
      ]
    : [];
  return html`<section class="compliance" aria-labelledby="compliance-heading"><h2 id="compliance-heading">募捐信息公示</h2><dl class="facts">${[
    fact('慈善组织', html`<a href="${paths.charity(charity.slug)}">${charity.name}</a>`),
    fact('统一社会信用代码', charity.creditCode),
    fact(
      '公开募捐资格',
      charity.publicFundraisingSince
        ? `具备（自 ${formatDate(charity.publicFundraisingSince)} 起）`
        : '不具备公开募捐资格',
    ),
    fact('募捐方案备案编号', plan ? (plan.filingNumber ?? '尚未取得备案编号') : '本项目不开展公开募捐'),
    ...planFacts,
    fact('项目实施期', formatRange(project.implementation)),
    fact('联系方式', contact),
    fact(
      '核验',
      html`<a href="${charity.registryUrl}" rel="noopener">在“慈善中国”查询${charity.name}的登记与备案信息</a>`,
      true,
    ),
    fact('合作方', partners, true),
  ]}</dl></section>`;
}
