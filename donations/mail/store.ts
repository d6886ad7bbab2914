import type { Kysely } from 'kysely';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { MailDatabase } from './tables.ts';

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
