import type { Server } from 'node:http';
import { dirname } from 'node:path';
import { donations, postTeamModeration } from '../donations/index.ts';
import type { PublisherConfig } from './config.ts';
import { buildRelease, STAGE_LABELS } from './releases/build-release.ts';
import { RebuildScheduler } from './releases/rebuild-scheduler.ts';
import { ReleaseStore } from './releases/release-store.ts';
import type { SnapshotStage } from './releases/snapshot-stage.ts';
import { startPortalServer } from './serve/portal-server.ts';
import type { SupervisorStatus } from './supervisor-status.ts';
import { strapiWebhookHandler } from './webhook/strapi-webhook.ts';
import { teamModerationHandler } from './webhook/team-moderation.ts';

export interface Portal {
  server: Server;
  scheduler: RebuildScheduler;
  store: ReleaseStore;
  /** Builds a release now and waits; throws when it failed (the live release stays). */
  publishNow(reason: string): Promise<void>;
  close(): Promise<void>;
}

export interface PortalOptions {
  /** The supervised CMS child's state for the status page (`npm start`); null when none is supervised. */
  cmsStatus?: () => SupervisorStatus;
  /** After each switch, with the release that was live before (build-release.ts `onSwitched`). */
  onRelease?: (id: string, previousId: string | null, store: ReleaseStore) => Promise<void>;
  /** The page at `/_publisher/outbox` (this machine only): the donor mail outbox as HTML. */
  outboxPage?: () => Promise<string>;
}

/**
 * The publisher: serves the live release, takes Strapi's webhooks, and rebuilds (debounced).
 * `writeSnapshot` pulls the content for a release (from Strapi, or a file; content-source.ts).
 */
export async function startPortal(
  config: PublisherConfig,
  writeSnapshot: SnapshotStage,
  log: (line: string) => void = (line) => process.stdout.write(`[publisher] ${line}\n`),
  options: PortalOptions = {},
): Promise<Portal> {
  const store = new ReleaseStore(config.XIANJIE_DATA_DIR);
  const leftovers = await store.discardLeftovers();
  if (leftovers.length > 0) log(`已清理上次中断的构建：${leftovers.join('、')}`);
  // The donations API (loaded in this process) judges eligibility on what is live, so it reads
  // the snapshot of the current release, through the symlink that each switch moves.
  process.env.DONATIONS_SNAPSHOT ??= store.currentSnapshotPath;
  // The results page's server search (search/server/config.ts) reads the live release's files.
  process.env.XIANJIE_RELEASE_DIR = dirname(store.currentSnapshotPath);
  const scheduler = new RebuildScheduler(async (reason, onStage) => {
    log(`开始构建新版本（原因：${reason}）`);
    try {
      const meta = await buildRelease({
        store,
        sourceLabel: config.CONTENT_SOURCE === 'strapi' ? `strapi:${config.STRAPI_URL}` : config.CONTENT_SOURCE,
        writeSnapshot,
        keep: config.releasesKeep,
        onSwitched: options.onRelease
          ? (id, previousId) => options.onRelease?.(id, previousId, store) ?? Promise.resolve()
          : undefined,
        onStage: (stage) => {
          onStage(stage);
          log(`  ${STAGE_LABELS[stage]}……`);
        },
      });
      log(`新版本 ${meta.id} 已上线（${meta.buildSeconds} 秒，项目 ${meta.counts.projects ?? 0} 个）`);
    } catch (error) {
      log(`构建失败，线上版本保持不变：${(error as Error).message}`);
      throw error;
    }
  }, config.REBUILD_DEBOUNCE_MS);

  const status = async () => {
    const currentId = await store.currentId();
    return {
      current: currentId ? await store.meta(currentId) : null,
      building: scheduler.building,
      lastAttempt: scheduler.lastAttempt,
      releases: (await store.list()).sort().reverse(),
      cms: options.cmsStatus?.() ?? null,
    };
  };

  const server = await startPortalServer({
    store,
    host: config.PUBLISHER_HOST,
    port: config.PUBLISHER_PORT,
    status,
    outboxPage: options.outboxPage,
    config,
    webhook: strapiWebhookHandler({
      secret: config.webhookSecret,
      onEvent: (reason) => scheduler.request(reason),
    }),
    // Not a rebuild: the ledger's teams change at once (the team page and totals read the API).
    teamModeration: teamModerationHandler({
      secret: config.webhookSecret,
      apply: async (body) => postTeamModeration(await donations(), body),
    }),
  });

  return {
    server,
    scheduler,
    store,
    async publishNow(reason) {
      scheduler.request(reason);
      await scheduler.runNow();
      if (scheduler.lastAttempt?.ok === false) throw new Error(scheduler.lastAttempt.error ?? '构建失败');
    },
    async close() {
      scheduler.stop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
