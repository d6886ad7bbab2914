import { FACETS, type FacetName, SEARCH_TYPES } from '../../content/search/settings.ts';
import type { SearchResponse } from '../../search/client/index.ts';
import { type SearchUrlState, searchUrlQuery } from './search-url.ts';

/**
 * What the search page says and offers for an answer, as plain data: the status sentence, the
 * notice for a cut query, which facet values are listed and in what order, the pager's links, and
 * a hit's excerpt as text and marked runs. The island (search-app.tsx) renders these; the no-JS
 * results page (site/pages/search/results.astro, lib/render/search-results-view.ts) uses the same
 * sentences and facet order, so both pages speak alike.
 */

/** Facets offered, in FACETS order, but `region`: `province` covers it with far fewer values. */
export const SHOWN_FACETS: readonly FacetName[] = FACETS.filter((f) => f !== 'region');

/** Values listed before a facet's 更多 disclosure. */
export const FIRST_VALUES = 8;

export const FACETS_PENDING_TEXT = '正在统计筛选项…';

const BOOLEAN_LABELS: Partial<Record<FacetName, Record<string, string>>> = {
  acceptingDonations: { true: '可在线捐赠', false: '暂不接受捐赠' },
  keyCounty: { true: '是', false: '否' },
};

export function facetValueLabel(facet: FacetName, value: string): string {
  if (facet === 'type') return (SEARCH_TYPES as Record<string, string>)[value] ?? value;
  return BOOLEAN_LABELS[facet]?.[value] ?? value;
}

/** A facet's values, most results first; a chosen value stays listed even when it counts none. */
export function facetValues(counts: Record<string, number>, selected: readonly string[]): string[] {
  const values = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'zh-CN'));
  for (const v of selected) if (!values.includes(v)) values.unshift(v);
  return values;
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

/** The notice for a query cut to the length limit, or null. */
export function truncatedNotice(response: SearchResponse): string | null {
  return response.truncated
    ? `搜索词过长，只按前 ${Array.from(response.query).length} 个字搜索：“${response.query}”。`
    : null;
}

export interface PagerLink {
  page: number;
  text: string;
  href: string;
}

/** Previous / current / next, or null when the answer fits one page. */
export function pagerModel(
  response: SearchResponse,
  state: SearchUrlState,
): { previous: PagerLink | null; current: string; next: PagerLink | null } | null {
  const pages = Math.ceil(response.total / response.pageSize);
  if (response.state !== 'results' || pages <= 1) return null;
  const link = (page: number, text: string): PagerLink => ({
    page,
    text,
    href: `/search/${searchUrlQuery({ ...state, page })}`,
  });
  return {
    previous: response.page > 1 ? link(response.page - 1, '上一页') : null,
    current: `第 ${response.page} / ${pages} 页`,
    next: response.page < pages ? link(response.page + 1, '下一页') : null,
  };
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A hit's excerpt as text and marked runs, whatever the string holds. The engine's markup is parsed
 * into an inert <template> and only its text and <mark> elements are kept (search/client already
 * allows nothing else; this is the second lock), so a `<script>` in a query or in indexed text only
 * ever shows up as text. Browser only: hits are never rendered on the server.
 */
export function excerptParts(excerptHtml: string): ExcerptPart[] {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  return [...template.content.childNodes].map((node) => ({
    text: node.textContent ?? '',
    mark: node.nodeName === 'MARK',
  }));
}
