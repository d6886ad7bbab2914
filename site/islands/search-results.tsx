import { Fragment, type MouseEvent } from 'react';
import { FACET_LABELS, type FacetName } from '../../content/search/settings.ts';
import { hitMetaLine, type SearchHit, type SearchResponse } from '../../search/client/index.ts';
import type { SearchUrlState } from './search-url.ts';
import {
  excerptParts,
  FACETS_PENDING_TEXT,
  FIRST_VALUES,
  facetValueLabel,
  facetValues,
  pagerModel,
  SHOWN_FACETS,
} from './search-view.ts';

/**
 * The search island's answer: facets as labelled checkbox groups with counts, the hits, and the
 * pager. Everything from the engine is rendered as text — a hit's excerpt keeps only its <mark>
 * runs (search-view.ts `excerptParts`) — so a `<script>` in a query or in indexed text is shown,
 * never run. Checkboxes keep the facet name and value in `data-facet` / `value`, so the island can
 * put keyboard focus back on the one that was used after the list is rebuilt with new counts.
 */
export type ToggleFacet = (facet: FacetName, value: string, on: boolean) => void;

function FacetOption(p: {
  facet: FacetName;
  value: string;
  count: number | undefined;
  checked: boolean;
  onToggle: ToggleFacet;
}) {
  return (
    <li>
      <label>
        <input
          type="checkbox"
          name={p.facet}
          value={p.value}
          data-facet={p.facet}
          checked={p.checked}
          onChange={(event) => p.onToggle(p.facet, p.value, event.target.checked)}
        />{' '}
        {facetValueLabel(p.facet, p.value)} <span className="search-facet__count">（{p.count ?? 0}）</span>
      </label>
    </li>
  );
}

function FacetGroup(p: {
  facet: FacetName;
  counts: Record<string, number>;
  selected: readonly string[];
  onToggle: ToggleFacet;
}) {
  const values = facetValues(p.counts, p.selected);
  if (values.length === 0) return null;
  const option = (v: string) => (
    <FacetOption
      key={v}
      facet={p.facet}
      value={v}
      count={p.counts[v]}
      checked={p.selected.includes(v)}
      onToggle={p.onToggle}
    />
  );
  const rest = values.slice(FIRST_VALUES);
  return (
    <fieldset className="search-facet">
      <legend>{FACET_LABELS[p.facet]}</legend>
      <ul>{values.slice(0, FIRST_VALUES).map(option)}</ul>
      {rest.length > 0 && (
        // Open when a chosen value is among the rest, so it stays in sight.
        <details open={rest.some((v) => p.selected.includes(v))}>
          <summary>更多（{rest.length}）</summary>
          <ul>{rest.map(option)}</ul>
        </details>
      )}
    </fieldset>
  );
}

export function SearchFacets(p: {
  response: SearchResponse | null;
  state: SearchUrlState;
  onToggle: ToggleFacet;
  onClear: () => void;
}) {
  const { response, state } = p;
  // While Pagefind counts them after the results (its first query): a short line, and aria-busy.
  const pending = response?.facetsPending === true;
  const groups = pending
    ? []
    : SHOWN_FACETS.filter((facet) => Object.keys(response?.facets[facet] ?? {}).length > 0 || state.filters[facet]);
  return (
    <div id="search-facets" className="search-facets" aria-busy={pending || undefined}>
      {pending && <p className="search-facets__pending">{FACETS_PENDING_TEXT}</p>}
      {response && groups.length > 0 && (
        <>
          <h2 className="search-facets__title">筛选结果</h2>
          {groups.map((facet) => (
            <FacetGroup
              key={facet}
              facet={facet}
              counts={response.facets[facet] ?? {}}
              selected={state.filters[facet] ?? []}
              onToggle={p.onToggle}
            />
          ))}
          {Object.keys(state.filters).length > 0 && (
            <button type="button" className="search-facets__clear" onClick={p.onClear}>
              清除全部筛选
            </button>
          )}
        </>
      )}
    </div>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    // data-id: for tests and the benchmark's relevance check.
    <li className="search-hit" data-id={hit.id}>
      <h2 className="search-hit__title">
        <a href={hit.url}>{hit.title}</a>
      </h2>
      <p className="search-hit__meta">{hitMetaLine(hit)}</p>
      <p className="search-hit__excerpt">
        {excerptParts(hit.excerptHtml).map((part, i) =>
          // Runs have no identity of their own; their order is fixed for one hit.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          part.mark ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
        )}
      </p>
    </li>
  );
}

export function SearchHits({ response }: { response: SearchResponse | null }) {
  return (
    <div id="search-results">
      {response && response.hits.length > 0 && (
        <ol className="search-results">
          {response.hits.map((hit) => (
            <Hit hit={hit} key={hit.id} />
          ))}
        </ol>
      )}
    </div>
  );
}

export function SearchPager(p: {
  response: SearchResponse | null;
  state: SearchUrlState;
  onPage: (page: number) => void;
}) {
  const model = p.response ? pagerModel(p.response, p.state) : null;
  const follow = (page: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    p.onPage(page);
  };
  return (
    <div id="search-pager">
      {model && (
        <nav aria-label="搜索结果分页">
          <ul>
            {model.previous && (
              <li>
                <a href={model.previous.href} data-page={model.previous.page} onClick={follow(model.previous.page)}>
                  {model.previous.text}
                </a>
              </li>
            )}
            <li>{model.current}</li>
            {model.next && (
              <li>
                <a href={model.next.href} data-page={model.next.page} onClick={follow(model.next.page)}>
                  {model.next.text}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
