import { formatDate } from '../../content/contracts/format.ts';
import { SEARCH_TYPES, type SearchType } from '../../content/search/settings.ts';
import { plainText } from './sanitise-excerpt.ts';
import type { SearchHit } from './types.ts';

/** Meta keys the result list may show; anything else an index carries is dropped. */
export const HIT_META_KEYS = [
  'typeLabel',
  'project',
  'charity',
  'region',
  'status',
  'publishedOn',
  'acceptingDonations',
] as const;

export function isSearchType(value: unknown): value is SearchType {
  return typeof value === 'string' && Object.hasOwn(SEARCH_TYPES, value);
}

/** The type of a hit whose index did not say: read from the URL scheme (content/search/urls.ts). */
export function typeFromPath(path: string): SearchType {
  if (path.startsWith('/projects/')) return path.includes('#d-') ? 'disclosure' : 'project';
  if (path.startsWith('/charities/')) return 'charity';
  if (path.startsWith('/cases/')) return 'typical-case';
  if (path.startsWith('/needs/')) return 'need';
  return 'project';
}

/** Plain-text meta from any record: known keys only, string values only, length-capped. */
export function pickMeta(source: Record<string, unknown>, type: SearchType): Record<string, string> {
  const meta: Record<string, string> = { typeLabel: SEARCH_TYPES[type] };
  for (const key of HIT_META_KEYS) {
    if (key === 'typeLabel') continue;
    const raw = source[key];
    const value = Array.isArray(raw) ? raw.filter((v) => typeof v === 'string').join('、') : raw;
    const text = typeof value === 'boolean' ? String(value) : plainText(value);
    if (text.length > 0) meta[key] = text.slice(0, 200);
  }
  return meta;
}

/** The line under a result's title, the same in the island and on the server-rendered results page. */
export function hitMetaLine(hit: SearchHit): string {
  return [
    hit.meta.typeLabel,
    hit.meta.project ? `所属项目：${hit.meta.project}` : '',
    hit.meta.region,
    hit.type !== 'charity' ? hit.meta.charity : '',
    hit.meta.status,
    hit.meta.acceptingDonations === 'true' ? '可在线捐赠' : '',
    // Indexes carry the ISO day (sortable); people read 2026年9月5日.
    hit.meta.publishedOn ? formatDate(hit.meta.publishedOn) : '',
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' · ');
}
