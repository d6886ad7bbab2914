import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import SubscribeForm from '../../../../site/islands/subscribe-form.tsx';

describe('the subscribe island on the server', () => {
  it('on /my/, before a gift is open, renders the section the open gift links to and says what it will offer', () => {
    const out = renderToStaticMarkup(createElement(SubscribeForm, { fromMyGifts: true }));
    // Something to see: `client:visible` hydrates when the island's content scrolls into view.
    expect(out).toMatch(/^<section id="subscribe-open-gift" class="subscribe card" data-subscribe="true"/);
    expect(out).toContain('打开或查到一笔捐赠后，可以在这里用邮箱订阅它所属项目的进展。');
    expect(out).not.toContain('<form');
  });

  it('with a project, names it and points to its Atom feed (no anchor id off /my/)', () => {
    const out = renderToStaticMarkup(createElement(SubscribeForm, { project: { slug: 'p-1', title: '助学' } }));
    expect(out).toContain('「助学」');
    expect(out).toContain('href="/projects/p-1/feed.xml"');
    expect(out).not.toContain('subscribe-open-gift');
  });
});
