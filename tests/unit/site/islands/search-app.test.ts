import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import SearchApp from '../../../../site/islands/search-app.tsx';

describe('the search island on the server', () => {
  it('is a plain GET form to the server-rendered results, with the result area hidden', () => {
    const out = renderToStaticMarkup(createElement(SearchApp, { suggestions: ['失能老人', '<甘肃>'] }));
    expect(out).toMatch(
      /<form id="search-form" class="search-form" role="search" aria-label="搜索本站内容" action="\/search\/results\/" method="get">/,
    );
    expect(out).toContain('<label for="search-q">');
    const input = /<input id="search-q"[^>]*>/.exec(out)?.[0] ?? '';
    for (const attr of ['type="search"', 'name="q"', 'maxLength="200"']) expect(input).toContain(attr);
    expect(out).toContain('<div id="search-app" class="search-app" hidden="">');
    expect(out).toContain('role="status" aria-live="polite"');
    expect(out).toContain(`href="/search/?q=${encodeURIComponent('<甘肃>')}">&lt;甘肃&gt;</a>`);
  });
});
