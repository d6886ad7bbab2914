import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AmountBounds } from '../../content/contracts/amount-bounds.ts';
import type { ApiError } from './api-client.ts';
import { currentDevice, defaultChannel } from './default-channel.ts';
import { DonateFields, type PoolChoice } from './donate-fields.tsx';
import type { CreatedDonation, CreatedPlan } from './donate-flow.ts';
import { EMPTY_FORM } from './donate-options.ts';
import type { DonationFormValues, DonationTarget, FormField } from './donation-request.ts';
import type { QrDonation } from './ui/confirm-step.tsx';
import { AlertRegion, type ShownError } from './ui/error-message.tsx';
import { FrequencyChoice } from './ui/frequency-choice.tsx';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The donate island: form → `POST /api/donations` → confirm step (project, the charity that is
 * paid, and for a cause the routed project and the reason) → the payment step (Alipay's cashier
 * by link, or the QR payload). Placed by site/lib/render/donate-slot.ts in an accepting project's
 * `#donate` and by site/components/cause-donate.astro on needs and campaign pages
 * (`client:idle`). The zod checks, the POST and the steps after it (`donate-flow.ts`) are loaded
 * on first use (`import()`), so a page only pays for them when someone starts to give.
 *
 * On the server it renders the sentence that online giving needs JavaScript and the questions,
 * disabled, inside a `<div>` — no `<form>` that could not be sent — which the stylesheet shows
 * only when scripts run (`html.js`, site/lib/elder-mode-script.ts). Without JavaScript the
 * sentence is all there is; with it, the questions are there at once and come alive (the form,
 * the sentence gone) when the island hydrates.
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

export interface DonateFormProps {
  /** Unique on the page: prefixes every id (`donate1-customYuan`). */
  id: string;
  target: DonationTarget;
  bounds: AmountBounds;
  /** Cause-donations: the 帮扶对象 to choose from and where the money goes. */
  pool?: PoolChoice | undefined;
  /** Project pages: the charity to give to directly when the browser runs no JavaScript. */
  charity?: { name: string; href: string } | undefined;
}

const FLOW_FAILED: ShownError = {
  code: 'NETWORK',
  message: '网络连接失败，页面功能没有加载完整。请检查网络后重试。没有产生扣款。',
};

type Step =
  | { kind: 'form' }
  | { kind: 'confirm'; created: CreatedDonation | CreatedPlan; values: DonationFormValues }
  | { kind: 'qr'; created: QrDonation };

function NoScript({ charity }: { charity: DonateFormProps['charity'] }) {
  return (
    <p className="donate__nojs">
      在线捐赠需要启用浏览器的 JavaScript。
      {charity ? (
        <>
          也可以按<a href={charity.href}>{charity.name}</a>公布的联系方式直接向该组织捐赠。
        </>
      ) : (
        '也可以打开下面列出的项目，按其慈善组织公布的联系方式捐赠。'
      )}
    </p>
  );
}

