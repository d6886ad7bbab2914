import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import SubscribeForm from '../../../../site/islands/subscribe-form.tsx';

describe('the subscribe island on the server', () => {
  it('with a project, names it and points to its Atom feed', () => {
    const out = renderToStaticMarkup(createElement(SubscribeForm, { project: { slug: 'p-1', title: '助学' } }));
    expect(out).toContain('「助学」');
    expect(out).toContain('href="/projects/p-1/feed.xml"');
    expect(out).toMatch(/^<section class="subscribe card"/);
  });
});
