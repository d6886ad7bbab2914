import {
  type DonationsConfig,
  type MailDeliveryOptions,
  type MailQueue,
  openMailQueue,
} from '../../donations/index.ts';
import type { ReleaseStore } from '../releases/release-store.ts';

/**
 * The publisher's side of mail to donors (issue 16 item 5). `announce` is the release hook
 * (portal.ts `onRelease`, called by build-release.ts after the switch, before pruning): it queues
 * the new disclosures of the release for the subscribers of their projects — rows only, logged and
 * swallowed on error, so a release never waits for or fails because of mail. The loop empties the
 * queue every `intervalMs` (and at once after an announcement). At start the live release is
 * announced again against the one before it: a crash between a switch and its announcement loses
 * nothing, and a release already handled queues nothing (mail_releases).
 */
export interface MailDelivery {
  readonly queue: MailQueue;
  announce(id: string, previousId: string | null, store: ReleaseStore): Promise<void>;
  /** One pass now (tests; the loop keeps its own rhythm). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMailDelivery(
  donations: DonationsConfig,
  options: MailDeliveryOptions & {
    intervalMs: number;
    log: (line: string) => void;
    queue?: MailQueue;
    /** Announce the live release at start (see above). */
    store?: ReleaseStore;
  },
): Promise<MailDelivery> {
  const queue = options.queue ?? (await openMailQueue(donations));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const run = await queue.deliver(options);
      if (run.sent > 0) {
        options.log(
          `已发送 ${run.sent} 封邮件${queue.transport === 'outbox' ? `（写入本地发件箱 ${donations.mail.outboxDir}）` : ''}`,
        );
      }
    } catch (error) {
      options.log(`邮件发送失败，稍后重试：${(error as Error).message}`);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms).unref();
  };
  const tick = () => {
    running = running.then(pass).finally(() => schedule(options.intervalMs));
  };

  const announce = async (id: string, previousId: string | null, store: ReleaseStore) => {
    try {
      const queued = await queue.announceRelease({
        id,
        snapshotPath: store.snapshotOf(id),
        previousSnapshotPath: previousId ? store.snapshotOf(previousId) : null,
      });
      if (queued > 0) {
        options.log(`版本 ${id} 有新的信息公开：已为订阅者排队 ${queued} 封邮件`);
        schedule(0);
      }
    } catch (error) {
      options.log(`版本 ${id} 的订阅邮件未能排队（版本照常上线）：${(error as Error).message}`);
    }
  };

  if (options.store) {
    const current = await options.store.currentId();
    if (current) {
      const before = (await options.store.list()).filter((id) => id < current).sort();
      await announce(current, before.at(-1) ?? null, options.store);
    }
  }
  tick();

  return {
    queue,
    announce,
    async runOnce() {
      await running;
      await pass();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await queue.close();
    },
  };
}
