import { html, type SafeHtml } from '../lib/html.ts';
import { formatYuan } from '../lib/money.ts';
import type { CreatedDonation } from './donate-flow.ts';
import type { DonationFormValues } from './donation-request.ts';
import type { AmountBounds } from './yuan-to-fen.ts';

/**
 * The donate island's markup, as escaped strings (site/lib/html.ts): the form, the confirm step
 * and the QR step. Built in the browser, once per mount, so the 10,000 project pages do not each
 * carry a form that does nothing without JavaScript. Every control has a visible label; groups are
 * fieldsets with legends; each error has its place next to its control (`…-error`).
 */
export const PRESETS_FEN = [1_000, 5_000, 10_000, 20_000] as const;

export const CHANNEL_LABELS = { page: '电脑网页', wap: '手机网页', qr: '扫码支付' } as const;
export type ChannelKey = keyof typeof CHANNEL_LABELS;

export interface FormOptions {
  /** Unique per mount: prefixes every id. */
  id: string;
  bounds: AmountBounds;
  channel: ChannelKey;
  /** Cause-donations: the 帮扶对象 to choose from and where the money goes. */
  pool?: { groups: { value: string; label: string }[]; regionName: string | undefined };
}

const errorSlot = (id: string, field: string) => html`<p class="field-error" id="${id}-${field}-error" hidden></p>`;

function radio(id: string, name: string, value: string, label: string, checked = false): SafeHtml {
  return html`<label class="choice" for="${id}-${name}-${value}"><input type="radio" id="${id}-${name}-${value}" name="${name}" value="${value}"${checked ? html` checked` : ''}> <span>${label}</span></label>`;
}

export function donateFormHtml(o: FormOptions): SafeHtml {
  const { id } = o;
  const pool = o.pool
    ? html`<div class="field"><label for="${id}-targetGroup">帮扶对象</label><select id="${id}-targetGroup" name="targetGroup" aria-describedby="${id}-targetGroup-hint ${id}-targetGroup-error"><option value="">不限</option>${o.pool.groups.map((g) => html`<option value="${g.value}">${g.label}</option>`)}</select><p class="hint" id="${id}-targetGroup-hint">${o.pool.regionName ? `善款用于${o.pool.regionName}。` : ''}提交后，系统按公开的规则选出一个正在依法募捐的项目，并告诉您选择的理由，您确认后再付款。</p>${errorSlot(id, 'targetGroup')}</div>`
    : '';
  return html`<form class="donate-form" id="${id}-form" novalidate aria-describedby="${id}-alert">
<div class="donate__alert" id="${id}-alert" role="alert"></div>
${pool}
<fieldset class="choices" id="${id}-amount">
<legend>捐赠金额</legend>
<div class="choices__row">${PRESETS_FEN.map((fen) => radio(id, 'amount', String(fen), `${fen / 100} 元`))}${radio(id, 'amount', 'other', '其他金额')}</div>
${errorSlot(id, 'amount')}
<div class="field"><label for="${id}-customYuan">其他金额（元）</label><input id="${id}-customYuan" name="customYuan" type="text" inputmode="decimal" autocomplete="off" aria-describedby="${id}-customYuan-hint ${id}-customYuan-error"><p class="hint" id="${id}-customYuan-hint">单笔 ${formatYuan(o.bounds.minFen)}至 ${formatYuan(o.bounds.maxFen)}，可精确到分。</p>${errorSlot(id, 'customYuan')}</div>
</fieldset>
<fieldset class="choices" id="${id}-anonymous">
<legend>是否公开您的名字</legend>
<div class="choices__row">${radio(id, 'anonymous', 'yes', '匿名捐赠', true)}${radio(id, 'anonymous', 'no', '公开展示名')}</div>
<div class="field" data-when="anonymous=no" hidden><label for="${id}-displayName">展示名</label><input id="${id}-displayName" name="displayName" type="text" maxlength="20" autocomplete="nickname" aria-describedby="${id}-displayName-hint ${id}-displayName-error"><p class="hint" id="${id}-displayName-hint">最多 20 个字，会显示在项目的捐赠名单中。请勿填写电话、证件号等个人信息。</p>${errorSlot(id, 'displayName')}</div>
</fieldset>
<fieldset class="choices" id="${id}-receipt">
<legend>公益事业捐赠票据</legend>
<div class="choices__row">${radio(id, 'receipt', 'none', '不需要票据', true)}${radio(id, 'receipt', 'wanted', '需要票据')}</div>
<div data-when="receipt=wanted" hidden>
<p class="hint">票据由收款的慈善组织开具。以下信息加密保存，只提供给该组织，不会公开。</p>
<div class="field"><label for="${id}-receiptName">票据抬头（个人姓名或单位名称）</label><input id="${id}-receiptName" name="receiptName" type="text" maxlength="60" autocomplete="name" aria-describedby="${id}-receiptName-error">${errorSlot(id, 'receiptName')}</div>
<div class="field"><label for="${id}-receiptTaxId">统一社会信用代码或身份证号码（选填）</label><input id="${id}-receiptTaxId" name="receiptTaxId" type="text" maxlength="18" autocomplete="off" spellcheck="false" aria-describedby="${id}-receiptTaxId-error">${errorSlot(id, 'receiptTaxId')}</div>
<div class="field"><label for="${id}-receiptEmail">接收电子票据的邮箱（选填）</label><input id="${id}-receiptEmail" name="receiptEmail" type="email" maxlength="254" autocomplete="email" aria-describedby="${id}-receiptEmail-error">${errorSlot(id, 'receiptEmail')}</div>
</div>
</fieldset>
<fieldset class="choices" id="${id}-channel">
<legend>支付方式（支付宝）</legend>
<div class="choices__row">${(Object.keys(CHANNEL_LABELS) as ChannelKey[]).map((c) => radio(id, 'channel', c, CHANNEL_LABELS[c], c === o.channel))}</div>
${errorSlot(id, 'channel')}
</fieldset>
<p><button type="submit" class="button">下一步：核对捐赠信息</button></p>
</form>`;
}

