import { escapeHtml, formatDateTime } from '../../content/index.ts';
import type { OutboxMessage } from '../../donations/index.ts';

/**
 * `/_publisher/outbox`: what the embedded outbox would have sent, for a person at this machine
 * (served only to a loopback peer). Plain HTML with no script and no inline style: the page
 * carries the release's Content-Security-Policy like every answer of the portal.
 */
export function outboxPageHtml(messages: readonly OutboxMessage[], info: { dir: string; smtp: boolean }): string {
  const items = messages.map(
    (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<dl>
<dt>收件人</dt><dd>${escapeHtml(m.to)}</dd>
<dt>写入时间</dt><dd>${escapeHtml(formatDateTime(m.writtenAt) ?? m.writtenAt)}</dd>
<dt>文件</dt><dd>${escapeHtml(m.file)}</dd>
${m.listUnsubscribe ? `<dt>List-Unsubscribe</dt><dd>${escapeHtml(m.listUnsubscribe)}</dd>` : ''}
${m.listUnsubscribePost ? `<dt>List-Unsubscribe-Post</dt><dd>${escapeHtml(m.listUnsubscribePost)}</dd>` : ''}
</dl>
<pre>${escapeHtml(m.text)}</pre>
</article>`,
  );
  const lead = info.smtp
    ? '<p>已配置 SMTP_URL：邮件经 SMTP 发出，不再写入本地发件箱。下面是此前写入的邮件。</p>'
    : `<p>未配置 SMTP_URL：邮件不会真正发出，而是写入本地发件箱 <code>${escapeHtml(info.dir)}</code>（每封一个 .eml 文件）。本页只对本机开放。</p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>本地发件箱 · 衔接</title></head>
<body>
<h1>本地发件箱</h1>
${lead}
${items.length ? items.join('\n') : '<p>发件箱是空的：还没有要发出的邮件。</p>'}
</body>
</html>`;
}
