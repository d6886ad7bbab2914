import { followFile, readSnapshotFileIncrementally } from '../content/node/index.ts';
import type { Snapshot } from '../content/snapshot/snapshot-schema.ts';
import { passOnOverdue } from './cases/overdue.ts';
import { purgeClosed } from './cases/purge.ts';
import { type ReferralsConfig, readReferralsConfig } from './config.ts';
import type { Workbench } from './context.ts';
import { FieldCipher } from './crypto/field-cipher.ts';
import { openWorkbenchDb } from './db/open-db.ts';
import { WorkbenchError } from './errors.ts';

/** The live snapshot, followed as the publisher replaces it (the last good one kept). */
export function snapshotReader(path: string): () => Promise<Snapshot> {
  const follower = followFile(path, {
    read: (file) => readSnapshotFileIncrementally(file),
    missing: () => new WorkbenchError(503, 'SERVICE_UNAVAILABLE', '尚未发布项目数据，暂时无法推荐慈善组织'),
    invalid: () => new WorkbenchError(503, 'SERVICE_UNAVAILABLE', '项目数据无法读取，暂时无法推荐慈善组织'),
    keptLast: (cause) => console.warn(`衔接工作台：新快照无法读取，继续使用上一份。${cause.message}`),
  });
  return () => follower.current();
}

/** Opens a workbench on a configuration (tests open their own; the portal uses `workbench()`). */
export async function openWorkbench(config: ReferralsConfig, now: () => Date = () => new Date()): Promise<Workbench> {
  const cipher = FieldCipher.fromConfig(config);
  const wb = await openWorkbenchDb(config.database);
  return { wb, cipher, config, snapshot: snapshotReader(config.snapshotPath), now };
}

let shared: Promise<Workbench> | null = null;
const TICK_MS = 10 * 60_000;

/**
 * The process's workbench, opened on first use from the environment. Its tick runs then and every
 * ten minutes after (unref'd: it never keeps a process alive): overdue referrals are offered to the
 * next charity the household agreed to (cases/overdue.ts), and expired personal data is purged.
 */
export function workbench(): Promise<Workbench> {
  shared ??= openWorkbench(readReferralsConfig()).then((ctx) => {
    const run = async () => {
      await passOnOverdue(ctx).catch((e: unknown) =>
        console.error(`衔接工作台：逾期转介自动转给下一家失败：${(e as Error).message}`),
      );
      await purgeClosed(ctx).catch((e: unknown) =>
        console.error(`衔接工作台：清除到期个人信息失败：${(e as Error).message}`),
      );
    };
    void run();
    setInterval(run, TICK_MS).unref();
    return ctx;
  });
  shared.catch(() => {
    shared = null;
  });
  return shared;
}
