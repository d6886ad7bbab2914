import { describe, expect, it } from 'vitest';
import { pagefindFilters, pagefindMeta } from '../../../../../content/search/pagefind-markup.ts';
import { charityPageHtml } from '../../../../../site/lib/render/charity-page.ts';
import { pagefindAttrsHtml, pageSearchDocument } from '../../../../../site/lib/render/pagefind-attrs.ts';
import { projectPageHtml } from '../../../../../site/lib/render/project-page.ts';
import { siteHeaderHtml } from '../../../../../site/lib/render/site-chrome.ts';
import { demoSite } from '../../../../support/fixtures/site.ts';

/**
 * The site's side of the Pagefind contract (search/README.md): the page templates carry one
 * `data-pagefind-body`, the title as meta, every meta and filter value of the page's search
 * document in attribute form, and keep lists of other entries and personal data out of the index.
 */
const site = demoSite();
const attrValues = (html: string, attr: string) =>
  [...html.matchAll(new RegExp(`${attr}="([^"]*)"`, 'g'))].map((m) =>
    (m[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

/** The page with every `data-pagefind-ignore` element's content cut out (a simple nesting-aware scan). */
function indexedText(html: string): string {
  const body = html.slice(html.indexOf('data-pagefind-body'));
  let out = '';
  let depth = 0;
  const tags = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  const stack: boolean[] = [];
  for (const m of body.matchAll(tags)) {
    if (m[4] !== undefined) {
      if (depth === 0) out += m[4];
      continue;
    }
    const closing = m[1] === '/';
    const voidTag = /^(br|img|input|hr|meta|link)$/i.test(m[2] ?? '');
    if (voidTag) continue;
    if (closing) {
      if (stack.pop()) depth--;
    } else {
      const ignored = /data-pagefind-ignore/.test(m[3] ?? '');
      stack.push(ignored);
      if (ignored) depth++;
    }
  }
  return out;
}

describe('project, charity and case pages carry the Pagefind markup', () => {
  it('builds the documents once per build and finds every page entry', () => {
    const first = pageSearchDocument(site, 'project', site.projects[0]?.project.slug ?? '');
    expect(pageSearchDocument(site, 'project', site.projects[0]?.project.slug ?? '')).toBe(first);
    for (const c of site.charities)
      expect(pageSearchDocument(site, 'charity', c.charity.slug).id).toBe(`charity-${c.charity.slug}`);
    for (const t of site.typicalCases)
      expect(pageSearchDocument(site, 'typical-case', t.slug).type).toBe('typical-case');
    expect(() => pageSearchDocument(site, 'project', 'no-such-project')).toThrow('不存在');
  });

  it('emits one body, the title meta and every meta and filter value of the document', () => {
    const view = site.projects.find((v) => v.accepting && v.disclosures.length > 0) ?? site.projects[0];
    if (!view) throw new Error('no project');
    const doc = pageSearchDocument(site, 'project', view.project.slug);
    const out = projectPageHtml(view, site.today, doc).value;
    expect(out.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(out).toContain(`<h1 data-pagefind-meta="title">`);
    const filters = attrValues(out, 'data-pagefind-filter');
    const expected = Object.entries(pagefindFilters(doc)).flatMap(([n, vs]) => (vs ?? []).map((v) => `${n}:${v}`));
    expect(filters.sort()).toEqual(expected.sort());
    expect(filters).toContain('type:project');
    expect(filters).toContain(`acceptingDonations:${String(view.accepting)}`);
    const meta = attrValues(out, 'data-pagefind-meta').filter((m) => m !== 'title');
    const expectedMeta = Object.entries(pagefindMeta(doc))
      .filter(([n]) => n !== 'title')
      .map(([n, v]) => `${n}:${v}`);
    expect(meta.sort()).toEqual(expectedMeta.sort());
  });

  it('keeps the breadcrumbs outside, and disclosures, compliance and donate slot out of the indexed text', () => {
    const view = site.projects.find((v) => v.disclosures.length > 0 && v.accepting);
    if (!view) throw new Error('no project');
    const out = projectPageHtml(view, site.today, pageSearchDocument(site, 'project', view.project.slug)).value;
    expect(out.indexOf('aria-label="面包屑"') === -1 || out.indexOf('面包屑') < out.indexOf('data-pagefind-body')).toBe(
      true,
    );
    const text = indexedText(out);
    expect(text).toContain(view.project.summary);
    expect(text).toContain(view.charity.name);
    expect(text).not.toContain(view.charity.creditCode);
    expect(text).not.toContain('募捐信息公示');
    const disclosure = view.disclosures.find((d) => d.publishedOn <= site.today);
    if (disclosure) expect(text).not.toContain(disclosure.title);
  });

  it('never indexes a charity’s contacts, legal representative or credit code', () => {
    const view = site.charities[0];
    if (!view) throw new Error('no charity');
    const out = charityPageHtml(view, pageSearchDocument(site, 'charity', view.charity.slug)).value;
    expect(out.match(/data-pagefind-body/g)).toHaveLength(1);
    const text = indexedText(out);
    expect(text).toContain(view.charity.name);
    expect(text).toContain(view.charity.region.name);
    for (const secret of [view.charity.legalRepresentative, view.charity.creditCode, view.charity.contact.phone]) {
      expect(text).not.toContain(secret);
    }
    for (const p of view.projects.slice(0, 3)) expect(text).not.toContain(p.project.title);
  });

  it('escapes values in the attribute form (commas, colons, quotes and markup stay data)', () => {
    const doc = { ...pageSearchDocument(site, 'project', site.projects[0]?.project.slug ?? '') };
    const hostile = { ...doc, title: 'a"b<script>', charity: ['甲,乙:丙"<x>'] };
    const out = pagefindAttrsHtml(hostile).value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<x>');
    expect(attrValues(out, 'data-pagefind-filter')).toContain('charity:甲,乙:丙"<x>');
    expect(out.startsWith('<div hidden data-pagefind-ignore>')).toBe(true);
  });

  it('renders without the markup when no document is given (other callers)', () => {
    const view = site.projects[0];
    if (!view) throw new Error('no project');
    expect(projectPageHtml(view, site.today).value).not.toMatch(/data-pagefind-(body|meta|filter)/);
  });
});

describe('the header search box', () => {
  it('is a plain GET form to the server-rendered /search/results/ with a labelled search field and no script', () => {
    const out = siteHeaderHtml(undefined).value;
    expect(out).toMatch(
      /<form class="site-search" role="search" aria-label="全站搜索" action="\/search\/results\/" method="get">/,
    );
    expect(out).toContain('<label class="visually-hidden" for="site-search-q">');
    expect(out).toContain('name="q"');
    expect(out).not.toContain('<script');
  });
});
