import { SERVICE_TYPES, TARGET_GROUPS } from '../../content/schemas/taxonomy.ts';
import type { Suggestion } from '../cases/suggest.ts';
import { ASSISTANCE_KINDS, CONSENT_RELATIONS, GOV_ASSISTANCE, PERSONAL_FIELDS, URGENCY } from '../cases/vocabulary.ts';
import type { Form } from './exchange.ts';
import { checkbox, radios, select, textArea, textInput } from './fields.ts';
import { html, type Markup } from './html.ts';
import { csrfField, errorBox } from './layout.ts';
import type { Names } from './names.ts';

/** The person and the consent: the same on both directions' forms. */
function personFields(form: Form): Markup {
  return html`<fieldset><legend>当事人</legend>
${textInput(form, 'name', '姓名', { required: true, autocomplete: 'off' })}
${textInput(form, 'idNumber', '身份证号', { hint: '18 位；没有可不填' })}
${textInput(form, 'phone', '联系电话', { inputmode: 'tel', hint: '手机号或带区号的固话' })}
${textInput(form, 'address', '住址')}
${textInput(form, 'householdSize', '家庭人口（人）', { type: 'number', required: true, inputmode: 'numeric' })}
${checkbox(form, 'minor', '当事人为未成年人（须由监护人同意）')}
${textInput(form, 'guardianName', '监护人姓名', { hint: '当事人为未成年人时必填' })}
${textArea(form, 'notes', '情况说明', '困难情形、已有帮扶等；最多 1000 字')}
</fieldset>`;
}

function consentFields(form: Form, today: string, whom: string): Markup {
  return html`<fieldset><legend>同意（没有同意，不能转介）</legend>
<p class="hint">依据民发〔2023〕46号：须征得困难群众同意，才能向${whom}提供其信息。请记录谁同意、何时同意、同意提供哪些信息、有效期到何时。</p>
${checkbox(form, 'consentGiven', `当事人（或其监护人）已同意向${whom}提供本表信息`)}
${textInput(form, 'consentBy', '同意人姓名', { required: true })}
${radios(form, 'consentRelation', '同意人与当事人的关系', CONSENT_RELATIONS)}
${textInput(form, 'consentOn', '同意日期', { type: 'date', required: true, hint: `不晚于今天（${today}）` })}
${textInput(form, 'consentUntil', '同意有效期至', { type: 'date', required: true })}
<fieldset><legend>同意提供给对方的个人信息</legend>
<p class="hint">未勾选的，对方看不到。</p>
${Object.entries(PERSONAL_FIELDS).map(([k, l]) => checkbox(form, 'consentFields', l, k))}
</fieldset>
</fieldset>`;
}

export function referralFormBody(form: Form, csrf: string, today: string, error: string | null): Markup {
  return html`${errorBox(error)}
<form method="post" action="/workbench/referrals" novalidate>
${csrfField(csrf)}
<fieldset><legend>困难情形</legend>
${select(form, 'targetGroup', '帮扶对象类别', TARGET_GROUPS)}
${select(form, 'serviceType', '需要的帮扶', SERVICE_TYPES)}
${radios(form, 'urgency', '紧急程度', URGENCY)}
${radios(form, 'govAssistance', '政府救助情况', GOV_ASSISTANCE)}
${textArea(form, 'govReason', '已给予的救助，或未获批准的原因', '已获救助或申请未获批准时必填')}
</fieldset>
${personFields(form)}
${consentFields(form, today, '慈善组织')}
<button class="primary" type="submit">下一步：选择慈善组织</button>
</form>`;
}

export function chooseBody(id: string, suggestions: Suggestion[], csrf: string, error: string | null): Markup {
  if (suggestions.length === 0) {
    return html`<p class="card">本县及所在市、省暂无与该困难情形相符、正在实施的慈善项目。可改天再试（项目随门户发布更新），或联系上级民政部门协调。</p>
<a href="/workbench/referrals/${id}">查看这条记录</a>`;
  }
  return html`${errorBox(error)}
<p>按匹配程度排序：在本县实施、帮扶对象和服务类型都相符的在前。可选 1–3 家，按顺序转介：前一家婉拒或逾期未答复时，转给下一家。</p>
<form method="post" action="/workbench/referrals/${id}/charities">
${csrfField(csrf)}
${suggestions.map(
  (
    s,
    i,
  ) => html`<label class="inline card"><input type="checkbox" name="choice" value="${s.charitySlug}|${s.projectSlug}"${i === 0 ? html` checked` : ''}>
<span><strong>${s.charityName}</strong><br>项目：${s.projectTitle}<br><span class="hint">推荐理由：${s.reason}</span></span></label>`,
)}
<label class="inline"><input type="checkbox" name="consentCharities" value="yes"> <span>当事人同意向所选慈善组织提供信息（同意范围以上一步记录为准）</span></label>
<button class="primary" type="submit">发出转介</button>
</form>`;
}

export function reportFormBody(form: Form, csrf: string, today: string, names: Names, error: string | null): Markup {
  return html`${errorBox(error)}
<p>发现可能符合政府救助条件、但尚未获得救助的困难群众时，在取得其同意后告知当地民政部门。报告进入该县民政部门的队列，办理结果会在这里显示。</p>
<form method="post" action="/workbench/reports" novalidate>
${csrfField(csrf)}
<fieldset><legend>可能符合的救助</legend>
${radios(form, 'assistanceKind', '救助类别', ASSISTANCE_KINDS)}
${select(form, 'targetGroup', '帮扶对象类别', TARGET_GROUPS)}
<label for="f-countyCode">所在县（必填）</label>
<select id="f-countyCode" name="countyCode" required><option value="">请选择</option>
${names.counties.map((c) => html`<option value="${c.code}"${form.countyCode === c.code ? html` selected` : ''}>${c.name}（${c.code}）</option>`)}
</select>
</fieldset>
${personFields(form)}
${consentFields(form, today, '民政部门')}
<button class="primary" type="submit">报告给民政部门</button>
</form>`;
}
