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
}

export interface FirstQuery {
  /** Everything the page load moved (HTML, CSS, island JS, search-config.json). */
  pageLoad: Transfer[];
  /** What the first query moved on top (Pagefind runtime, wasm, index chunks, fragments, vocabulary). */
  query: Transfer[];
  ms: number;
}

export interface LatencyRun {
  samples: { query: string; ms: number; ids: string[] }[];
  baselineMs: number[];
}

/**
 * Every finished request of the page and its dedicated workers (Pagefind searches in a worker),
 * with the bytes it moved: response body as sent plus response headers (`request.sizes()`).
 */
function recordTransfers(page: Page): { take(): Promise<Transfer[]> } {
  let pending: Promise<Transfer>[] = [];
  page.context().on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })),
    );
  });
  return {
    async take() {
      const out = await Promise.all(pending);
      pending = [];
      return out;
    },
  };
}

/** Submits `q` in the page's search box and resolves when the island has rendered the answer. */
function searchInPage(page: Page, q: string): Promise<{ ms: number; ids: string[] }> {
  return page.evaluate(async (query) => {
    const app = document.getElementById('search-app') as HTMLElement;
    const input = document.getElementById('search-q') as HTMLInputElement;
    const form = document.getElementById('search-form') as HTMLFormElement;
    input.value = query;
    const started = performance.now();
    form.requestSubmit();
    await new Promise<void>((resolve) => {
      if (!app.hasAttribute('aria-busy')) return resolve();
      const observer = new MutationObserver(() => {
        if (!app.hasAttribute('aria-busy')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(app, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    const ms = performance.now() - started;
    const ids = [...document.querySelectorAll<HTMLElement>('.search-hit')].map((li) => li.dataset.id ?? '');
    return { ms, ids };
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
    const { ms } = await searchInPage(page, query);
    await page.waitForLoadState('networkidle');
    return { pageLoad, query: await transfers.take(), ms };
  } finally {
    await context.close();
  }
}

export async function measureLatency(
  browser: Browser,
  baseUrl: string,
  queries: readonly string[],
  warmups = 1,
): Promise<LatencyRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openSearchPage(page, baseUrl);
    for (let i = 0; i < warmups; i++) for (const q of queries) await searchInPage(page, q);
    const samples: LatencyRun['samples'] = [];
    const baselineMs: number[] = [];
    for (const q of queries) {
      samples.push({ query: q, ...(await searchInPage(page, q)) });
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
