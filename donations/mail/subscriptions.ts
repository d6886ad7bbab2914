import { randomUUID } from 'node:crypto';
import { formatPath, type SubscriptionAnswer, subscriptionRequestSchema } from '../../content/index.ts';
import type { DonationsConfig } from '../config.ts';
import { DonationError } from '../errors.ts';
import type { ReceiptCipher } from '../receipt-cipher.ts';
import type { SnapshotSource } from '../snapshot-source.ts';
import { MailKeys } from './mail-keys.ts';
import type { MailPayload } from './payload.ts';
import { type MailDb, queueRow } from './store.ts';

/**
 * Double opt-in subscriptions to a project's news (issue 16 item 5). A request stores the address
 * encrypted and queues a confirmation mail; only a click on that mail's link makes the
 * subscription count. Every accepted request gets the same answer — new address, one waiting for
 * its confirmation, one already confirmed — so the endpoint is no oracle of who follows what. A
 * waiting address gets a new confirmation mail at most every RESEND_MINUTES (no mail bombing).
 */
export interface MailDeps {
  db: MailDb;
  cipher: ReceiptCipher;
  keys: MailKeys;
  config: Pick<DonationsConfig, 'siteUrl' | 'mail'>;
  snapshots: SnapshotSource;
  now: () => Date;
}

const RESEND_MINUTES = 10;

async function projectOf(deps: MailDeps, slug: string): Promise<{ slug: string; title: string }> {
  const view = await deps.snapshots.current();
  const project = view.projects.get(slug);
  if (!project) throw new DonationError(404, 'PROJECT_NOT_FOUND', '没有这个项目');
  return { slug: project.slug, title: project.title };
}

/** Queues a confirmation mail (its key names the confirmation's time: one per confirmation). */
async function queueConfirmation(
  db: MailDb,
  deps: MailDeps,
  subscriptionId: string,
  project: { slug: string; title: string },
  at: string,
): Promise<void> {
  const key = `confirm:${subscriptionId}:${at}`;
  const payload: MailPayload = { kind: 'confirm', project, confirmSentAt: at };
  await db
    .insertInto('mail_queue')
    .values(
      queueRow(
        {
          idempotency_key: key,
          kind: 'confirm',
          subscription_id: subscriptionId,
          project_slug: project.slug,
          release_id: null,
          payload: JSON.stringify(payload),
        },
        at,
        deps.config.siteUrl,
      ),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

export async function subscribe(deps: MailDeps, slug: string, body: unknown): Promise<SubscriptionAnswer> {
  const project = await projectOf(deps, slug);
  const parsed = subscriptionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? formatPath(issue.path) : undefined;
    throw new DonationError(400, 'INVALID_BODY', issue?.message ?? '请求内容无效', field);
  }
  const { email } = parsed.data;
  const hash = deps.keys.emailHash(email);
  const now = deps.now();
  const at = now.toISOString();
  const answer: SubscriptionAnswer = {
    status: 'confirmation-sent',
    project,
    message: `如果该邮箱尚未订阅，我们已发送一封确认邮件；请在 ${deps.config.mail.confirmHours} 小时内点击邮件中的链接，确认后才会收到「${project.title}」的进展通知。`,
  };
  const attempt = () =>
    deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('mail_subscriptions')
        .select(['id', 'state', 'confirm_sent_at'])
        .where('project_slug', '=', project.slug)
        .where('email_hash', '=', hash)
        .executeTakeFirst();
      if (!row) {
        const id = randomUUID();
        await trx
          .insertInto('mail_subscriptions')
          .values({
            id,
            project_slug: project.slug,
            email_enc: deps.cipher.encrypt(email),
            email_hash: hash,
            state: 'pending',
            created_at: at,
            confirm_sent_at: at,
            confirmed_at: null,
            unsubscribed_at: null,
          })
          .execute();
        await queueConfirmation(trx, deps, id, project, at);
        return;
      }
      if (row.state === 'confirmed') return;
      const last = new Date(row.confirm_sent_at).getTime();
      if (row.state === 'pending' && now.getTime() - last < RESEND_MINUTES * 60_000) return;
      await trx
        .updateTable('mail_subscriptions')
        .set({ state: 'pending', email_enc: deps.cipher.encrypt(email), confirm_sent_at: at, unsubscribed_at: null })
        .where('id', '=', row.id)
        .execute();
      await queueConfirmation(trx, deps, row.id, project, at);
    });
  try {
    await attempt();
  } catch (error) {
    // Two requests for one new address at once: the loser's insert hits the unique key; the
    // winner's row stands and the answer is the same.
    const again = await deps.db
      .selectFrom('mail_subscriptions')
      .select('id')
      .where('project_slug', '=', project.slug)
      .where('email_hash', '=', hash)
      .executeTakeFirst();
    if (!again) throw error;
  }
  return answer;
}

const INVALID = () => new DonationError(404, 'SUBSCRIPTION_LINK_INVALID', '链接无效或已失效，请从最新的邮件中打开链接');

export async function confirmSubscription(
  deps: MailDeps,
  id: string,
  token: string,
): Promise<{ status: 'confirmed'; project: { slug: string; title: string } }> {
  const row = await deps.db.selectFrom('mail_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.state === 'unsubscribed') throw INVALID();
  const sentAt = new Date(row.confirm_sent_at).toISOString();
  if (!MailKeys.same(token, deps.keys.confirmToken(row.id, sentAt))) throw INVALID();
  const project = await projectOf(deps, row.project_slug).catch(() => ({
    slug: row.project_slug,
    title: row.project_slug,
  }));
  if (row.state === 'confirmed') return { status: 'confirmed', project };
  const expires = new Date(sentAt).getTime() + deps.config.mail.confirmHours * 3_600_000;
  if (deps.now().getTime() > expires) {
    throw new DonationError(
      410,
      'SUBSCRIPTION_LINK_EXPIRED',
      `确认链接已过期（${deps.config.mail.confirmHours} 小时内有效），请在项目页重新订阅`,
    );
  }
  await deps.db
    .updateTable('mail_subscriptions')
    .set({ state: 'confirmed', confirmed_at: deps.now().toISOString() })
    .where('id', '=', row.id)
    .where('state', '=', 'pending')
    .execute();
  return { status: 'confirmed', project };
}

/**
 * Ends a subscription (RFC 8058 one-click POST, or the page's button). The address is erased at
 * once — the portal no longer needs it (PIPL Art. 47) — and mail still queued for it is dropped.
 * Repeating it answers the same.
 */
export async function unsubscribe(
  deps: MailDeps,
  id: string,
  token: string,
): Promise<{ status: 'unsubscribed'; project: { slug: string; title: string } }> {
  const row = await deps.db
    .selectFrom('mail_subscriptions')
    .select(['id', 'project_slug'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !MailKeys.same(token, deps.keys.unsubscribeToken(row.id))) throw INVALID();
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mail_subscriptions')
      .set({ state: 'unsubscribed', unsubscribed_at: at, email_enc: '' })
      .where('id', '=', row.id)
      .where('state', '!=', 'unsubscribed')
      .execute();
    await trx
      .updateTable('mail_queue')
      .set({ dropped_at: at, lease_until: null })
      .where('subscription_id', '=', row.id)
      .where('sent_at', 'is', null)
      .where('dropped_at', 'is', null)
      .execute();
  });
  const project = await projectOf(deps, row.project_slug).catch(() => ({
    slug: row.project_slug,
    title: row.project_slug,
  }));
  return { status: 'unsubscribed', project };
}
