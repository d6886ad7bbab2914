import { type FormEvent, useEffect, useRef, useState } from 'react';
import { paths } from '../../content/paths.ts';
import { PAGEFIND_ONLY, parseBrowserSearchConfig, SEARCH_CONFIG_FILE } from '../../content/search/browser-config.ts';
import type { FacetName } from '../../content/search/settings.ts';
import {
  createMeilisearchEngine,
  createPagefindEngine,
  createSearchClient,
  createServerEngine,
  type SearchClient,
  type SearchResponse,
  UNAVAILABLE_MESSAGE,
} from '../../search/client/index.ts';
import { SearchFacets, SearchHits, SearchPager } from './search-results.tsx';
import { readSearchUrl, type SearchUrlState, searchUrlQuery, toggleFilter } from './search-url.ts';
import { statusText, truncatedNotice } from './search-view.ts';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The search page's island (site/pages/search.astro, `client:load`). State lives in the URL: the
 * form, facet checkboxes and pager push a new history entry and search; back/forward (popstate)
 * search the URL they land on. The engine follows `/search-config.json` (Meilisearch with a
 * search-only key, else Pagefind); the client falls back to Pagefind when Meilisearch is
 * unreachable.
 *
 * On the server (and with JavaScript off) it renders the search form — a plain GET form to
 * /search/results/, the results page rendered on the server — and the result area hidden. Once
 * hydrated it handles that form itself and shows the area.
 */
export interface SearchAppProps {
  /** Queries offered when there is nothing to show. */
  suggestions: readonly string[];
}

async function loadClient(): Promise<SearchClient> {
  let config = PAGEFIND_ONLY;
  try {
    const response = await fetch(`/${SEARCH_CONFIG_FILE}`, { cache: 'no-cache' });
    if (response.ok) config = parseBrowserSearchConfig(await response.json());
  } catch {
    // No config (or no network): Pagefind, which the release always has.
  }
  // A release too big for Pagefind's budget names the portal's own engine (/search/results.json) instead.
  const primary = config.meilisearch
    ? createMeilisearchEngine(config.meilisearch)
    : config.serverPath
      ? createServerEngine({ path: config.serverPath })
      : undefined;
  return createSearchClient({
    ...(primary ? { primary } : {}),
    fallback: createPagefindEngine({ bundlePath: config.pagefindPath }),
  });
}

const unavailable = (query: string): SearchResponse => ({
  state: 'unavailable',
  query,
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
});

