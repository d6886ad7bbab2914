import type { Browser, Page } from '@playwright/test';

/**
 * The browser half of the search benchmark: a fresh Chromium context on the built site's search
 * page, the bytes a first query moves (CDP `Network.loadingFinished`, i.e. bytes on the wire incl.
 * headers), then query latency through the real island — type, submit, wait until the results are
 * on screen — over a list of queries, with a same-page baseline: fetching `pagefind.js` uncached.
 */
export interface Transfer {
  url: string;
  bytes: number;
  /** When the request started (ms since the epoch, Playwright's `request.timing().startTime`). */
  startedAt: number;
}

export interface FirstQuery {
  /** Everything the page load moved (HTML, CSS, island JS, search-config.json). */
  pageLoad: Transfer[];
  /** What the first query moved on top (Pagefind runtime, wasm, index chunks, fragments, vocabulary, filter chunks). */
  query: Transfer[];
  /** The part of `query` started before the results were on screen (the rest is the facets' filter chunks). */
  untilResults: Transfer[];
  /** Submit → results on screen. */
  ms: number;
  /** Submit → facets on screen (the same as `ms` when they came with the results). */
  facetsMs: number;
}

export interface LatencyRun {
  samples: { query: string; ms: number; facetsMs: number; ids: string[] }[];
  baselineMs: number[];
}

/**
 * Every finished request of the page and its dedicated workers (Pagefind searches in a worker),
 * with the bytes it moved: response body as sent plus response headers (`request.sizes()`).
 */
function recordTransfers(page: Page): { take(): Promise<Transfer[]> } {
  let pending: Promise<Transfer | null>[] = [];
  page.context().on('requestfinished', (request) => {
    pending.push(
      (async (): Promise<Transfer | null> => {
        const s = await request.sizes();
        // CDP reports no body for a dedicated worker's own script (Pagefind's worker, 12 KB
        // gzipped, came out as its 349 header bytes): the Content-Length our server always sends
        // (the encoded length) covers it.
        const length = Number((await request.response())?.headers()['content-length']);
        const body = Number.isFinite(length) ? Math.max(length, s.responseBodySize) : s.responseBodySize;
        return { url: request.url(), bytes: body + s.responseHeadersSize, startedAt: request.timing().startTime };
      })().catch(() => null), // finished as the context closed: after the last take, counted nowhere
    );
  });
  return {
    async take() {
      const out = await Promise.all(pending);
      pending = [];
      return out.filter((t): t is Transfer => t !== null);
    },
  };
}

interface InPage {
  /** Submit → results on screen (the app's aria-busy cleared). */
  ms: number;
  /** Submit → facets on screen (the facets' aria-busy cleared too). */
  facetsMs: number;
  /** Epoch ms when the results were on screen. */
  resultsAt: number;
  ids: string[];
}

/** Submits `q` in the page's search box and resolves when the island has rendered the answer and its facets. */
function searchInPage(page: Page, q: string): Promise<InPage> {
  return page.evaluate(async (query) => {
    const app = document.getElementById('search-app') as HTMLElement;
    const facets = document.getElementById('search-facets') as HTMLElement;
    const input = document.getElementById('search-q') as HTMLInputElement;
    const form = document.getElementById('search-form') as HTMLFormElement;
    input.value = query;
    // React renders the submit's aria-busy in a microtask after the event, so the results element
    // is watched from before the submit: busy added, then removed (both may arrive in one batch of
    // records). When a first query's facets are still being counted, the facets element is busy
    // from the task that renders the results on, until its counts are rendered. (No named helper
    // here: tsx would wrap it in __name.)
    let resultsDone: ((at: number) => void) | null = null;
    const resultsAt = new Promise<number>((resolve) => {
      resultsDone = resolve;
    });
    let seenBusy = false;
    const watcher = new MutationObserver((records) => {
      for (const r of records) {
        if (r.oldValue === null) seenBusy = true;
        else if (seenBusy && !app.hasAttribute('aria-busy')) {
          watcher.disconnect();
          resultsDone?.(performance.now());
        }
      }
    });
    watcher.observe(app, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
    const started = performance.now();
    form.requestSubmit();
    const done: number[] = [await resultsAt];
    const ids = [...document.querySelectorAll<HTMLElement>('.search-hit')].map((li) => li.dataset.id ?? '');
    done.push(
      await new Promise<number>((resolve) => {
        if (!facets.hasAttribute('aria-busy')) return resolve(performance.now());
        const observer = new MutationObserver(() => {
          if (!facets.hasAttribute('aria-busy')) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(facets, { attributes: true, attributeFilter: ['aria-busy'] });
      }),
    );
    const [resultsNow = Number.NaN, facetsNow = Number.NaN] = done;
    return {
      ms: resultsNow - started,
      facetsMs: facetsNow - started,
      resultsAt: performance.timeOrigin + resultsNow,
      ids,
    };
  }, q);
}

async function openSearchPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/search/`);
  await page.waitForFunction(() => {
    const app = document.getElementById('search-app');
    return (
      app &&
      !app.hidden &&
      !app.hasAttribute('aria-busy') &&
      (document.getElementById('search-status')?.textContent ?? '') !== ''
    );
  });
}

export async function measureFirstQuery(browser: Browser, baseUrl: string, query: string): Promise<FirstQuery> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const transfers = recordTransfers(page);
    await openSearchPage(page, baseUrl);
    await page.waitForLoadState('networkidle');
    const pageLoad = await transfers.take();
    const { ms, facetsMs, resultsAt } = await searchInPage(page, query);
    await page.waitForLoadState('networkidle');
    const moved = await transfers.take();
    // Requests started before the results were on screen are what the results waited for; the
    // facets' filter chunks are requested after they are rendered.
    return { pageLoad, query: moved, untilResults: moved.filter((t) => t.startedAt <= resultsAt), ms, facetsMs };
  } finally {
    await context.close();
  }
}

export async function measureLatency(
  browser: Browser,
  baseUrl: string,
  queries: readonly string[],
  warmups = 1,
  /** Measured passes over the queries (a shared machine's spikes hit single samples). */
  passes = 1,
): Promise<LatencyRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openSearchPage(page, baseUrl);
    for (let i = 0; i < warmups; i++) for (const q of queries) await searchInPage(page, q);
    const samples: LatencyRun['samples'] = [];
    const baselineMs: number[] = [];
    for (let pass = 0; pass < passes; pass++)
      for (const q of queries) {
        const { ms, facetsMs, ids } = await searchInPage(page, q);
        samples.push({ query: q, ms, facetsMs, ids });
        baselineMs.push(
          await page.evaluate(async () => {
            const started = performance.now();
            await (await fetch('/pagefind/pagefind.js', { cache: 'no-store' })).text();
            return performance.now() - started;
          }),
        );
      }
    return { samples, baselineMs };
  } finally {
    await context.close();
  }
}
