import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import DonateForm, { type DonateFormProps } from '../../../../site/islands/donate-form.tsx';

/**
 * The donate island's server render: what a browser without JavaScript keeps, and what hydration
 * must match. The questions are there, disabled, so a page with scripts shows them at once; no
 * <form> is, since one could not be sent without JavaScript.
 */
const render = (props: DonateFormProps) => renderToStaticMarkup(createElement(DonateForm, props));
const bounds = { minFen: 100, maxFen: 5_000_000 };

describe('the donate island on the server', () => {
  it('says online giving needs JavaScript, names the charity to give to directly, and renders no form', () => {
    const out = render({
      id: 'donate1',
      target: { kind: 'project', slug: 'p-1' },
      bounds,
      charity: { name: '某某<慈善>会', href: '/charities/c-1/' },
    });
    expect(out).toContain('在线捐赠需要启用浏览器的 JavaScript。');
    expect(out).toContain('<a href="/charities/c-1/">某某&lt;慈善&gt;会</a>公布的联系方式');
    expect(out).not.toMatch(/<form\b/);
    // Disabled, and shown by the stylesheet only when scripts run (html.js).
    expect(out).toContain(
      '<div class="donate-form donate-form--pending"><fieldset class="donate-form__pending" disabled="">',
    );
  });

  it('groups presets, anonymity, receipt and channel in fieldsets with legends and labelled controls', () => {
    const out = render({ id: 'd1', target: { kind: 'project', slug: 'p-1' }, bounds });
    for (const legend of ['捐赠金额', '是否公开您的名字', '公益事业捐赠票据', '支付方式（支付宝）']) {
      expect(out).toContain(`<legend>${legend}</legend>`);
    }
    for (const yuan of [10, 50, 100, 200]) expect(out).toContain(`<span>${yuan} 元</span>`);
    // The desktop cashier until the browser says it is a phone (default-channel.ts).
    expect(out).toContain('id="d1-channel-page" name="channel" checked="" value="page"');
    expect(out.replace(/<!-- -->/g, '')).toContain('单笔 1.00 元至 50,000.00 元');
    // Every input has a label pointing at it, and every described-by id exists.
    const ids = [...out.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(out).toContain(`for="${id}"`);
    for (const m of out.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const id of (m[1] ?? '').split(' ')) expect(out).toContain(`id="${id}"`);
    }
    // One alert region, empty until something must be corrected.
    expect(out.match(/role="alert"/g)).toHaveLength(1);
    expect(out).toContain('<div class="donate__alert" id="d1-alert" role="alert"></div>');
    expect(out).not.toContain('targetGroup');
    expect(out).toContain('下一步：核对捐赠信息');
  });

  it('offers 帮扶对象 for a cause-donation, escaped, and points to the projects listed below', () => {
    const out = render({
      id: 'd2',
      target: { kind: 'pool', region: '520000' },
      bounds: { minFen: 100, maxFen: 200 },
      pool: { groups: [{ value: 'minors', label: '困境<未成年人>' }], regionName: '贵州省' },
    });
    expect(out).toContain('<option value="minors">困境&lt;未成年人&gt;</option>');
    expect(out).toContain('善款用于贵州省。');
    expect(out).toContain('也可以打开下面列出的项目');
  });
});
