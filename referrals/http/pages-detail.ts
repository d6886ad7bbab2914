import { formatMoney } from '../../content/contracts/money.ts';
import { labelOf, SERVICE_TYPES, TARGET_GROUPS } from '../../content/schemas/taxonomy.ts';
import type { Account } from '../accounts/accounts.ts';
import { consentFields } from '../cases/access.ts';
import { countdownText } from '../cases/deadline.ts';
import type { ReferralView } from '../cases/read.ts';
import {
  ASSISTANCE_KINDS,
  CONSENT_RELATIONS,
  COUNTY_OUTCOMES,
  DECLINE_REASONS,
  GOV_ASSISTANCE,
  HELP_KINDS,
  PERSONAL_FIELDS,
  STATUS_LABELS,
  URGENCY,
} from '../cases/vocabulary.ts';
import { html, type Markup } from './html.ts';
import { csrfField, errorBox, noticeBox } from './layout.ts';
import type { Names } from './names.ts';

const OFFER_STATES: Record<string, string> = {
  queued: '排队（前一家婉拒或逾期后转给它）',
  offered: '等待答复',
  accepted: '已接收',
  declined: '已婉拒',
  passed: '逾期未答复，已转下一家',
};
const EXTRA_LABELS: Record<string, string> = { consentBy: '同意人', guardian: '监护人', govReason: '政府救助情况说明' };

function personSection(v: ReferralView, today: string): Markup {
  if (v.purged) return html`<p class="card">结案期满，个人信息已按规定清除；只保留去标识化的统计信息。</p>`;
  if (v.access.kind === 'oversight') return html`<p class="card">监督账号不显示个人信息。</p>`;
  const entries = Object.entries(v.person);
  if (entries.length === 0 && v.r.consent_until < today) {
    return html`<p class="card">当事人的同意已于 ${v.r.consent_until} 到期，个人信息不再向您显示。</p>`;
  }
  if (entries.length === 0) return html`<p class="card">当事人未同意向您提供个人信息。</p>`;
  return html`<div class="card"><dl>${entries.map(
    ([k, val]) =>
      html`<dt>${labelOf(PERSONAL_FIELDS, k) === k ? (EXTRA_LABELS[k] ?? k) : labelOf(PERSONAL_FIELDS, k)}</dt><dd>${val}</dd>`,
  )}</dl><p class="hint">您的每次查看都记入审计日志。</p></div>`;
}

function actions(account: Account, v: ReferralView, csrf: string, today: string): Markup | '' {
  const r = v.r;
  const base = `/workbench/referrals/${r.id}`;
  const current = v.offers.find((o) => o.state === 'offered' || o.state === 'accepted');
  const f = (action: string, body: Markup, label: string, primary = true) =>
    html`<form method="post" action="${base}/${action}" class="card">${csrfField(csrf)}${body}<button class="${primary ? 'primary' : 'secondary'}" type="submit">${label}</button></form>`;
  if (v.access.kind !== 'party') return '';
  if (account.role === 'charity' && r.direction === 'to-charity' && current?.charity_slug === account.charity_slug) {
    if (current.state === 'offered') {
      return html`<h2>答复</h2>
${f('accept', html`<p>接收后可按简化程序及时帮扶（民发〔2023〕46号）。</p>`, '接收')}
${f(
  'decline',
  html`<label for="reason">婉拒原因（必填）</label><select id="reason" name="reason" required><option value="">请选择</option>${Object.entries(DECLINE_REASONS).map(([k, l]) => html`<option value="${k}">${l}</option>`)}</select>
<label for="detail">补充说明</label><textarea id="detail" name="detail"></textarea>`,
  '婉拒',
  false,
)}`;
    }
    return html`<h2>登记帮扶</h2>
${f(
  'help',
  html`<label for="kind">帮扶方式（必填）</label><select id="kind" name="kind" required><option value="">请选择</option>${Object.entries(HELP_KINDS).map(([k, l]) => html`<option value="${k}">${l}</option>`)}</select>
<label for="amount">金额（元，资金帮扶必填）</label><input id="amount" name="amount" type="text" inputmode="decimal">
<label for="startedOn">开始日期（必填）</label><input id="startedOn" name="startedOn" type="date" value="${today}" required>
<label for="endedOn">结束日期</label><input id="endedOn" name="endedOn" type="date">
<label for="note">说明</label><textarea id="note" name="note"></textarea>`,
  '登记帮扶',
)}
<h2>结案</h2>
${f(
  'close',
  html`<fieldset><legend>结果</legend><label class="inline"><input type="radio" name="outcome" value="helped" required> 已帮扶</label><label class="inline"><input type="radio" name="outcome" value="closed-unhelped"> 未能帮扶</label></fieldset>
<label for="closeNote">说明</label><textarea id="closeNote" name="note"></textarea>`,
  '结案',
)}`;
  }
  if (account.role === 'civil-affairs') {
    if (r.direction === 'to-charity' && r.status === 'draft') {
      return html`<a class="button" href="${base}/charities">选择慈善组织</a>`;
    }
    if (r.direction === 'to-charity' && current?.state === 'offered' && current.countdown?.overdue) {
      const next = v.offers.find((o) => o.state === 'queued');
      return f(
        'pass-on',
        html`<p>该慈善组织逾期未答复。${next ? '系统会在几分钟内自动转给当事人同意的下一家，也可以现在就转。' : '没有排队的下一家：转出后本转介结束，可另行新建。'}</p>`,
        next ? '转给下一家' : '结束本转介',
      );
    }
    if (r.direction === 'to-civil-affairs' && (r.status === 'pending' || r.status === 'assessed')) {
      return html`<h2>登记办理结果（报告方可见）</h2>${f(
        'outcome',
        html`<fieldset><legend>结果</legend>${Object.entries(COUNTY_OUTCOMES).map(
          ([k, l]) =>
            html`<label class="inline"><input type="radio" name="outcome" value="${k}" required> ${l}</label>`,
        )}</fieldset><label for="outcomeNote">说明</label><textarea id="outcomeNote" name="note"></textarea>`,
        '登记结果',
      )}`;
    }
  }
  return '';
}