export default function DonateForm({ id, target, bounds, pool, charity }: DonateFormProps) {
  const hydrated = useHydrated();
  const [values, setValues] = useState<DonationFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<FormField, ShownError>>>({});
  const [alert, setAlert] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  // The lazily loaded part, once loaded: its steps render the answer of the POST it made.
  const [loadedFlow, setLoadedFlow] = useState<Flow | null>(null);
  // Which control takes focus after an error (a new object each time, so the same field twice works).
  const [focus, setFocus] = useState<{ field: FormField } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // Set by 返回修改: focus goes back to the submit button once the form shows again.
  const backToForm = useRef(false);
  const set = (patch: Partial<DonationFormValues>) => setValues((v) => ({ ...v, ...patch }));

  useEffect(() => {
    // The device is known only in the browser; the server rendered the desktop default.
    const device = currentDevice();
    setValues((v) => ({ ...v, channel: defaultChannel(device) }));
    // Inside WeChat the guide out of it (shown above the form by the lazily loaded steps, which
    // check the user agent themselves) should not wait for the donor's first move.
    if (device.wechat) loadFlow().then(setLoadedFlow, () => undefined);
  }, []);

  useEffect(() => {
    if (!focus || focus.field === 'form') return;
    const controls = [...(formRef.current?.querySelectorAll<HTMLInputElement>(`[name="${focus.field}"]`) ?? [])];
    (controls.find((c) => c.checked) ?? controls[0])?.focus();
  }, [focus]);

  useEffect(() => {
    if (step.kind !== 'form' || !backToForm.current) return;
    backToForm.current = false;
    submitRef.current?.focus();
  }, [step]);

  const showError = (field: FormField, error: ShownError) => {
    setErrors(field === 'form' ? {} : { [field]: error });
    setFocus({ field });
    // Filled after a frame, so that the same message said twice is announced twice.
    requestAnimationFrame(() =>
      setAlert(field === 'form' ? error : { code: error.code, message: `请更正：${error.message}` }),
    );
  };

  const showApiError = (error: ApiError, sent: DonationFormValues, formFieldOf: Flow['formFieldOf']) => {
    // NOT_ACCEPTING_DONATIONS already names every reason in its message.
    const shown = { code: error.code, message: error.message };
    if (error.code === 'NO_ELIGIBLE_PROJECT' && target.kind === 'pool') return showError('targetGroup', shown);
    if (error.code === 'RATE_LIMITED' || error.status >= 500 || error.status === 0) return showError('form', shown);
    showError(formFieldOf(error.field, sent), shown);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setErrors({});
    setAlert(null);
    const sent = values;
    let loaded: Flow;
    try {
      loaded = await loadFlow();
    } catch {
      return showError('form', FLOW_FAILED);
    }
    const built = loaded.buildDonationRequest(sent, target, bounds);
    if (!built.ok) return showError(built.field, { code: built.code, message: built.message });
    setBusy(true);
    const answer = await loaded.createDonation(built.body);
    setBusy(false);
    if (!answer.ok) return showApiError(answer.error, sent, loaded.formFieldOf);
    setLoadedFlow(loaded);
    setStep({ kind: 'confirm', created: answer.value, values: sent });
  };

  const fields = (
    <>
      <AlertRegion id={`${id}-alert`} error={alert} />
      <FrequencyChoice idPrefix={id} values={values} set={set}>
        {loadedFlow ? (
          <loadedFlow.MonthlyDetails idPrefix={id} values={values} errors={errors} set={set} />
        ) : (
          <p className="hint">正在加载每月捐赠的选项…</p>
        )}
      </FrequencyChoice>
      <DonateFields idPrefix={id} bounds={bounds} pool={pool} values={values} errors={errors} set={set} />
      <p>
        <button type="submit" className="button" ref={submitRef} disabled={busy}>
          {busy ? '正在提交…' : '下一步：核对捐赠信息'}
        </button>
      </p>
    </>
  );

  if (!hydrated) {
    // Until hydrated, the questions show disabled (the stylesheet shows them only under
    // html.js: without JavaScript there is just the sentence above). A donor who reaches them
    // first waits a moment instead of choosing something the island would not know about.
    return (
      <>
        <NoScript charity={charity} />
        <div className="donate-form donate-form--pending">
          <fieldset className="donate-form__pending" disabled>
            {fields}
          </fieldset>
        </div>
      </>
    );
  }
  return (
    <>
      <form
        className="donate-form"
        id={`${id}-form`}
        noValidate
        aria-describedby={`${id}-alert`}
        aria-busy={busy || undefined}
        hidden={step.kind !== 'form'}
        ref={formRef}
        onSubmit={submit}
        onFocus={() => void loadFlow().then(setLoadedFlow, () => undefined)}
      >
        {loadedFlow && <loadedFlow.FormHead idPrefix={id} />}
        {fields}
      </form>
      {loadedFlow && step.kind === 'confirm' && (
        <loadedFlow.ConfirmStep
          idPrefix={id}
          created={step.created}
          values={step.values}
          onEdit={() => {
            backToForm.current = true;
            setStep({ kind: 'form' });
          }}
          onShowQr={() => {
            const { created } = step;
            if (created.pay.kind === 'qr' && 'donationId' in created)
              setStep({ kind: 'qr', created: { ...created, pay: created.pay } });
          }}
        />
      )}
      {loadedFlow && step.kind === 'qr' && <loadedFlow.QrStep idPrefix={id} created={step.created} />}
    </>
  );
}
