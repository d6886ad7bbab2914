import { join } from 'node:path';
import { startChild } from './children.ts';
import { type PublisherConfig, REPO_ROOT } from './config.ts';
import { BUILT_DIR } from './programs.ts';
import type { SnapshotStage } from './releases/snapshot-stage.ts';
import { Supervisor } from './supervisor.ts';
import { waitForHealth } from './wait-for-health.ts';

export const CMS_LABEL = '内容管理系统';

const loopback = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/**
 * The CMS as `npm start` runs it: cms/scripts/start.ts (built, or `npm run start --workspace cms`
 * from source) listening where STRAPI_URL says,
 * ready when `/_health` answers, supervised (supervisor.ts). The first start seeds the demo data,
 * so it may take `CMS_START_TIMEOUT_S`; a restart waits as long, since it only has to boot.
 */
export function cmsSupervisor(config: PublisherConfig, onRecovered: () => void): Supervisor {
  return new Supervisor({
    label: CMS_LABEL,
    spawn: () => {
      const env = {
        XIANJIE_SEED_SNAPSHOT: config.snapshotPath,
        // STRAPI_URL is the one setting for where the CMS is: it listens there.
        HOST: config.cmsHost,
        PORT: String(config.cmsPort),
        PUBLISHER_URL:
          process.env.PUBLISHER_URL ?? `http://${loopback(config.PUBLISHER_HOST)}:${config.PUBLISHER_PORT}`,
      };
      // Built, the CMS's start script is JavaScript beside this program (publisher/build/): one
      // plain node process, in cms/ as `npm run start --workspace cms` would run it.
      if (BUILT_DIR !== null) {
        return startChild('cms', process.execPath, [join(BUILT_DIR, 'cms-start.cjs')], env, [], join(REPO_ROOT, 'cms'));
      }
      return startChild('cms', 'npm', ['run', '--silent', 'start', '--workspace', 'cms'], env);
    },
    ready: (signal) => waitForHealth(`${config.STRAPI_URL}/_health`, config.CMS_START_TIMEOUT_S * 1000, signal),
    onRecovered,
  });
}

/**
 * A release's pull from Strapi, run only while the CMS runs: during a restart the build waits for
 * it (the live release keeps being served meanwhile), and when the supervisor has given up the
 * build fails at once with the reason, which `/_publisher/status` shows.
 */
export function pullWhenCmsRuns(cms: Supervisor, pull: SnapshotStage): SnapshotStage {
  return async (targetPath) => {
    try {
      await cms.whenRunning();
    } catch (error) {
      throw new Error(`无法从${CMS_LABEL}拉取内容：${(error as Error).message}。线上版本保持不变`);
    }
    try {
      return await pull(targetPath);
    } catch (error) {
      // The pull broke because the CMS went away under it: say so, and that a rebuild follows.
      if (cms.current === 'running') throw error;
      throw new Error(`${(error as Error).message}（拉取期间${CMS_LABEL}意外退出；它恢复运行后会自动重新构建）`);
    }
  };
}
