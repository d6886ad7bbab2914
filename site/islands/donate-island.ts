import type { ApiError } from './api-client.ts';
import { currentDevice, defaultChannel } from './default-channel.ts';
import type { CreatedDonation } from './donate-flow.ts';
import { confirmHtml, donateFormHtml, type FormOptions, qrStepHtml } from './donate-markup.ts';
import type { DonationFormValues, DonationTarget, FormField } from './donation-request.ts';
import type { AmountBounds } from './yuan-to-fen.ts';

/**
 * The donate island: form → `POST /api/donations` → confirm step (project, the charity that is
 * paid, and for a cause the routed project and the reason) → the payment step (Alipay's cashier
 * by link, or the QR payload). Mounts on `#donate[data-accepting="true"]` (project pages) and on
 * `[data-cause-donate]` (needs and campaign pages). The zod checks and the POST (`donate-flow.ts`)
 * are loaded on first use (`import()`), so a page only pays for them when someone starts to give.
 */
type Flow = typeof import('./donate-flow.ts');
let flow: Promise<Flow> | null = null;
const loadFlow = (): Promise<Flow> => {
  flow ??= import('./donate-flow.ts').catch((error: unknown) => {
    flow = null;
    throw error;
  });
  return flow;
};

const DEFAULT_BOUNDS: AmountBounds = { minFen: 100, maxFen: 5_000_000 };

function boundsOf(root: HTMLElement): AmountBounds {
  const min = Number(root.dataset.minFen);
  const max = Number(root.dataset.maxFen);
  return Number.isSafeInteger(min) && Number.isSafeInteger(max) && min > 0 && max >= min
    ? { minFen: min, maxFen: max }
    : DEFAULT_BOUNDS;
}

function poolGroups(root: HTMLElement): { value: string; label: string }[] {
  try {
    const parsed: unknown = JSON.parse(root.dataset.groups ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (g): g is { value: string; label: string } => typeof g?.value === 'string' && typeof g?.label === 'string',
    );
  } catch {
    return [];
  }
}

function readValues(form: HTMLFormElement): DonationFormValues {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    amount: text('amount'),
    customYuan: text('customYuan'),
    anonymous: text('anonymous') === 'no' ? 'no' : 'yes',
    displayName: text('displayName'),
    receipt: text('receipt') === 'wanted' ? 'wanted' : 'none',
    receiptName: text('receiptName'),
    receiptTaxId: text('receiptTaxId'),
    receiptEmail: text('receiptEmail'),
    channel: text('channel'),
    targetGroup: text('targetGroup'),
  };
}

export function mountDonate(root: HTMLElement, id: string): void {
  const host = root.querySelector<HTMLElement>('[data-donate-mount]');
  if (!host) return;
  const pool = root.hasAttribute('data-cause-donate');
  const slug = root.dataset.projectSlug;
  const target: DonationTarget = pool
    ? { kind: 'pool', ...(root.dataset.region ? { region: root.dataset.region } : {}) }
    : { kind: 'project', slug: slug ?? '' };
  const options: FormOptions = {
    id,
    bounds: boundsOf(root),
    channel: defaultChannel(currentDevice()),
    ...(pool ? { pool: { groups: poolGroups(root), regionName: root.dataset.regionName } } : {}),
  };
  host.innerHTML = donateFormHtml(options).value;
  for (const notice of root.querySelectorAll<HTMLElement>('[data-donate-nojs]')) notice.hidden = true;
  const form = host.querySelector('form') as HTMLFormElement;
  const alert = form.querySelector<HTMLElement>(`#${id}-alert`) as HTMLElement;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
  const step = document.createElement('div');
  step.hidden = true;
  host.append(step);
  let values: DonationFormValues | null = null;
  let created: CreatedDonation | null = null;

  const syncConditional = () => {
    const current = readValues(form);
    for (const el of form.querySelectorAll<HTMLElement>('[data-when]')) {
      const [name, value] = (el.dataset.when ?? '').split('=');
      el.hidden = current[name as keyof DonationFormValues] !== value;
    }
  };

  const clearErrors = () => {
    alert.textContent = '';
    for (const el of form.querySelectorAll<HTMLElement>('.field-error')) {
      el.textContent = '';
      el.hidden = true;
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };

  const controlsOf = (field: FormField): HTMLInputElement[] =>
    field === 'form' ? [] : [...form.querySelectorAll<HTMLInputElement>(`[name="${field}"]`)];

  const showError = (field: FormField, message: string) => {
    const slot = field === 'form' ? null : form.querySelector<HTMLElement>(`#${id}-${field}-error`);
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
    // Filled after a tick so that the same message said twice is announced twice.
    requestAnimationFrame(() => {
      alert.textContent = field === 'form' ? message : `请更正：${message}`;
    });
    const controls = controlsOf(field);
    for (const c of controls) c.setAttribute('aria-invalid', 'true');
    const focusTarget = controls.find((c) => c.checked) ?? controls[0];
    if (focusTarget) {
      const hiddenParent = focusTarget.closest<HTMLElement>('[data-when]');
      if (hiddenParent) hiddenParent.hidden = false;
      focusTarget.focus();
    }
  };

  const showApiError = async (error: ApiError, sent: DonationFormValues) => {
    const { formFieldOf } = await loadFlow();
    // NOT_ACCEPTING_DONATIONS already names every reason in its message.
    const { message } = error;
    if (error.code === 'NO_ELIGIBLE_PROJECT' && pool) return showError('targetGroup', message);
    if (error.code === 'RATE_LIMITED' || error.status >= 500 || error.status === 0) return showError('form', message);
    showError(formFieldOf(error.field, sent), message);
  };

  const showStep = (markup: string, headingId: string) => {
    step.innerHTML = markup;
    form.hidden = true;
    step.hidden = false;
    step.querySelector<HTMLElement>(`#${headingId}`)?.focus();
  };

  step.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!button) return;
    if (button.dataset.action === 'edit') {
      step.hidden = true;
      step.innerHTML = '';
      form.hidden = false;
      submit.focus();
    } else if (button.dataset.action === 'show-qr' && created?.pay.kind === 'qr') {
      showStep(qrStepHtml(id, { ...created, pay: created.pay }).value, `${id}-qr-heading`);
    }
  });

  form.addEventListener('change', syncConditional);
  form.addEventListener('focusin', () => void loadFlow().catch(() => undefined), { once: true });
  const custom = form.querySelector<HTMLInputElement>(`#${id}-customYuan`);
  custom?.addEventListener('input', () => {
    const other = form.querySelector<HTMLInputElement>(`#${id}-amount-other`);
    if (other && custom.value.trim() !== '') other.checked = true;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    clearErrors();
    const current = readValues(form);
    let loaded: Flow;
    try {
      loaded = await loadFlow();
    } catch {
      return showError('form', '网络连接失败，页面功能没有加载完整。请检查网络后重试。没有产生扣款。');
    }
    const { buildDonationRequest, createDonation } = loaded;
    const built = buildDonationRequest(current, target, options.bounds);
    if (!built.ok) return showError(built.field, built.message);
    form.setAttribute('aria-busy', 'true');
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = '正在提交…';
    const answer = await createDonation(built.body);
    form.removeAttribute('aria-busy');
    submit.disabled = false;
    submit.textContent = label;
    if (!answer.ok) return showApiError(answer.error, current);
    values = current;
    created = answer.value;
    showStep(confirmHtml(id, created, values).value, `${id}-confirm-heading`);
  });
}
