import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DonorList, DonorListView, type DonorListViewProps } from '../../../../site/islands/donor-list.tsx';

const view = (props: Omit<DonorListViewProps, 'onMore'>) =>
  renderToStaticMarkup(createElement(DonorListView, { ...props, onMore: () => {} }));
const idle = { kind: 'idle' } as const;

describe('the donor list', () => {
  it('says it is loading until the first page comes (the server render too)', () => {
    expect(renderToStaticMarkup(createElement(DonorList, { slug: 'p-1' }))).toBe(
      '<section id="donors" class="donors" aria-labelledby="donors-heading"><h2 id="donors-heading">捐赠名单</h2><p class="small muted">正在读取捐赠名单…</p></section>',
    );
    expect(view({ list: null, load: { kind: 'failed', message: '捐赠名单暂时无法读取：网络连接失败' } })).toContain(
      '捐赠名单暂时无法读取：网络连接失败',
    );
  });

  it('shows name, exact amount and the day in Chinese, then the unnamed count and 「更多」', () => {
    const out = view({
      list: {
        gifts: [
          { name: '小林', amountFen: 5_000, paidOn: '2026-02-15' },
          { name: '一位老师', amountFen: 123_456, paidOn: '2026-01-03' },
        ],
        anonymousCount: 1_234,
        nextCursor: '1771128000000-10',
      },
      load: idle,
    });
    expect(out).toContain(
      '<li tabindex="-1"><span class="donor-list__name">小林</span><span class="donor-list__gift"><data value="5000">50.00 元</data> · <time dateTime="2026-02-15">2026年2月15日</time></span></li>',
    );
    expect(out).toContain('<data value="123456">1,234.56 元</data>');
    expect(out.indexOf('小林')).toBeLessThan(out.indexOf('一位老师'));
    expect(out).toContain('<p>另有 1,234 笔匿名捐赠。</p>');
    expect(out).toContain('>更多</button>');
  });

  it('escapes a name: donors type it, it is text', () => {
    const out = view({
      list: {
        gifts: [{ name: '<img src=x onerror=alert(1)>', amountFen: 100, paidOn: '2026-02-15' }],
        anonymousCount: 0,
        nextCursor: null,
      },
      load: idle,
    });
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
  });

  it('says so in Chinese when nobody is named, with or without unnamed gifts, and offers no 「更多」 at the end', () => {
    const none = view({ list: { gifts: [], anonymousCount: 0, nextCursor: null }, load: idle });
    expect(none).toContain('<h2 id="donors-heading">捐赠名单</h2><p>还没有公开署名的捐赠。</p></section>');
    const onlyAnonymous = view({ list: { gifts: [], anonymousCount: 3, nextCursor: null }, load: idle });
    expect(onlyAnonymous).toContain('<p>还没有公开署名的捐赠，另有 3 笔匿名捐赠。</p></section>');
    expect(onlyAnonymous).not.toContain('<ol');
    expect(onlyAnonymous).not.toContain('更多');
  });

  it('keeps the lines and says why when the next page fails, with 「更多」 to try again', () => {
    const out = view({
      list: { gifts: [{ name: '小林', amountFen: 100, paidOn: '2026-02-15' }], anonymousCount: 0, nextCursor: 'c' },
      load: { kind: 'failed', message: '捐赠名单暂时无法读取：服务暂时不可用' },
    });
    expect(out).toContain('小林');
    expect(out).toContain('<p class="field-error">捐赠名单暂时无法读取：服务暂时不可用</p>');
    expect(out).toContain('>更多</button>');
  });
});
