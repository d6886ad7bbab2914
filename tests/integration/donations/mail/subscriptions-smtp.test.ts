import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Snapshot } from '../../../../content/index.ts';
import { formatYuan } from '../../../../content/index.ts';
import { type MailQueue, openMailQueue } from '../../../../donations/mail/mail-queue.ts';
import { mailDb } from '../../../../donations/mail/store.ts';
import type { MailTransport } from '../../../../donations/mail/transport.ts';
import { smtpTransport } from '../../../../donations/mail/transport.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../../support/mail/smtp-sink.ts';

/**
 * Mail to donors over real SMTP (smtp-server on loopback), on SQLite and PostgreSQL: double
 * opt-in, one message per subscriber × project × release with RFC 8058 headers, one-click
 * unsubscribe, and nothing sent twice across a repeated announcement, a failing relay and a worker
 * that dies mid-send.
 */
const SLUG = 'minxian-zhuxue';
/** What the mails link to: production is HTTPS (RFC 8058 asks for an https URI). */
const PUBLIC_SITE = 'https://xianjie.example.org';

const news = (slug: string, title: string, start: string, end: string, fen: number[]): Disclosure => ({
  ...(FIXTURE_SNAPSHOT.disclosures[0] as Disclosure),
  slug,
  title,
  kind: 'fund-usage',
  corrects: null,
  corrections: [],
  publishedOn: end,
  period: { start, end },
  expenses: fen.map((amountFen, i) => ({
    date: start,
    item: `支出 ${i + 1}`,
    category: 'materials' as const,
    amountFen,
    beneficiariesReached: 1,
  })),
});

function release(dir: string, name: string, extra: Disclosure[]): string {
  const snapshot: Snapshot = { ...FIXTURE_SNAPSHOT, disclosures: [...FIXTURE_SNAPSHOT.disclosures, ...extra] };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(snapshot));
  return path;
}

/** The link of a mail's text that starts with `prefix`. */
function linkIn(mail: ReceivedMail, prefix: string): URL {
  const found = (mail.parsed.text ?? '').split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`邮件中没有 ${prefix} 开头的链接：\n${mail.parsed.text}`);
  return new URL(found);
}

