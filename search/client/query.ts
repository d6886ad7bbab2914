import { BOOLEAN_FACET_VALUES, FACETS, type FacetName, SEARCH_TYPES } from '../../content/search/settings.ts';
import type { FacetCounts, Filters, NormalisedRequest, SearchRequest } from './types.ts';

/**
 * Bad input becomes harmless input here, before any engine sees it: a query that is not a string,
 * is empty, or is 2,000 characters long; filters with unknown names or values; pages that are not
 * numbers. Nothing in this file throws.
 */
export const MAX_QUERY_LENGTH = 64;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
const MAX_FILTER_VALUES = 20;
const MAX_FILTER_VALUE_LENGTH = 100;
const MAX_PAGE = 100;

/** Control characters, zero-width characters and private-use code points (our highlight sentinels). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ue000-\uf8ff]/g;

export interface NormalisedQuery {
  query: string;
  truncated: boolean;
}

/** NFKC (fullwidth letters and digits become ASCII), invisibles removed, whitespace collapsed, capped. */
export function normaliseQuery(raw: unknown): NormalisedQuery {
  if (typeof raw !== 'string') return { query: '', truncated: false };
  const cleaned = raw.normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_QUERY_LENGTH) return { query: cleaned, truncated: false };
  return { query: chars.slice(0, MAX_QUERY_LENGTH).join('').trim(), truncated: true };
}

/** Facets whose values are known without asking the index. */
const CLOSED_VALUES: Partial<Record<FacetName, readonly string[]>> = {
  type: Object.keys(SEARCH_TYPES),
  acceptingDonations: Object.values(BOOLEAN_FACET_VALUES),
  keyCounty: Object.values(BOOLEAN_FACET_VALUES),
};

const isFacet = (name: string): name is FacetName => (FACETS as readonly string[]).includes(name);

/**
 * Keeps known facet names with string values (a single string counts as one value), drops closed
 * facets' unknown values, and drops a facet left with none. `known`, when given, also restricts
 * open facets (province, charity, …) to the values the index holds.
 */
export function normaliseFilters(raw: unknown, known?: FacetCounts): Filters {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Filters = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isFacet(name)) continue;
    const list = (Array.isArray(value) ? value : [value])
      .map((v) => (typeof v === 'boolean' ? String(v) : v))
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.normalize('NFKC').replace(INVISIBLE, '').trim())
      .filter((v) => v.length > 0 && v.length <= MAX_FILTER_VALUE_LENGTH);
    const closed = CLOSED_VALUES[name];
    const index = known?.[name];
    const kept = [...new Set(list)]
      .filter((v) => (closed ? closed.includes(v) : true))
      .filter((v) => (index ? Object.hasOwn(index, v) : true))
      .slice(0, MAX_FILTER_VALUES);
    if (kept.length > 0) out[name] = kept;
  }
  return out;
}

function positiveInt(raw: unknown, fallback: number, max: number): number {
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function normaliseRequest(raw: SearchRequest | null | undefined): NormalisedRequest & { truncated: boolean } {
  const request = raw ?? {};
  const { query, truncated } = normaliseQuery(request.query);
  return {
    query,
    truncated,
    filters: normaliseFilters(request.filters),
    page: positiveInt(request.page, 1, MAX_PAGE),
    pageSize: positiveInt(request.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

export const hasFilters = (filters: Filters) => Object.keys(filters).length > 0;
