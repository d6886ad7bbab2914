import { html } from '../lib/html.ts';
import { type DonationStatus, fetchDonation } from './api-client.ts';
import { donationIdFrom, POLL_GIVE_UP_MS, pollDelayMs, type ResultState, resultView } from './result-view.ts';

/**
 * The result page (/donations/result/?id=…): polls `GET /api/donations/{id}` with backoff until the
 * order is paid, closed or refunded, and says each change once through a polite live region.
 */
export function mountResult(root: HTMLElement, search: string): void {
  const live = root.querySelector<HTMLElement>('[data-result-live]');
  if (!live) return;
  let shown = '';
  let timer: ReturnType<typeof setTimeout> | null = null;

  const render = (state: ResultState) => {
    const view = resultView(state);
    const markup =
      html`<div class="result result--${view.tone}"><h2>${view.title}</h2>${view.lines.map((l) => html`<p>${l}</p>`)}${
        view.project
          ? html`<p>项目：<a href="${view.project.href}">${view.project.title}</a> · 收款的慈善组织：${view.project.charity}</p>`
          : ''
      }${view.retry ? html`<p><button type="button" class="button" data-action="retry">重新查询</button></p>` : ''}</div>`
        .value;
    // Re-rendering the same state would make screen readers repeat it on every poll.
    if (markup !== shown) {
      live.innerHTML = markup;
      shown = markup;
    }
    root.setAttribute('aria-busy', String(view.polling && state.kind === 'loading'));
  };

  const first = donationIdFrom(search);
  if (first.kind !== 'id') {
    render(first);
    return;
  }
  const { id } = first;
  let attempt = 0;
  let started = Date.now();
  let last: DonationStatus | null = null;

  const poll = async () => {
    timer = null;
    const answer = await fetchDonation(id);
    let state: ResultState;
    if (answer.ok) {
      last = answer.value;
      state = { kind: 'status', donation: answer.value };
    } else if (answer.error.status === 404) state = { kind: 'not-found' };
    else state = { kind: 'network', message: answer.error.message };
    const view = resultView(state);
    if (view.polling && Date.now() - started > POLL_GIVE_UP_MS) state = { kind: 'gave-up', last };
    render(state);
    if (resultView(state).polling) timer = setTimeout(() => void poll(), pollDelayMs(attempt++));
  };

  live.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('[data-action="retry"]')) return;
    attempt = 0;
    started = Date.now();
    render({ kind: 'loading' });
    if (!timer) void poll();
  });
  document.addEventListener('visibilitychange', () => {
    // Back from the Alipay app on a phone: check at once instead of waiting out the backoff.
    if (document.visibilityState === 'visible' && timer) {
      clearTimeout(timer);
      attempt = 0;
      void poll();
    }
  });
  render({ kind: 'loading' });
  void poll();
}
