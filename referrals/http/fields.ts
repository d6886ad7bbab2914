import type { Form } from './exchange.ts';
import { html, type Markup } from './html.ts';

/** Form controls that keep what was typed when a form comes back with an error. */
const val = (form: Form, name: string) => {
  const v = form[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const has = (form: Form, name: string, value: string) => {
  const v = form[name];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

export function textInput(
  form: Form,
  name: string,
  label: string,
  opts: { type?: string; required?: boolean; hint?: string; autocomplete?: string; inputmode?: string } = {},
): Markup {
  return html`<label for="f-${name}">${label}${opts.required ? '（必填）' : ''}</label>
${opts.hint ? html`<p class="hint" id="h-${name}">${opts.hint}</p>` : ''}
<input id="f-${name}" name="${name}" type="${opts.type ?? 'text'}" value="${val(form, name)}"${opts.required ? html` required` : ''}${
    opts.hint ? html` aria-describedby="h-${name}"` : ''
  }${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''} autocomplete="${opts.autocomplete ?? 'off'}">`;
}

export function textArea(form: Form, name: string, label: string, hint?: string): Markup {
  return html`<label for="f-${name}">${label}</label>${hint ? html`<p class="hint">${hint}</p>` : ''}<textarea id="f-${name}" name="${name}">${val(form, name)}</textarea>`;
}

export function select(
  form: Form,
  name: string,
  label: string,
  options: Record<string, string>,
  placeholder = '请选择',
): Markup {
  return html`<label for="f-${name}">${label}（必填）</label>
<select id="f-${name}" name="${name}" required>
<option value="">${placeholder}</option>
${Object.entries(options).map(([k, l]) => html`<option value="${k}"${has(form, name, k) ? html` selected` : ''}>${l}</option>`)}
</select>`;
}

export function radios(form: Form, name: string, legend: string, options: Record<string, string>): Markup {
  return html`<fieldset><legend>${legend}</legend>
${Object.entries(options).map(
  ([k, l]) =>
    html`<label class="inline"><input type="radio" name="${name}" value="${k}"${has(form, name, k) ? html` checked` : ''} required> ${l}</label>`,
)}</fieldset>`;
}

export function checkbox(form: Form, name: string, label: string, value = 'yes'): Markup {
  return html`<label class="inline"><input type="checkbox" name="${name}" value="${value}"${has(form, name, value) ? html` checked` : ''}> <span>${label}</span></label>`;
}
