import type { Account } from '../accounts/accounts.ts';
import { ROLE_LABELS } from '../accounts/accounts.ts';
import { html, type Markup, raw, STYLE } from './html.ts';

export interface PageContext {
  account: Account | null;
  csrf: string | null;
  large: boolean;
  path: string;
}

export const csrfField = (csrf: string | null) => html`<input type="hidden" name="_csrf" value="${csrf ?? ''}">`;

function whoIs(a: Account): string {
  const bound = a.role === 'charity' ? a.charity_slug : a.region_code;
  return `${a.display_name}（${ROLE_LABELS[a.role]}${bound ? ` · ${bound}` : ''}）`;
}

/** Every workbench page: Chinese, no script, phone first; 长辈模式 is a link (a cookie), not a script. */
export function page(p: PageContext, title: string, body: Markup, status = 200): { status: number; body: string } {
  const toggle = `/workbench/large?on=${p.large ? '0' : '1'}&back=${encodeURIComponent(p.path)}`;
  const doc = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} · 衔接工作台</title>
<style>${raw(STYLE)}</style>
</head>
<body class="${p.large ? 'large' : ''}">
<header>
<strong><a href="/workbench/">衔接工作台</a></strong>
${p.account ? html`<span class="who">${whoIs(p.account)}</span>` : ''}
<a href="${toggle}">${p.large ? '标准字号' : '长辈模式'}</a>
${
  p.account
    ? html`<form method="post" action="/workbench/logout">${csrfField(p.csrf)}<button type="submit">退出</button></form>`
    : ''
}
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
  return { status, body: doc.value };
}

export const errorBox = (message: string | null) =>
  message ? html`<div class="error" role="alert">${message}</div>` : '';
export const noticeBox = (message: string | null) =>
  message ? html`<div class="notice" role="status">${message}</div>` : '';
