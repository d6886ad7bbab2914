import { readDonationsConfig } from '../../donations/config.ts';
import { fileSnapshotSource, type SnapshotSource } from '../../donations/snapshot-source.ts';
import { loadSearchConfig, type MeilisearchConfig } from '../config.ts';
import { createServerSearch, type ServerSearch, type ServerSearchOptions } from './server-search.ts';

/**
 * The process-wide server search for the results page, created on first use from the
 * environment the API routes already read: the live release's snapshot is `DONATIONS_SNAPSHOT`
 * (the publisher sets it to `releases/current/snapshot.json`; default under `XIANJIE_DATA_DIR`),
 * read with the donations API's own `fileSnapshotSource` (reloaded when the file changes, the last
 * good one kept when a new one is broken); Meilisearch from `MEILI_*` (search/config.ts).
 * A bad setting is logged and leaves the page working: no snapshot → a Chinese "unavailable"
 * message; a bad Meilisearch setting → the in-process search alone.
 */
let current: ServerSearch | null = null;
let snapshots: SnapshotSource | null = null;

const log = (message: string) => console.warn(message);

function snapshotSource(): SnapshotSource {
  try {
    return fileSnapshotSource(readDonationsConfig().snapshotPath, log);
  } catch (error) {
    log(`站内搜索：无法确定发布内容的位置：${(error as Error).message}`);
    return {
      current: () => Promise.reject(error),
    };
  }
}

function meilisearch(): MeilisearchConfig | null {
  try {
    return loadSearchConfig().meilisearch;
  } catch (error) {
    log(`站内搜索：Meilisearch 配置无效，只用服务器内置搜索：${(error as Error).message}`);
    return null;
  }
}

const releaseSnapshots = () => {
  snapshots ??= snapshotSource();
  return snapshots;
};

/** Whether the live release holds generated data (the page frame then says so); null when unreadable. */
export async function releaseIsDemo(): Promise<boolean | null> {
  try {
    return (await releaseSnapshots().current()).snapshot.demo;
  } catch {
    return null;
  }
}

/** `options` apply when the instance is created (the first call); later calls get the same one. */
export function serverSearch(options: Pick<ServerSearchOptions, 'documentOptions'> = {}): ServerSearch {
  current ??= createServerSearch({ ...options, snapshots: releaseSnapshots(), meilisearch: meilisearch(), log });
  return current;
}
