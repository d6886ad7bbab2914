import { escapeHtml } from '../contracts/escape.ts';
import type { SearchDocument } from './documents.ts';
import { BOOLEAN_FACET_VALUES, FACETS, type FacetName, SEARCH_TYPES } from './settings.ts';

/**
 * The Pagefind contract in one place: which filters and meta a search document carries, as a
 * custom record and as the HTML attributes the site's templates must emit (search/README.md).
 * `pagefindHtml()` renders the reference markup; the index builder can index it directly, so the
 * tests exercise the same attributes the templates will carry.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words of Chinese text, space-separated, as the browser's Intl.Segmenter splits a query. */
export function searchTerms(texts: readonly string[]): string {
  const words = texts.flatMap((t) => [...segmenter.segment(t)].filter((s) => s.isWordLike).map((s) => s.segment));
  return [...new Set(words)].join(' ');
}

/**
 * The facets Pagefind filters on: all but `region`. Full region names number in the thousands at
 * scale; Pagefind loads every filter chunk to count facets, and the island offers `province`
 * instead — so `region` stays a meta field (shown on hits) and a Meilisearch facet only.
 */
export const PAGEFIND_FACETS: readonly FacetName[] = FACETS.filter((f) => f !== 'region');

/** Filter values of a document, keyed by facet name; empty facets are left out. */
export function pagefindFilters(doc: SearchDocument): Partial<Record<FacetName, string[]>> {
  const out: Partial<Record<FacetName, string[]>> = {};
  const bool = (v: boolean) => (v ? BOOLEAN_FACET_VALUES.yes : BOOLEAN_FACET_VALUES.no);
  for (const facet of PAGEFIND_FACETS) {
    const value = doc[facet];
    let values: string[];
    if (value === null) values = [];
    else if (typeof value === 'boolean') values = [bool(value)];
    else if (Array.isArray(value)) values = value;
    else values = [value];
    if (values.length > 0) out[facet] = values;
  }
  return out;
}

/** Meta the result list shows. Pagefind meta values are strings; `title` is Pagefind's own. */
export function pagefindMeta(doc: SearchDocument): Record<string, string> {
  const meta: Record<string, string> = {
    title: doc.title,
    id: doc.id,
    type: doc.type,
    typeLabel: SEARCH_TYPES[doc.type],
  };
  if (doc.project) meta.project = doc.project;
  if (doc.charity.length > 0) meta.charity = doc.charity.join('、');
  if (doc.region.length > 0) meta.region = doc.region.join('、');
  if (doc.status) meta.status = doc.status;
  if (doc.acceptingDonations !== null) meta.acceptingDonations = String(doc.acceptingDonations);
  meta.publishedOn = doc.publishedOn;
  // Pagefind searches meta, but does not segment Chinese in it: the title's words, pre-split the
  // way the browser splits the query, let a title match count (`metaWeights.terms`).
  meta.terms = searchTerms([doc.title]);
  return meta;
}

/** The searchable text of a custom record, most important first. */
export function pagefindContent(doc: SearchDocument): string {
  return [
    doc.title,
    doc.keywords.join(' '),
    doc.targetGroup.join(' '),
    doc.serviceType.join(' '),
    doc.region.join(' '),
    doc.charity.join(' '),
    doc.project ?? '',
    doc.summary,
    doc.body,
  ]
    .filter((part) => part.length > 0)
    .join('\n');
}

// The one escaper (content/contracts/escape.ts) serves text and attribute values alike.
const escapeText = escapeHtml;
const escapeAttr = escapeHtml;

/**
 * The reference page for a document: `<html lang="zh-CN">`, one `data-pagefind-body` element,
 * the title in an `<h1>` (Pagefind weights headings), hidden filter and meta elements.
 */
export function pagefindHtml(doc: SearchDocument): string {
  const filters = Object.entries(pagefindFilters(doc)).flatMap(([name, values]) =>
    values.map((v) => `<span data-pagefind-filter="${escapeAttr(name)}:${escapeAttr(v)}"></span>`),
  );
  const meta = Object.entries(pagefindMeta(doc))
    .filter(([name]) => name !== 'title')
    .map(([name, v]) => `<span data-pagefind-meta="${escapeAttr(name)}:${escapeAttr(v)}"></span>`);
  const terms = [...doc.keywords, ...doc.targetGroup, ...doc.serviceType, ...doc.region, ...doc.charity];
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeText(doc.title)}</title></head><body>`,
    '<header data-pagefind-ignore>衔接</header>',
    '<main data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeText(doc.title)}</h1>`,
    ...filters,
    ...meta,
    terms.length > 0 ? `<p data-pagefind-weight="3">${escapeText(terms.join(' '))}</p>` : '',
    doc.project ? `<p>${escapeText(doc.project)}</p>` : '',
    `<p data-pagefind-weight="2">${escapeText(doc.summary)}</p>`,
    `<div>${escapeText(doc.body)}</div>`,
    '</main></body></html>',
  ].join('\n');
}
