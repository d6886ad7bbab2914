import { merchantConfigured } from '../../../content/node/index.ts';
import { buildSearchDocuments, type SearchDocument } from '../../../content/search/documents.ts';
import { pagefindFilters, pagefindMeta } from '../../../content/search/pagefind-markup.ts';
import type { SearchType } from '../../../content/search/settings.ts';
import { html, type SafeHtml } from '../html.ts';
import type { SiteData } from '../site-data.ts';

/**
 * The site's half of the Pagefind contract (search/README.md "what the site's templates must
 * emit"): the search documents of the pages that carry `data-pagefind-body`, built ONCE per build
 * from the same snapshot, day and merchant rule as the pages, and the hidden meta/filter elements
 * rendered from them with content/search/pagefind-markup.ts — so the page index holds exactly the values
 * Meilisearch and the judged relevance set see.
 */
export type PageSearchType = Extract<SearchType, 'project' | 'charity' | 'typical-case'>;
const PAGE_TYPES: readonly PageSearchType[] = ['project', 'charity', 'typical-case'];

// Keyed by the build's SiteData (one per build): 10,000 project pages share one projection.
const byBuild = new WeakMap<SiteData, Map<string, SearchDocument>>();

export function pageSearchDocument(site: SiteData, type: PageSearchType, slug: string): SearchDocument {
  let docs = byBuild.get(site);
  if (!docs) {
    const { documents } = buildSearchDocuments(site.snapshot, {
      today: site.today,
      merchantConfigured,
      types: PAGE_TYPES,
    });
    docs = new Map(documents.map((d) => [d.id, d]));
    byBuild.set(site, docs);
  }
  const doc = docs.get(`${type}-${slug}`);
  // Every page's entry is in the snapshot the documents came from; a miss is a programming error.
  if (!doc) throw new Error(`搜索文档 ${type}-${slug} 不存在`);
  return doc;
}

/**
 * `<div hidden data-pagefind-ignore>` with one empty element per meta and filter value, in the
 * attribute form `name:value` (values may hold commas and colons). Pagefind reads meta and
 * filters inside `data-pagefind-ignore`; their text would not be indexed, and there is none.
 * `title` is left out: the page's `<h1 data-pagefind-meta="title">` carries it.
 */
export function pagefindAttrsHtml(doc: SearchDocument): SafeHtml {
  const meta = Object.entries(pagefindMeta(doc))
    .filter(([name]) => name !== 'title')
    .map(([name, value]) => html`<span data-pagefind-meta="${name}:${value}"></span>`);
  const filters = Object.entries(pagefindFilters(doc)).flatMap(([name, values]) =>
    (values ?? []).map((value) => html`<span data-pagefind-filter="${name}:${value}"></span>`),
  );
  return html`<div hidden data-pagefind-ignore>${meta}${filters}</div>`;
}
