import { readSnapshotFileIncrementally } from '../../content/node/index.ts';
import type { DonationsConfig } from '../config.ts';
import { buyerRefFromConfig } from '../context.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { ReceiptCipher } from '../receipt-cipher.ts';
import { deliverDueMail, type MailDeliveryOptions, type MailDeliveryRun } from './deliver.ts';
import { mailKeysFromConfig } from './mail-keys.ts';
import { migrateMail } from './migrations.ts';
import { newDisclosures, queueReleaseNews } from './release-news.ts';
import { mailDb } from './store.ts';
import { type MailTransport, transportFromConfig } from './transport.ts';

/**
 * The mail queue as the publisher holds it: `announceRelease` after each release switch (only
 * rows are written; it is quick and never sends), `deliver` from its loop (publisher/mail/).
 */
export interface MailQueue {
  readonly transport: MailTransport['kind'];
  /** Queues the new disclosures of a release that just went live; returns the messages queued. */
  announceRelease(release: { id: string; snapshotPath: string; previousSnapshotPath: string | null }): Promise<number>;
  deliver(options?: MailDeliveryOptions): Promise<MailDeliveryRun>;
  close(): Promise<void>;
}

export async function openMailQueue(
  config: DonationsConfig,
  overrides: { transport?: MailTransport; now?: () => Date } = {},
): Promise<MailQueue> {
  const cipher = ReceiptCipher.fromConfig(config);
  const keys = mailKeysFromConfig(config);
  const ledger = await openLedger(config.ledger, { buyerRef: buyerRefFromConfig(config) });
  try {
    await migrateMail(ledger);
  } catch (error) {
    await ledger.close();
    throw error;
  }
  const db = mailDb(ledger);
  const transport = overrides.transport ?? transportFromConfig(config.mail);
  const now = overrides.now ?? (() => new Date());
  return {
    transport: transport.kind,
    async announceRelease(release) {
      const next = await readSnapshotFileIncrementally(release.snapshotPath);
      const previous = release.previousSnapshotPath
        ? await readSnapshotFileIncrementally(release.previousSnapshotPath).catch(() => null)
        : null;
      return queueReleaseNews(db, {
        releaseId: release.id,
        news: newDisclosures(previous, next),
        siteUrl: config.siteUrl,
        now: now(),
      });
    },
    deliver: (options = {}) => deliverDueMail({ db, cipher, keys, config, transport }, { now, ...options }),
    async close() {
      transport.close();
      await ledger.close();
    },
  };
}
