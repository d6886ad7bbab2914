import { hitMetaLine } from '../../search/search-client/hit-meta.ts';
import type { SearchHit, SearchResponse } from '../../search/search-client/types.ts';
import { FACET_LABELS, type FacetName, SEARCH_TYPES } from '../../search/settings.ts';
import { type SearchUrlState, searchUrlQuery } from './search-url.ts';

/**
 * DOM for the search island, built with createElement and textContent only. The one piece of
 * engine-supplied markup, a hit's excerpt, is parsed into an inert <template> and rebuilt from its
 * text and <mark> elements (search-client already allows nothing else; this is the second lock),
 * so a `<script>` in a query or in indexed text only ever shows up as text.
 */
export interface SearchElements {
  status: HTMLElement;
  notice: HTMLElement;
  error: HTMLElement;
  facets: HTMLElement;
  results: HTMLElement;
  pager: HTMLElement;
  empty: HTMLElement;
}

/** Facets offered, in this order (`region` is left out: `province` covers it with far fewer values). */
export const SHOWN_FACETS: readonly FacetName[] = [
  'type',
  'province',
  'targetGroup',
  'serviceType',
  'status',
  'acceptingDonations',
  'keyCounty',
  'charity',
];
const FIRST_VALUES = 8;

const BOOLEAN_LABELS: Partial<Record<FacetName, Record<string, string>>> = {
  acceptingDonations: { true: '可在线捐赠', false: '暂不接受捐赠' },
  keyCounty: { true: '是', false: '否' },
};

export function facetValueLabel(facet: FacetName, value: string): string {
  if (facet === 'type') return (SEARCH_TYPES as Record<string, string>)[value] ?? value;
  return BOOLEAN_LABELS[facet]?.[value] ?? value;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const child of children) node.append(child);
  return node;
}

/** Text and <mark> only, whatever the string holds. */
export function excerptNodes(excerptHtml: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK'
      ? el('mark', { text: node.textContent ?? '' })
      : document.createTextNode(node.textContent ?? ''),
  );
}

function hitItem(hit: SearchHit): HTMLLIElement {
  const link = el('a', { text: hit.title });
  link.href = hit.url;
  const item = el(
    'li',
    { className: 'search-hit' },
    el('h2', { className: 'search-hit__title' }, link),
    el('p', { className: 'search-hit__meta', text: hitMetaLine(hit) }),
    el('p', { className: 'search-hit__excerpt' }, ...excerptNodes(hit.excerptHtml)),
  );
  item.dataset.id = hit.id; // for tests and the benchmark's relevance check
  return item;
}

function facetOption(facet: FacetName, value: string, count: number | undefined, checked: boolean): HTMLLIElement {
  const input = el('input');
  input.type = 'checkbox';
  input.name = facet;
  input.value = value;
  input.checked = checked;
  input.dataset.facet = facet;
  const label = el('label', {}, input, document.createTextNode(` ${facetValueLabel(facet, value)} `));
  label.append(el('span', { className: 'search-facet__count', text: `（${count ?? 0}）` }));
  return el('li', {}, label);
}

function facetGroup(facet: FacetName, counts: Record<string, number>, selected: readonly string[]): HTMLElement | null {
  const values = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'zh-CN'));
  for (const v of selected) if (!values.includes(v)) values.unshift(v);
  if (values.length === 0) return null;
  const options = values.map((v) => facetOption(facet, v, counts[v], selected.includes(v)));
  const fieldset = el('fieldset', { className: 'search-facet' }, el('legend', { text: FACET_LABELS[facet] }));
  fieldset.append(el('ul', {}, ...options.slice(0, FIRST_VALUES)));
  if (options.length > FIRST_VALUES) {
    const rest = options.slice(FIRST_VALUES);
    const details = el('details', {}, el('summary', { text: `更多（${rest.length}）` }), el('ul', {}, ...rest));
    // Keep a chosen value visible.
    details.open = rest.some((li) => li.querySelector('input')?.checked === true);
    fieldset.append(details);
  }
  return fieldset;
}

export const FACETS_PENDING_TEXT = '正在统计筛选项…';

/**
 * The facets' place while they are counted (Pagefind's first query shows its results before it
 * loads the filter chunks): a short line, and `aria-busy` until `renderFacets` replaces it.
 */
export function renderFacetsPending(target: HTMLElement): void {
  target.setAttribute('aria-busy', 'true');
  target.replaceChildren(el('p', { className: 'search-facets__pending', text: FACETS_PENDING_TEXT }));
}

export function renderFacets(target: HTMLElement, response: SearchResponse, state: SearchUrlState): void {
  target.removeAttribute('aria-busy');
  const groups = SHOWN_FACETS.map((facet) =>
    facetGroup(facet, response.facets[facet] ?? {}, state.filters[facet] ?? []),
  ).filter((g): g is HTMLElement => g !== null);
  target.replaceChildren();
  if (groups.length === 0) return;
  target.append(el('h2', { className: 'search-facets__title', text: '筛选结果' }), ...groups);
  if (Object.keys(state.filters).length > 0) {
    const clear = el('button', { className: 'search-facets__clear', text: '清除全部筛选' });
    clear.type = 'button';
    clear.dataset.clearFilters = '';
    target.append(clear);
  }
}

export function renderPager(target: HTMLElement, response: SearchResponse, state: SearchUrlState): void {
  target.replaceChildren();
  const pages = Math.ceil(response.total / response.pageSize);
  if (response.state !== 'results' || pages <= 1) return;
  const link = (page: number, text: string) => {
    const a = el('a', { text });
    a.href = `/search/${searchUrlQuery({ ...state, page })}`;
    a.dataset.page = String(page);
    return el('li', {}, a);
  };
  const items: HTMLLIElement[] = [];
  if (response.page > 1) items.push(link(response.page - 1, '上一页'));
  items.push(el('li', { text: `第 ${response.page} / ${pages} 页` }));
  if (response.page < pages) items.push(link(response.page + 1, '下一页'));
  const nav = el('nav', {}, el('ul', {}, ...items));
  nav.setAttribute('aria-label', '搜索结果分页');
  target.append(nav);
}

export function statusText(response: SearchResponse): string {
  switch (response.state) {
    case 'empty':
      return '请输入要搜索的词，例如项目名称、地区或帮扶对象。';
    case 'no-results':
      return `没有找到与“${response.query}”相关的内容。`;
    case 'unavailable':
      return response.message ?? '搜索暂时不可用。';
    default:
      return `找到 ${response.total} 条与“${response.query}”相关的结果${response.total > response.pageSize ? `，当前第 ${response.page} 页` : ''}。`;
  }
}

export function renderResponse(view: SearchElements, response: SearchResponse, state: SearchUrlState): void {
  view.status.textContent = statusText(response);
  view.notice.hidden = !response.truncated;
  view.notice.textContent = response.truncated
    ? `搜索词过长，只按前 ${Array.from(response.query).length} 个字搜索：“${response.query}”。`
    : '';
  view.error.hidden = response.state !== 'unavailable';
  view.error.textContent = response.state === 'unavailable' ? (response.message ?? '') : '';
  view.empty.hidden = response.state !== 'empty' && response.state !== 'no-results';
  view.results.replaceChildren();
  if (response.hits.length > 0)
    view.results.append(el('ol', { className: 'search-results' }, ...response.hits.map(hitItem)));
  if (response.facetsPending) renderFacetsPending(view.facets);
  else renderFacets(view.facets, response, state);
  renderPager(view.pager, response, state);
}
