import {
  PAGEFIND_ONLY,
  parseBrowserSearchConfig,
  SEARCH_CONFIG_FILE,
} from '../../search/search-client/browser-config.ts';
import {
  createMeilisearchEngine,
  createPagefindEngine,
  createSearchClient,
  type SearchResponse,
  UNAVAILABLE_MESSAGE,
} from '../../search/search-client/index.ts';
import { FACETS, type FacetName } from '../../search/settings.ts';
import { renderFacets, renderResponse, type SearchElements } from './search-render.ts';
import { readSearchUrl, type SearchUrlState, searchUrlQuery, toggleFilter } from './search-url.ts';

/**
 * The search page's island (site/pages/search.astro). State lives in the URL: the form, facet
 * checkboxes and pager push a new history entry and search; back/forward (popstate) search the
 * URL they land on. The engine follows `/search-config.json` (Meilisearch with a search-only key,
 * else Pagefind); the client falls back to Pagefind when Meilisearch is unreachable.
 */
const byId = (id: string) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`搜索页缺少 #${id}`);
  return node;
};

async function loadConfig() {
  try {
    const response = await fetch(`/${SEARCH_CONFIG_FILE}`, { cache: 'no-cache' });
    return response.ok ? parseBrowserSearchConfig(await response.json()) : PAGEFIND_ONLY;
  } catch {
    return PAGEFIND_ONLY;
  }
}

const isFacet = (name: string): name is FacetName => (FACETS as readonly string[]).includes(name);

async function start(): Promise<void> {
  const form = byId('search-form') as HTMLFormElement;
  const input = byId('search-q') as HTMLInputElement;
  const view: SearchElements = {
    status: byId('search-status'),
    notice: byId('search-notice'),
    error: byId('search-error'),
    facets: byId('search-facets'),
    results: byId('search-results'),
    pager: byId('search-pager'),
    empty: byId('search-empty'),
  };
  const app = byId('search-app');
  app.hidden = false;

  const config = await loadConfig();
  const client = createSearchClient({
    ...(config.meilisearch ? { primary: createMeilisearchEngine(config.meilisearch) } : {}),
    fallback: createPagefindEngine({ bundlePath: config.pagefindPath }),
  });

  let state: SearchUrlState = readSearchUrl(location.search);
  let sequence = 0;

  async function run(next: SearchUrlState, focus?: () => void): Promise<void> {
    state = next;
    const mine = ++sequence;
    if (input.value !== next.q) input.value = next.q;
    app.setAttribute('aria-busy', 'true');
    let response: SearchResponse;
    try {
      response = await client.search({ query: next.q, filters: next.filters, page: next.page });
    } catch {
      // The client never throws; this keeps a Chinese message on screen if it ever did.
      response = {
        state: 'unavailable',
        query: next.q,
        truncated: false,
        total: 0,
        hits: [],
        facets: {},
        filters: {},
        page: 1,
        pageSize: 10,
        engine: null,
        fellBack: false,
        message: UNAVAILABLE_MESSAGE,
      };
    }
    if (mine !== sequence) return; // a newer search has started
    app.removeAttribute('aria-busy');
    if (response.truncated || response.query !== next.q) {
      // Share the query as searched: a 2,000-character query does not belong in a URL.
      state = { ...next, q: response.query };
      history.replaceState(null, '', `${location.pathname}${searchUrlQuery(state)}`);
      input.value = response.query;
    }
    document.title = response.query ? `“${response.query}”的搜索结果 · 衔接` : '搜索 · 衔接';
    // Results first (the status line, aria-live, already has the exact total); facets may follow.
    renderResponse(view, response, state);
    if (response.facetsPending) {
      const facets = await client.facets(response);
      if (mine !== sequence) return;
      renderFacets(view.facets, { ...response, facets, facetsPending: false }, state);
    }
    focus?.();
  }

  function go(next: SearchUrlState, focus?: () => void): void {
    history.pushState(null, '', `${location.pathname}${searchUrlQuery(next)}`);
    void run(next, focus);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...state, q: input.value, page: 1 });
  });

  view.facets.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.facet || !isFacet(box.dataset.facet)) return;
    const { name, value, checked } = { name: box.dataset.facet, value: box.value, checked: box.checked };
    // The facet list is rebuilt with the new counts; keyboard focus returns to the same checkbox.
    go(toggleFilter(state, name, value, checked), () => {
      const again = [...view.facets.querySelectorAll<HTMLInputElement>('input[data-facet]')].find(
        (b) => b.dataset.facet === name && b.value === value,
      );
      again?.focus();
    });
  });

  view.facets.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.dataset.clearFilters !== undefined) {
      go({ ...state, filters: {}, page: 1 }, () => input.focus());
    }
  });

  view.pager.addEventListener('click', (event) => {
    const link = event.target instanceof HTMLElement ? event.target.closest('a[data-page]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    go({ ...state, page: Number(link.dataset.page) }, () => view.status.focus());
  });

  window.addEventListener('popstate', () => void run(readSearchUrl(location.search)));

  await run(state);
}

void start();
