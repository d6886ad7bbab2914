import { createElement as h, type ReactNode, useEffect, useState } from 'react';
import { changeSubscription, type ProjectName, type SubscriptionAction } from './subscription-api.ts';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The pages the subscription mails link to (`/subscriptions/confirm/`, `/subscriptions/unsubscribe/`):
 * they read `id` and `token` from the address and act only when the person presses the button — a
 * mail scanner that opens every link must neither confirm nor cancel anything. (Mail clients that
 * offer 退订 use the RFC 8058 one-click POST from the mail's header instead.)
 */
export interface SubscriptionLinkProps {
  action: SubscriptionAction;
}

const WORDS = {
  confirm: {
    button: '确认订阅',
    busy: '正在确认…',
    done: (t: string) => `已确认订阅「${t}」的项目进展。项目发布新的信息公开时，我们会给您发邮件。`,
  },
  unsubscribe: {
    button: '退订',
    busy: '正在退订…',
    done: (t: string) => `已退订「${t}」的项目进展，您的邮箱已从本站删除，不会再收到该项目的邮件。`,
  },
} as const;

export default function SubscriptionLink({ action }: SubscriptionLinkProps) {
  const hydrated = useHydrated();
  const [params, setParams] = useState<{ id: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string } | null>(null);
  const words = WORDS[action];

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const id = query.get('id');
    const token = query.get('token');
    if (id && token) setParams({ id, token });
  }, []);

  // React.createElement, not JSX: an island that imports the JSX runtime without
  // content/contracts/money.ts splits the two apart in the bundle, and the project page's up-front
  // script (at its 70 KB budget) pays for the extra chunk.
  const box = (child: ReactNode) => h('div', { className: 'subscription-link', id: 'subscription-link' }, child);
  if (!hydrated || !params) {
    return box(
      !hydrated
        ? h(
            'p',
            { className: 'callout' },
            `请启用 JavaScript 后点击按钮${action === 'confirm' ? '确认订阅' : '退订'}。`,
          )
        : h(
            'p',
            { className: 'callout callout--bad', 'data-code': 'SUBSCRIPTION_LINK_INVALID' },
            '链接不完整：请从邮件中完整地复制链接，或直接点击邮件里的链接。',
          ),
    );
  }
  const go = async () => {
    setBusy(true);
    const result = await changeSubscription(action, params.id, params.token);
    setBusy(false);
    setOutcome(
      result.ok
        ? { ok: true, text: words.done((result.value.project as ProjectName).title) }
        : { ok: false, text: result.error.message, code: result.error.code },
    );
  };
  return box(
    outcome
      ? h(
          'p',
          { className: outcome.ok ? 'callout' : 'callout callout--bad', role: 'status', 'data-code': outcome.code },
          outcome.text,
        )
      : h(
          'button',
          { type: 'button', className: 'button', disabled: busy, onClick: () => void go() },
          busy ? words.busy : words.button,
        ),
  );
}
