import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../../donations/mail/outbox-view.ts';
import { outboxFileName, outboxTransport } from '../../../../donations/mail/transport.ts';

const dir = mkdtempSync(join(tmpdir(), 'xianjie-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outboxTransport: one .eml per message, named by its idempotency key', () => {
  it('writes the message nodemailer composed, and writing it again replaces it', async () => {
    const t = outboxTransport(dir);
    const message = {
      from: 'noreply@example.org',
      to: 'reader@example.org',
      subject: '「岷县助学」有 1 条新的信息公开',
      text: '您好：\n第二季度',
      headers: {
        'List-Unsubscribe': '<https://x.example/u?token=t>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
    await t.send(message, 'update:a:b:r1');
    await t.send(message, 'update:a:b:r1');
    t.close();
    expect(readdirSync(dir)).toEqual([outboxFileName('update:a:b:r1')]);
    const [read] = await readOutbox(dir);
    expect(read).toMatchObject({
      to: 'reader@example.org',
      subject: message.subject,
      listUnsubscribe: '<https://x.example/u?token=t>',
      listUnsubscribePost: 'List-Unsubscribe=One-Click',
    });
    expect(read?.text).toContain('第二季度');
  });

  it('names files safely', () => {
    expect(outboxFileName('update:../../x:y')).toBe('update_x_y.eml');
  });
});
