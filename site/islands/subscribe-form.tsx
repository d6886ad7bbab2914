import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatYuan } from '../../content/contracts/money.ts';
import { paths } from '../../content/paths.ts';
import { fetchDonation } from './donation-status.ts';
import { type ProjectName, requestSubscription } from './subscription-api.ts';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * 订阅项目进展 (issue 16 item 5): an e-mail address, then a confirmation mail (double opt-in); once
 * confirmed, one mail per release with the project's new disclosures. Its own island, hydrated when
 * it scrolls into view (`client:visible`), so the project page's up-front script does not grow.
 * On a project page it is given the project; on the result page (`fromDonation`) it learns the
 * gift's project from `GET /api/donations/{id}`; on the subscribe page (`fromQuery`, where 我的捐赠
 * links a gift's project) from `?project=`. Without JavaScript it points to the project's Atom
 * feed, which needs no address at all.
 */
export interface SubscribeFormProps {
  project?: ProjectName | undefined;
  /** Read the project from the result page's `?id=` (the gift's project). */
  fromDonation?: boolean | undefined;
  /** Read the project's slug from `?project=` (the subscribe page every project page links to). */
  fromQuery?: boolean | undefined;
}

export default function SubscribeForm({ project: given, fromDonation, fromQuery }: SubscribeFormProps) {
  const hydrated = useHydrated();
  const id = useId();
  const [project, setProject] = useState<ProjectName | null>(given ?? null);
  /** On the result page: the gift, so the form can say which project it follows. */
  const [giftFen, setGiftFen] = useState<number | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (given) return;
    const query = new URLSearchParams(window.location.search);
    if (fromQuery) {
      const slug = query.get('project');
      // The title comes back with the API's answer; until then the page names no project.
      if (slug) setProject({ slug, title: '' });
      else setMissing(true);
      return;
    }
    const donationId = fromDonation ? query.get('id') : null;
    if (!donationId) return;
    void fetchDonation(donationId).then((r) => {
      if (!r.ok) return;
      setProject({ slug: r.value.project.slug, title: r.value.project.title });
      if (r.value.status === 'paid') setGiftFen(r.value.amountFen);
    });
  }, [fromDonation, fromQuery, given]);

  if (missing) {
    return (
      <p className="callout callout--bad" data-code="PROJECT_NOT_FOUND">
        没有指明要订阅的项目：请从项目页面的「用邮箱订阅」进入。
      </p>
    );
  }
  if (!project) {
    return fromQuery ? (
      <p className="small muted">用邮箱订阅需要启用 JavaScript；每个项目页面上也有不需要邮箱的 Atom 源。</p>
    ) : null;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const typed = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed)) {
      setError({ code: 'INVALID_BODY', message: '邮箱格式不正确，应形如 name@example.com' });
      document.getElementById(`${id}-email`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await requestSubscription(project.slug, typed);
    setBusy(false);
    if (result.ok) {
      setDone(result.value.message);
      setEmail('');
    } else {
      setError({ code: result.error.code, message: result.error.message });
      document.getElementById(`${id}-email`)?.focus();
    }
  };

  return (
    <section className="subscribe card" aria-labelledby={`${id}-heading`} data-subscribe data-pagefind-ignore>
      <h2 id={`${id}-heading`}>订阅项目进展</h2>
      {giftFen !== null && (
        <p>
          感谢您为「{project.title}」捐赠 {formatYuan(giftFen)}。想知道这笔钱用在了哪里？
        </p>
      )}
      <p>
        {project.title ? `「${project.title}」` : '该项目'}
        发布新的信息公开时，我们给您发一封邮件（同一次发布只发一封，可随时一键退订）。
        {/* one line: no space between the sentences */}
        不想留邮箱，也可以用阅读器订阅 <a href={paths.projectFeed(project.slug)}>Atom 源</a>。
      </p>
      {!hydrated ? (
        <p className="small muted">用邮箱订阅需要启用 JavaScript；Atom 源不需要。</p>
      ) : done ? (
        <p className="subscribe__done" role="status">
          {done}
        </p>
      ) : (
        <form className="subscribe__form" noValidate onSubmit={(e) => void submit(e)}>
          {/*
            The field is written out here, not taken from ui/text-field.tsx: sharing that module
            with the donate form splits it out of the donate form's chunk, and the project page's
            up-front script (at its 70 KB budget) pays for the extra chunk.
          */}
          <div className="field">
            <label htmlFor={`${id}-email`}>电子邮箱</label>
            <input
              id={`${id}-email`}
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-describedby={`${id}-email-hint ${id}-email-error`}
              aria-invalid={error ? true : undefined}
            />
            <p className="hint" id={`${id}-email-hint`}>
              只用于发送本项目的进展通知，加密保存，不会公开；退订后即删除。
            </p>
            <p className="field-error" id={`${id}-email-error`} data-code={error?.code} hidden={!error}>
              {error?.message ?? ''}
            </p>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? '正在提交…' : '订阅'}
          </button>
          <div className="donate__alert" role="alert" data-code={error?.code}>
            {error?.message ?? ''}
          </div>
        </form>
      )}
    </section>
  );
}
