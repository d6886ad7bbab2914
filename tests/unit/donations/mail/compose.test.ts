import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeMessage, unsubscribeUrls } from '../../../../donations/mail/compose.ts';
import { MailKeys } from '../../../../donations/mail/mail-keys.ts';

const keys = new MailKeys(randomBytes(32));
const common = {
  subscriptionId: '5f0c6a2e-1111-4222-8333-944455556666',
  to: 'reader@example.org',
  from: '衔接 <noreply@example.org>',
  messageId: '<update.x@example.org>',
  siteUrl: 'https://xianjie.example.org',
  keys,
  confirmHours: 72,
};
const project = { slug: 'minxian-zhuxue', title: '岷县助学' };

describe('composeMessage', () => {
  it('writes a news mail as plain text with RFC 8058 headers and a plain unsubscribe link', () => {
    const m = composeMessage({
      ...common,
      payload: {
        kind: 'update',
        project,
        disclosures: [
          {
            slug: 'q2',
            title: '第二季度',
            kind: 'fund-usage',
            period: { start: '2026-04-01', end: '2026-06-30' },
            expenseFen: 123_456,
          },
        ],
      },
    });
    const urls = unsubscribeUrls(common.siteUrl, common.subscriptionId, keys);
    expect(m.html).toBeUndefined();
    expect(m.subject).toBe('「岷县助学」有 1 条新的信息公开');
    expect(m.headers).toMatchObject({
      'List-Unsubscribe': `<${urls.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(urls.oneClick).toMatch(
      /^https:\/\/xianjie\.example\.org\/api\/subscriptions\/5f0c6a2e-[\w-]+\/unsubscribe\?token=/,
    );
    const text = String(m.text);
    expect(text).toContain('第二季度（资金使用）');
    expect(text).toContain('涵盖期间：2026年4月1日至2026年6月30日');
    expect(text).toContain('本期支出合计：1,234.56 元');
    expect(text).toContain('https://xianjie.example.org/projects/minxian-zhuxue/#d-q2');
    expect(text).toContain(urls.page);
    expect(m.messageId).toBe(common.messageId);
  });

  it('writes a confirmation with its own token and no unsubscribe header', () => {
    const at = '2026-02-01T00:00:00.000Z';
    const m = composeMessage({ ...common, payload: { kind: 'confirm', project, confirmSentAt: at } });
    expect(m.subject).toBe('请确认订阅「岷县助学」的项目进展');
    expect(m.headers).not.toHaveProperty('List-Unsubscribe');
    expect(String(m.text)).toContain(
      `https://xianjie.example.org/subscriptions/confirm/?id=${common.subscriptionId}&token=${keys.confirmToken(common.subscriptionId, at)}`,
    );
    expect(String(m.text)).toContain('72 小时内');
  });
});
