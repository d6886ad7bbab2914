import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { MailDatabase, MailQueueTable } from './tables.ts';

/** The mail tables through the ledger's connection (they are not part of the ledger's type). */
export type MailDb = Kysely<MailDatabase>;

export function mailDb(ledger: Ledger): MailDb {
  return ledger.db.withTables<MailDatabase>() as unknown as MailDb;
}

/** A Message-ID that is the same on every attempt of one queued message (receivers drop repeats). */
export function messageIdOf(idempotencyKey: string, siteUrl: string): string {
  const host = new URL(siteUrl).hostname || 'xianjie.localhost';
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${host}>`;
}

/** A new queue row, due at once, with the Message-ID its key gives it. */
export function queueRow(
  row: Pick<MailQueueTable, 'idempotency_key' | 'kind' | 'subscription_id' | 'project_slug' | 'release_id' | 'payload'>,
  at: string,
  siteUrl: string,
): Insertable<MailQueueTable> {
  return {
    ...row,
    id: randomUUID(),
    created_at: at,
    attempts: 0,
    next_attempt_at: at,
    lease_until: null,
    sent_at: null,
    dropped_at: null,
    message_id: messageIdOf(row.idempotency_key, siteUrl),
    last_error: null,
  };
}