function describeChoices(values: DonationFormValues): { name: string; receipt: string } {
  const name = values.anonymous === 'no' ? `公开展示名“${values.displayName.trim()}”` : '匿名';
  const receipt = values.receipt === 'wanted' ? `需要，抬头“${values.receiptName.trim()}”` : '不需要';
  return { name, receipt };
}

/** Only http(s) links reach an href (the pay URL comes from our API, but a page trusts nothing). */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url, 'http://placeholder.invalid');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export function resultPath(donationId: string): string {
  return `/donations/result/?id=${encodeURIComponent(donationId)}`;
}

/** "11月27日 13:05" in the donor's own time zone. */
export function expiryTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm}`;
}

/** The confirm step: what will be paid, to whom, and (for a cause) which project and why. */
export function confirmHtml(id: string, created: CreatedDonation, values: DonationFormValues): SafeHtml {
  const { project, pay } = created;
  const { name, receipt } = describeChoices(values);
  const payUrl = pay.kind === 'redirect' ? safeHttpUrl(pay.url) : null;
  const time = expiryTime(pay.expiresAt);
  const channel =
    CHANNEL_LABELS[(values.channel as ChannelKey) in CHANNEL_LABELS ? (values.channel as ChannelKey) : 'page'];
  return html`<div class="donate__step" id="${id}-confirm">
<h3 id="${id}-confirm-heading" tabindex="-1">请核对捐赠信息</h3>
${
  created.routing
    ? html`<div class="callout"><p>系统为您选择了项目：<a href="/projects/${project.slug}/">${project.title}</a>（${project.charity.name}）。</p><p>选择理由：${created.routing.reason}</p></div>`
    : ''
}
<p class="donate__payee"><strong>善款直接进入${project.charity.name}的账户，本站不经手。</strong></p>
<dl class="facts">
<div><dt>捐赠项目</dt><dd>${project.title}</dd></div>
<div><dt>收款的慈善组织</dt><dd>${project.charity.name}</dd></div>
<div><dt>金额</dt><dd><strong>${formatYuan(created.amountFen)}</strong></dd></div>
<div><dt>署名</dt><dd>${name}</dd></div>
<div><dt>捐赠票据</dt><dd>${receipt}</dd></div>
<div><dt>支付方式</dt><dd>支付宝 · ${channel}</dd></div>
<div class="wide"><dt>订单号</dt><dd>${created.outTradeNo}</dd></div>
</dl>
${time ? html`<p class="small muted">请在 ${time} 前完成付款，逾期未付款的订单会自动关闭。</p>` : ''}
${pay.sandbox ? html`<p class="callout callout--warn">这是沙箱支付（演示环境），不会产生真实扣款。</p>` : ''}
<div class="donate__actions">${
    pay.kind === 'redirect'
      ? payUrl
        ? html`<a class="button" href="${payUrl}">确认，前往支付宝付款</a>`
        : html`<p class="field-error">支付链接无效，请返回修改后重试。</p>`
      : html`<button type="button" class="button" data-action="show-qr">确认，显示付款码</button>`
  }<button type="button" class="button button--quiet" data-action="edit">返回修改</button></div>
<p class="small"><a href="${resultPath(created.donationId)}">已付款？查看捐赠结果</a></p>
</div>`;
}

/** The QR step: the payload Alipay returned for 当面付, to open or scan in the Alipay app. */
export function qrStepHtml(id: string, created: CreatedDonation & { pay: { kind: 'qr' } }): SafeHtml {
  const link = safeHttpUrl(created.pay.qrCode);
  return html`<div class="donate__step" id="${id}-qr">
<h3 id="${id}-qr-heading" tabindex="-1">用支付宝付款</h3>
<p>向${created.project.charity.name}付款 <strong>${formatYuan(created.amountFen)}</strong>。请用手机打开下面的付款码链接（会跳转到支付宝），或复制后在支付宝中打开。</p>
<div class="field"><label for="${id}-qrCode">付款码内容</label><input id="${id}-qrCode" type="text" readonly value="${created.pay.qrCode}"></div>
${link ? html`<p><a class="button" href="${link}">打开付款码链接</a></p>` : ''}
<p><a class="button button--quiet" href="${resultPath(created.donationId)}">我已付款，查看捐赠结果</a></p>
</div>`;
}