export function detailBody(
  account: Account,
  v: ReferralView,
  names: Names,
  csrf: string,
  today: string,
  message: { error: string | null; notice: string | null },
): Markup {
  const r = v.r;
  const allowed = consentFields(r).map((f) => labelOf(PERSONAL_FIELDS, f));
  return html`${errorBox(message.error)}${noticeBox(message.notice)}
<div class="card"><dl>
<dt>编号</dt><dd>${r.reference}</dd>
<dt>方向</dt><dd>${r.direction === 'to-charity' ? '民政部门转介给慈善组织' : '慈善组织报告给民政部门'}</dd>
<dt>状态</dt><dd><strong>${STATUS_LABELS[r.status] ?? r.status}</strong></dd>
<dt>帮扶对象</dt><dd>${labelOf(TARGET_GROUPS, r.target_group)}</dd>
${r.service_type ? html`<dt>需要的帮扶</dt><dd>${labelOf(SERVICE_TYPES, r.service_type)}</dd>` : ''}
${r.assistance_kind ? html`<dt>可能符合</dt><dd>${labelOf(ASSISTANCE_KINDS, r.assistance_kind)}</dd>` : ''}
<dt>所在县</dt><dd>${names.county(r.county_code)}</dd>
${r.direction === 'to-charity' ? html`<dt>紧急程度</dt><dd>${labelOf(URGENCY, r.urgency)}</dd><dt>政府救助</dt><dd>${labelOf(GOV_ASSISTANCE, r.gov_assistance)}</dd>` : ''}
<dt>家庭人口</dt><dd>${r.household_size} 人${r.minor ? '（当事人为未成年人）' : ''}</dd>
${r.reporter_charity ? html`<dt>报告机构</dt><dd>${names.charity(r.reporter_charity)}</dd>` : ''}
<dt>创建</dt><dd>${r.created_on}</dd>
${r.closed_on ? html`<dt>结束</dt><dd>${r.closed_on}</dd>` : ''}
</dl></div>
${r.direction === 'to-civil-affairs' && v.outcomeNote ? html`<div class="notice">民政部门说明：${v.outcomeNote}</div>` : ''}
${r.direction === 'to-charity' && v.outcomeNote ? html`<div class="notice">结案说明：${v.outcomeNote}</div>` : ''}
<h2>个人信息</h2>
${personSection(v, today)}
<h2>同意</h2>
<div class="card"><dl>
<dt>同意人身份</dt><dd>${labelOf(CONSENT_RELATIONS, r.consent_relation)}</dd>
<dt>同意日期</dt><dd>${r.consent_on}</dd>
<dt>有效期至</dt><dd>${r.consent_until}</dd>
<dt>可提供的信息</dt><dd>${allowed.length ? allowed.join('、') : '仅限不含个人信息的概况'}</dd>
</dl></div>
${
  v.offers.length
    ? html`<h2>转介进程</h2>${v.offers.map(
        (
          o,
        ) => html`<div class="card${o.countdown?.overdue ? ' overdue' : ''}"><strong>${names.charity(o.charity_slug)}</strong> · ${OFFER_STATES[o.state] ?? o.state}
${o.offered_on ? html`<div class="hint">转介于 ${o.offered_on}${o.deadline ? `，答复期限 ${o.deadline}` : ''}${o.decided_on ? `，答复于 ${o.decided_on}` : ''}</div>` : ''}
${o.countdown ? html`<span class="badge${o.countdown.overdue ? ' overdue' : ''}">${o.countdown.overdue ? '⚠ ' : ''}${countdownText(o.countdown)}</span>` : ''}
${o.reason ? html`<div>婉拒原因：${labelOf(DECLINE_REASONS, o.reason.split('：')[0] ?? '')}${o.reason.includes('：') ? `（${o.reason.split('：').slice(1).join('：')}）` : ''}</div>` : ''}</div>`,
      )}`
    : ''
}
${
  v.help.length
    ? html`<h2>帮扶记录</h2>${v.help.map(
        (
          h,
        ) => html`<div class="card"><strong>${labelOf(HELP_KINDS, h.kind)}</strong>${h.amount_fen ? html` · ${formatMoney(h.amount_fen)}` : ''}
<div class="hint">${h.started_on}${h.ended_on ? ` 至 ${h.ended_on}` : ' 起'} · ${names.charity(h.charity_slug)}</div>${h.note ? html`<div>${h.note}</div>` : ''}</div>`,
      )}`
    : ''
}
${actions(account, v, csrf, today)}
<p><a href="/workbench/queue">返回队列</a></p>`;
}
