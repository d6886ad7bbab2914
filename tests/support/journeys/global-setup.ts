import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { waitForIdle } from '../../../bench/harness/publisher-status.ts';
import { type StartedPortal, startPortal } from '../../../bench/harness/start-portal.ts';
import { REPO_ROOT } from '../../../publisher/config.ts';

/**
 * One real portal for every journey: `npm start` as a person runs it (Strapi seeded with the demo
 * data, first release built from what Strapi publishes, donations on the sandbox), on a throwaway
 * data directory and free ports, so a developer's own `npm start` (.data/, :4321, :1337) is left
 * alone. The directory is inside the repository (a release's server bundle resolves the repo's
 * node_modules). XIANJIE_JOURNEYS_REUSE=1 keeps it between runs (the CMS is then not re-seeded).
 *
 * Teardown is Ctrl-C, and fails when any process the start command spawned is still running.
 *
 * While writing a journey, XIANJIE_JOURNEYS_ATTACH=<portal url>,<cms url>,<data dir> runs the
 * journeys against a portal that is already up (e.g. your own `npm start`) instead.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    journeys: { baseUrl: string; strapiUrl: string; dataDir: string };
  }
}

const DATA_DIR = join(REPO_ROOT, '.data', 'journeys');
const say = (line: string) => process.stdout.write(`[journeys] ${line}\n`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const attach = process.env.XIANJIE_JOURNEYS_ATTACH?.split(',');
  if (attach?.length === 3) {
    const [baseUrl = '', strapiUrl = '', dataDir = ''] = attach;
    say(`使用已在运行的门户 ${baseUrl}`);
    project.provide('journeys', { baseUrl, strapiUrl, dataDir });
    return async () => undefined;
  }
  const reuse = process.env.XIANJIE_JOURNEYS_REUSE === '1' && existsSync(join(DATA_DIR, 'cms', 'data.db'));
  if (!reuse) await rm(DATA_DIR, { recursive: true, force: true });
  say(`启动门户（npm start，数据目录 ${DATA_DIR}${reuse ? '，复用' : '，全新'}）……`);
  const portal: StartedPortal = await startPortal({ dataDir: DATA_DIR, onProgress: (line) => say(line) });
  say(`门户已就绪：${portal.baseUrl}（CMS ${portal.strapiUrl}，用时 ${portal.startSeconds.toFixed(0)} 秒）`);
  // A second start serves the last release at once and rebuilds behind it: let that finish.
  await waitForIdle(portal.baseUrl);
  project.provide('journeys', { baseUrl: portal.baseUrl, strapiUrl: portal.strapiUrl, dataDir: DATA_DIR });

  return async () => {
    say('按 Ctrl-C 停止门户……');
    const stopped = await portal.stop();
    say(`已停止（退出码 ${stopped.exitCode}，${stopped.stopSeconds.toFixed(1)} 秒）`);
    if (stopped.orphans.length > 0) {
      throw new Error(`Ctrl-C 之后仍有进程在运行：\n${stopped.orphans.join('\n')}`);
    }
  };
}
