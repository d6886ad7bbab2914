/**
 * Project listing filters that work without JavaScript, as pre-rendered pages.
 *
 * A static release cannot read a query string, so every filter state someone can reach is its own
 * page: one per value of each facet (region = province, target group, service type, status,
 * accepting donations) and one per pair of values from two different facets, each paginated.
 * Only non-empty combinations are built. Three or more facets at once are not offered: their
 * combinations grow with the product of all facet sizes (tens of thousands of mostly empty pages),
 * while two already narrow any listing to a few pages (measured: ~620 listing pages for the
 * 320-project demo, ~9,500 for 10,000 projects). Facet links are plain links; the canonical order
 * below makes each state one URL: `/projects/region/620000/group/minors/p/2/`.
 *
 * Listings of projects accepting donations (any combination with `accepting/yes`) can also be
 * sorted (SORTS), each order its own pages: `/projects/accepting/yes/sort/ending/p/2/`. Only
 * those: the orders are about giving (closing soonest, furthest from the goal, newest), and
 * sorting every combination would add three times the ~9,500 listing pages at scale.
 */
export const FACETS = ['region', 'group', 'service', 'status', 'accepting'] as const;
export type FacetKey = (typeof FACETS)[number];
export type Selection = Partial<Record<FacetKey, string>>;
export type FacetValues = Record<FacetKey, readonly string[]>;

export const MAX_COMBINED_FACETS = 2;
export const ACCEPTING = 'yes';

export const FACET_LABELS: Record<FacetKey, string> = {
  region: '地区',
  group: '帮扶对象',
  service: '服务类型',
  status: '项目状态',
  accepting: '在线捐赠',
};

export const SORTS = {
  ending: '即将截止',
  needed: '最需要支持',
  newest: '最新发布',
} as const;
export type SortKey = keyof typeof SORTS;
export const SORT_KEYS = Object.keys(SORTS) as SortKey[];

/** Whether a listing offers the SORTS orders (see above). */
export function sortable(selection: Selection): boolean {
  return selection.accepting === ACCEPTING;
}

const VALUE_PATTERN = /^[a-z0-9-]+$/;

/** `{ group: 'minors', region: '620000' }` → `region/620000/group/minors` (canonical facet order). */
export function selectionKey(selection: Selection): string {
  const parts: string[] = [];
  for (const facet of FACETS) {
    const value = selection[facet];
    if (value !== undefined) parts.push(facet, value);
  }
  return parts.join('/');
}

export function selectionSize(selection: Selection): number {
  return FACETS.filter((f) => selection[f] !== undefined).length;
}

/** The `[...filter]` route parameter of a listing page, or undefined for `/projects/` itself. */
export function listingParam(selection: Selection, page = 1, sort?: SortKey): string | undefined {
  const key = selectionKey(selection);
  const parts = key ? [key] : [];
  if (sort) parts.push(`sort/${sort}`);
  if (page > 1) parts.push(`p/${page}`);
  return parts.length ? parts.join('/') : undefined;
}

export function listingPath(selection: Selection, page = 1, sort?: SortKey): string {
  const param = listingParam(selection, page, sort);
  return param ? `/projects/${param}/` : '/projects/';
}

/** Inverse of `listingParam`; null for anything that is not a canonical listing URL. */
export function parseListingParam(
  param: string | undefined,
): { selection: Selection; page: number; sort?: SortKey } | null {
  const parts = param ? param.split('/').filter(Boolean) : [];
  let page = 1;
  if (parts.length >= 2 && parts[parts.length - 2] === 'p') {
    const n = Number(parts[parts.length - 1]);
    if (!Number.isInteger(n) || n < 2) return null;
    page = n;
    parts.length -= 2;
  }
  let sort: SortKey | undefined;
  if (parts.length >= 2 && parts[parts.length - 2] === 'sort') {
    const value = parts[parts.length - 1] as SortKey;
    if (!SORT_KEYS.includes(value)) return null;
    sort = value;
    parts.length -= 2;
  }
  if (parts.length % 2 !== 0) return null;
  const selection: Selection = {};
  let lastIndex = -1;
  for (let i = 0; i < parts.length; i += 2) {
    const facet = parts[i] as FacetKey;
    const value = parts[i + 1] as string;
    const index = FACETS.indexOf(facet);
    if (index <= lastIndex || !VALUE_PATTERN.test(value)) return null;
    selection[facet] = value;
    lastIndex = index;
  }
  if (selectionSize(selection) > MAX_COMBINED_FACETS) return null;
  if (sort && !sortable(selection)) return null;
  return sort ? { selection, page, sort } : { selection, page };
}

/**
 * Every non-empty combination of up to `max` facets → the positions (in input order) of the items
 * in it. One pass over the items; the empty key `''` holds all of them.
 */
export function facetCombinations(values: readonly FacetValues[], max = MAX_COMBINED_FACETS): Map<string, number[]> {
  const combos = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = combos.get(key);
    if (list) list.push(index);
    else combos.set(key, [index]);
  };
  values.forEach((v, index) => {
    add('', index);
    for (let a = 0; a < FACETS.length; a++) {
      const fa = FACETS[a] as FacetKey;
      for (const va of new Set(v[fa])) {
        const keyA = `${fa}/${va}`;
        add(keyA, index);
        if (max < 2) continue;
        for (let b = a + 1; b < FACETS.length; b++) {
          const fb = FACETS[b] as FacetKey;
          for (const vb of new Set(v[fb])) add(`${keyA}/${fb}/${vb}`, index);
        }
      }
    }
  });
  return combos;
}

/** The selection a combination key stands for. */
export function selectionOfKey(key: string): Selection {
  const parsed = parseListingParam(key || undefined);
  if (!parsed) throw new Error(`无效的筛选组合：${key}`);
  return parsed.selection;
}
