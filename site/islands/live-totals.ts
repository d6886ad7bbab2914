import { formatMoney, groupThousands } from '../lib/money.ts';
import { fetchProjectStats } from './api-client.ts';

/**
 * The live-totals island: `#live-totals` carries the figures baked at build (from the latest
 * disclosure); this adds what was given through this site since, from
 * `GET /api/projects/{slug}/stats`. When the API cannot be reached the baked figures simply stay
 * as they are. Refreshed when the page is shown again (back button, bfcache) or becomes visible.
 */
export function mountLiveTotals(root: HTMLElement): void {
  const slug = root.dataset.projectSlug;
  if (!slug) return;
  const raised = root.querySelector<HTMLElement>('[data-live="raised"]');
  const count = root.querySelector<HTMLElement>('[data-live="count"]');
  const note = root.querySelector<HTMLElement>('[data-live="note"]');
  let inFlight = false;

  const refresh = async () => {
    if (inFlight) return;
    inFlight = true;
    const answer = await fetchProjectStats(slug).finally(() => {
      inFlight = false;
    });
    if (!answer.ok || answer.value.raisedFen < 0 || answer.value.donationCount < 0) return;
    const { raisedFen, donationCount, updatedAt } = answer.value;
    if (raised) raised.textContent = formatMoney(raisedFen);
    if (count) count.textContent = `${groupThousands(donationCount)} 笔`;
    for (const el of root.querySelectorAll<HTMLElement>('[data-live-stat]')) el.hidden = false;
    if (note) {
      const when = updatedAt ? new Date(updatedAt) : null;
      note.textContent =
        when && !Number.isNaN(when.getTime())
          ? `本站在线捐赠为实时数据，最近一笔于 ${when.toLocaleString('zh-CN', { hour12: false })} 到账。`
          : '本站在线捐赠为实时数据，目前还没有到账的在线捐赠。';
      note.hidden = false;
    }
  };

  void refresh();
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) void refresh();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refresh();
  });
}