export default function SearchApp({ suggestions }: SearchAppProps) {
  const hydrated = useHydrated();
  const [state, setState] = useState<SearchUrlState>({ q: '', filters: {}, page: 1 });
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useRef<Promise<SearchClient> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const sequence = useRef(0);
  // Where keyboard focus goes once the answer of the latest search is on screen.
  const focusAfter = useRef<(() => void) | null>(null);

  async function run(next: SearchUrlState, focus: (() => void) | null = null): Promise<void> {
    const mine = ++sequence.current;
    focusAfter.current = focus;
    setState(next);
    // The input is uncontrolled: pasted text longer than maxlength must reach the search as typed.
    if (input.current && input.current.value !== next.q) input.current.value = next.q;
    setBusy(true);
    client.current ??= loadClient();
    let answer: SearchResponse;
    try {
      answer = await (await client.current).search({ query: next.q, filters: next.filters, page: next.page });
    } catch {
      // The client never throws; this keeps a Chinese message on screen if it ever did.
      answer = unavailable(next.q);
    }
    if (mine !== sequence.current) return; // a newer search has started
    if (answer.truncated || answer.query !== next.q) {
      // Share the query as searched: a 2,000-character query does not belong in a URL.
      const searched = { ...next, q: answer.query };
      history.replaceState(null, '', `${location.pathname}${searchUrlQuery(searched)}`);
      if (input.current) input.current.value = answer.query;
      setState(searched);
    }
    document.title = answer.query ? `“${answer.query}”的搜索结果 · 衔接` : '搜索 · 衔接';
    // Results first (the status line, aria-live, already has the exact total); facets may follow.
    setBusy(false);
    setResponse(answer);
    if (answer.facetsPending) {
      const facets = await (await client.current).facets(answer);
      if (mine !== sequence.current) return;
      setResponse({ ...answer, facets, facetsPending: false });
    }
  }

  function go(next: SearchUrlState, focus: (() => void) | null = null): void {
    history.pushState(null, '', `${location.pathname}${searchUrlQuery(next)}`);
    void run(next, focus);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount; `run` reads only refs and the URL.
  useEffect(() => {
    const onPop = () => void run(readSearchUrl(location.search));
    window.addEventListener('popstate', onPop);
    void run(readSearchUrl(location.search));
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (busy || !response || response.facetsPending || !focusAfter.current) return;
    const focus = focusAfter.current;
    focusAfter.current = null;
    focus();
  }, [busy, response]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...state, q: input.current?.value ?? '', page: 1 });
  };

  const toggle = (facet: FacetName, value: string, on: boolean) => {
    // The facet list is rebuilt with the new counts; keyboard focus returns to the same checkbox.
    go(toggleFilter(state, facet, value, on), () => {
      const boxes =
        document.getElementById('search-facets')?.querySelectorAll<HTMLInputElement>('input[data-facet]') ?? [];
      [...boxes].find((b) => b.dataset.facet === facet && b.value === value)?.focus();
    });
  };

  const notice = response ? truncatedNotice(response) : null;
  const failed = response?.state === 'unavailable';
  const empty = response?.state === 'empty' || response?.state === 'no-results';
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form is what every browser and screen reader our visitors use knows; <search> is too new for older phones' WebViews. */}
      <form
        id="search-form"
        className="search-form"
        role="search"
        aria-label="搜索本站内容"
        action="/search/results/"
        method="get"
        onSubmit={submit}
      >
        <label htmlFor="search-q">搜索项目、组织、救助需求、信息公开、典型案例、活动和表彰</label>
        <div className="search-form__row">
          <input
            id="search-q"
            type="search"
            name="q"
            maxLength={200}
            autoComplete="off"
            enterKeyHint="search"
            defaultValue=""
            ref={input}
          />
          <button type="submit">搜索</button>
        </div>
      </form>

      <div id="search-app" className="search-app" hidden={!hydrated} aria-busy={busy || undefined}>
        <p id="search-status" className="search-status" role="status" aria-live="polite" tabIndex={-1} ref={status}>
          {response ? statusText(response) : ''}
        </p>
        <p id="search-notice" className="callout callout--warn" hidden={!notice}>
          {notice ?? ''}
        </p>
        <p id="search-error" className="callout callout--bad" role="alert" hidden={!failed}>
          {failed ? (response?.message ?? '') : ''}
        </p>
        <div className="search-layout">
          <SearchFacets
            response={response}
            state={state}
            onToggle={toggle}
            onClear={() => go({ ...state, filters: {}, page: 1 }, () => input.current?.focus())}
          />
          <div className="search-main">
            <SearchHits response={response} />
            <SearchPager
              response={response}
              state={state}
              onPage={(page) => go({ ...state, page }, () => status.current?.focus())}
            />
          </div>
        </div>
        <section id="search-empty" className="search-empty" aria-labelledby="search-empty-heading" hidden={!empty}>
          <h2 id="search-empty-heading">可以试试这些搜索</h2>
          <ul className="chosen">
            {suggestions.map((q) => (
              <li key={q}>
                <a href={`${paths.search()}?q=${encodeURIComponent(q)}`}>{q}</a>
              </li>
            ))}
          </ul>
          <p>
            也可以<a href={paths.projects()}>按地区、帮扶对象和服务类型筛选慈善项目</a>，或
            <a href={paths.needs()}>按地区查看救助需求</a>
            。搜索词可以是项目名称、地区（如“甘肃”）、帮扶对象（如“失能老人”）或政策用语（如“低保”“特困”）。
          </p>
        </section>
      </div>
    </>
  );
}
