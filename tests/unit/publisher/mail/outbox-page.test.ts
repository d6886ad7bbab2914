import { describe, expect, it } from 'vitest';
import { outboxPageHtml } from '../../../../publisher/mail/outbox-page.ts';

describe('outboxPageHtml', () => {
  const message = {
    file: 'update_x.eml',
    writtenAt: '2026-02-01T00:00:00.000Z',
    to: 'reader@example.org',
    subject: '「<岷县>助学」有 1 条新的信息公开',
    listUnsubscribe: '<https://x.example/u?token=t>',
    listUnsubscribePost: 'List-Unsubscribe=One-Click',
    text: '您好 <script>alert(1)</script>',
  };

  it('shows each message escaped, with its unsubscribe headers, and no script or inline style', () => {
    const html = outboxPageHtml([message], { dir: '/data/outbox', smtp: false });
    expect(html).toContain('&lt;岷县&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('List-Unsubscribe=One-Click');
    expect(html).toContain('2026年2月1日 08:00');
    expect(html).toContain('/data/outbox');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('says when the outbox is empty and when SMTP is configured', () => {
    expect(outboxPageHtml([], { dir: '/d', smtp: false })).toContain('发件箱是空的');
    expect(outboxPageHtml([], { dir: '/d', smtp: true })).toContain('已配置 SMTP_URL');
  });
});