describe.each(BACKENDS)('mail to subscribers over SMTP ($name)', ({ name, skip }) => {
  let h: Harness;
  let smtp: SmtpSink;
  let queue: MailQueue;
  const q2 = news('minxian-q2-zhichu', '第二季度资金使用', '2026-04-01', '2026-06-30', [50_000]);
  const q2b = news('minxian-q2-wuzi', '第二季度物资发放', '2026-04-01', '2026-06-30', [120_000, 3_456]);
  const q3 = news('minxian-q3-zhichu', '第三季度资金使用', '2026-07-01', '2026-09-30', [99]);

  beforeAll(async () => {
    if (skip) return;
    smtp = await startSmtpSink();
    h = await startHarness(name, {
      snapshot: FIXTURE_SNAPSHOT,
      env: { SMTP_URL: smtp.url, SUBSCRIBE_RATE_LIMIT: '12', MAIL_FROM: '衔接 <noreply@xianjie.example.org>' },
    });
    queue = await openMailQueue({ ...h.config, siteUrl: PUBLIC_SITE }, { now: h.clock.now });
  });
  afterAll(async () => {
    await queue?.close();
    await h?.close();
    await smtp?.close();
  });

  const subscribe = (email: string, slug = SLUG) => postJson(`${h.url}/api/projects/${slug}/subscriptions`, { email });
  /** The mail's link, sent to this harness's API (the mail names the public site). */
  const apiUrl = (link: URL) => `${h.url}${link.pathname}${link.search}`;
  const confirmFrom = async (mail: ReceivedMail) => {
    const link = linkIn(mail, `${PUBLIC_SITE}/subscriptions/confirm/`);
    const id = link.searchParams.get('id') ?? '';
    const token = link.searchParams.get('token') ?? '';
    return fetch(`${h.url}/api/subscriptions/${id}/confirm?token=${token}`, { method: 'POST' });
  };

  it.skipIf(skip)('double opt-in: a confirmation mail, and no news until its link is used', async () => {
    const res = await subscribe('Reader.One@Example.org');
    expect(res.status).toBe(202);
    expect(res.text).not.toContain('Reader.One');
    expect((res.json as unknown as { project: { title: string } }).project.title).toBe('岷县助学');
    // The address is stored encrypted with the receipt key's id, and hashed for dedupe.
    const rows = await mailDb(h.ctx.ledger).selectFrom('mail_subscriptions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email_enc.startsWith(`v2.${h.ctx.receipts.currentKeyId}.`)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/reader\.one/i);
    expect(h.ctx.receipts.decrypt(rows[0]?.email_enc ?? '')).toBe('Reader.One@Example.org');

    // Asking again at once (another case of the same address) sends no second confirmation.
    expect((await subscribe('reader.one@example.org')).status).toBe(202);
    expect(await queue.deliver()).toEqual({ sent: 1, failed: 0, dropped: 0 });
    const [confirm] = await smtp.waitFor(1);
    // (the relay's envelope keeps the local part as typed; domains are case-blind)
    expect(confirm?.envelopeTo.map((a) => a.toLowerCase())).toEqual(['reader.one@example.org']);
    expect(confirm?.parsed.to && 'text' in confirm.parsed.to ? confirm.parsed.to.text : '').toBe(
      'Reader.One@example.org',
    );
    expect(confirm?.parsed.subject).toBe('请确认订阅「岷县助学」的项目进展');
    expect(confirm?.parsed.html).toBe(false);

    // Unconfirmed: a release with news queues nothing for it.
    expect(
      await queue.announceRelease({
        id: 'r1',
        snapshotPath: release(h.dir, 'r1', [q2]),
        previousSnapshotPath: release(h.dir, 'r0', []),
      }),
    ).toBe(0);

    const ok = await confirmFrom(confirm as ReceivedMail);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'confirmed', project: { slug: SLUG, title: '岷县助学' } });
  });

  it.skipIf(skip)(
    'one message per project per release, with every new disclosure, RFC 8058 headers and no pixel',
    async () => {
      const before = smtp.received.length;
      const r1 = release(h.dir, 'r1', [q2]);
      const r2 = release(h.dir, 'r2', [q2, q2b, q3]);
      expect(await queue.announceRelease({ id: 'r2', snapshotPath: r2, previousSnapshotPath: r1 })).toBe(1);
      // The same release again (a restart, a second portal process): nothing more.
      expect(await queue.announceRelease({ id: 'r2', snapshotPath: r2, previousSnapshotPath: r1 })).toBe(0);
      expect(await queue.deliver()).toMatchObject({ sent: 1, failed: 0 });
      const mails = (await smtp.waitFor(before + 1)).slice(before);
      expect(mails).toHaveLength(1);
      const mail = mails[0] as ReceivedMail;
      expect(mail.parsed.subject).toBe('「岷县助学」有 2 条新的信息公开');
      const text = mail.parsed.text ?? '';
      // q2 came with r1, while the address was not confirmed yet: it is not news any more.
      expect(text).not.toContain('第二季度资金使用');
      expect(text).toContain('第二季度物资发放');
      expect(text).toContain('第三季度资金使用');
      expect(text).not.toContain('第一季度进展');
      expect(text).toContain('涵盖期间：2026年4月1日至2026年6月30日');
      expect(text).toContain(`本期支出合计：${formatYuan(123_456)}`);
      expect(text).toContain('本期支出合计：0.99 元');
      expect(text).toContain(`${PUBLIC_SITE}/projects/${SLUG}/#d-minxian-q2-wuzi`);
      expect(mail.parsed.html).toBe(false);
      expect(mail.raw).not.toMatch(/<img|text\/html/i);
      // Unfolded (RFC 5322 §2.2.3): a long header arrives on several lines.
      const lines = mail.parsed.headerLines.map((l) => l.line.replace(/\r?\n(?=[ \t])/g, ''));
      const listUnsubscribe = lines.find((l) => /^List-Unsubscribe:/i.test(l)) ?? '';
      expect(listUnsubscribe).toMatch(
        new RegExp(`^List-Unsubscribe: <${PUBLIC_SITE}/api/subscriptions/[0-9a-f-]{36}/unsubscribe\\?token=[\\w-]+>$`),
      );
      expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(text).toMatch(
        new RegExp(`退订（不再收到该项目的邮件）：\\n${PUBLIC_SITE}/subscriptions/unsubscribe/\\?id=`),
      );
      const attempts = await mailDb(h.ctx.ledger).selectFrom('mail_attempts').selectAll().execute();
      expect(attempts.filter((a) => a.ok === 1)).toHaveLength(2);
    },
  );

  it.skipIf(skip)('retries a relay failure with backoff and a worker that died mid-send, and sends once', async () => {
    await subscribe('second@example.org');
    await queue.deliver();
    const before = smtp.received.length;
    await smtp.waitFor(before);
    const confirm = smtp.received.at(-1) as ReceivedMail;
    expect(confirm.envelopeTo).toEqual(['second@example.org']);
    expect((await confirmFrom(confirm)).status).toBe(200);

    const r2 = release(h.dir, 'r2', [q2, q2b, q3]);
    const q4 = news('minxian-q4', '第四季度资金使用', '2026-10-01', '2026-12-31', [1]);
    const r3 = release(h.dir, 'r3', [q2, q2b, q3, q4]);
    expect(await queue.announceRelease({ id: 'r3', snapshotPath: r3, previousSnapshotPath: r2 })).toBe(2);

    // A worker takes the first row and dies before the relay has it (its send never returns).
    const hung: MailTransport = { kind: 'smtp', send: () => new Promise<void>(() => {}), close: () => {} };
    const dying = await openMailQueue({ ...h.config, siteUrl: PUBLIC_SITE }, { now: h.clock.now, transport: hung });
    void dying.deliver({ leaseMs: 60_000 });
    await new Promise((r) => setTimeout(r, 300));
    // While its lease runs nobody else sends that one; the other row goes.
    expect(await queue.deliver()).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(await queue.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    // The lease runs out; the relay refuses the first message once (451): it waits for its backoff.
    h.clock.advanceMinutes(2);
    smtp.failNext(1);
    expect(await queue.deliver()).toEqual({ sent: 0, failed: 1, dropped: 0 });
    expect(await queue.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    h.clock.advanceMinutes(1);
    expect(await queue.deliver()).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(await queue.deliver()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    const news3 = smtp.received.slice(before).filter((m) => m.parsed.subject?.includes('1 条新的信息公开'));
    expect(news3.map((m) => m.envelopeTo[0]?.toLowerCase()).sort()).toEqual([
      'reader.one@example.org',
      'second@example.org',
    ]);
    const db = mailDb(h.ctx.ledger);
    const rows = await db.selectFrom('mail_queue').selectAll().where('release_id', '=', 'r3').execute();
    expect(rows.map((r) => r.attempts).sort()).toEqual([1, 2]);
    const failed = await db.selectFrom('mail_attempts').selectAll().where('ok', '=', 0).execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/451/);
    await dying.close().catch(() => undefined);
  });

  it.skipIf(skip)(
    'one-click unsubscribe (RFC 8058 POST): the address is erased and no more mail is queued',
    async () => {
      const mail = smtp.received.filter((m) => m.envelopeTo[0] === 'second@example.org').at(-1) as ReceivedMail;
      const header = mail.parsed.headerLines.find((l) => /^list-unsubscribe$/i.test(l.key))?.line ?? '';
      const link = new URL(/<([^>]+)>/.exec(header)?.[1] ?? '');
      // A wrong token changes nothing.
      const forged = await fetch(`${h.url}${link.pathname}?token=${'A'.repeat(32)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(forged.status).toBe(404);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('SUBSCRIPTION_LINK_INVALID');
      const res = await fetch(apiUrl(link), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'unsubscribed' });
      const row = await mailDb(h.ctx.ledger)
        .selectFrom('mail_subscriptions')
        .selectAll()
        .where('id', '=', link.pathname.split('/')[3] ?? '')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'unsubscribed', email_enc: '' });

      const r3 = release(h.dir, 'r3b', [
        q2,
        q2b,
        q3,
        news('minxian-q4', '第四季度资金使用', '2026-10-01', '2026-12-31', [1]),
      ]);
      const r4 = release(h.dir, 'r4', [
        q2,
        q2b,
        q3,
        news('minxian-q4', '第四季度资金使用', '2026-10-01', '2026-12-31', [1]),
        news('minxian-2027-q1', '2027 年第一季度', '2027-01-01', '2027-03-31', [5]),
      ]);
      expect(await queue.announceRelease({ id: 'r4', snapshotPath: r4, previousSnapshotPath: r3 })).toBe(1);
      // The confirm link of an unsubscribed address no longer works.
      expect(
        (await confirmFrom(smtp.received.find((m) => m.envelopeTo[0] === 'second@example.org') as ReceivedMail)).status,
      ).toBe(404);
    },
  );

  it.skipIf(skip)('refuses with stable codes and Chinese messages, and limits requests per client', async () => {
    const bad = await subscribe('not-an-address');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'INVALID_BODY', field: 'email' });
    expect(bad.json.error.message).toMatch(/邮箱格式不正确/);
    const extra = await postJson(`${h.url}/api/projects/${SLUG}/subscriptions`, { email: 'a@example.org', name: 'x' });
    expect(extra.json.error.code).toBe('INVALID_BODY');
    const missing = await subscribe('a@example.org', 'no-such-project');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('PROJECT_NOT_FOUND');
    let limited = null;
    for (let i = 0; i < 15 && !limited; i++) {
      const res = await subscribe(`flood${i}@example.org`);
      if (res.status === 429) limited = res;
    }
    expect(limited?.json.error.code).toBe('RATE_LIMITED');
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('confirmation links expire', () => {
  it('answers 410 after MAIL_CONFIRM_HOURS', async () => {
    const smtp = await startSmtpSink();
    const h = await startHarness('sqlite', {
      snapshot: FIXTURE_SNAPSHOT,
      env: { SMTP_URL: smtp.url, MAIL_CONFIRM_HOURS: '1' },
    });
    const queue = await openMailQueue(h.config, { now: h.clock.now, transport: smtpTransport(smtp.url) });
    try {
      await postJson(`${h.url}/api/projects/${SLUG}/subscriptions`, { email: 'late@example.org' });
      await queue.deliver();
      const [mail] = await smtp.waitFor(1);
      const link = linkIn(mail as ReceivedMail, `${h.url}/subscriptions/confirm/`);
      h.clock.advanceMinutes(61);
      const res = await fetch(
        `${h.url}/api/subscriptions/${link.searchParams.get('id')}/confirm?token=${link.searchParams.get('token')}`,
        { method: 'POST' },
      );
      expect(res.status).toBe(410);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'SUBSCRIPTION_LINK_EXPIRED',
        message: expect.stringMatching(/1 小时内有效/),
      });
    } finally {
      await queue.close();
      await h.close();
      await smtp.close();
    }
  });
});
