import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../content/index.ts';
import { html, raw, SafeHtml } from '../../../../site/lib/html.ts';

describe('escaped HTML templates', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const evil = '"><script>alert(1)</script><a href=\'x';
    const out = html`<a title="${evil}">${evil}</a>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x</a>',
    );
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('keeps SafeHtml as it is, joins lists and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${0}${''}`.value).toBe('0');
    expect(raw('<br>')).toBeInstanceOf(SafeHtml);
    expect(`${html`<hr>`}`).toBe('<hr>');
  });
});
