import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../publisher/config.ts';
import { freePort } from '../../../publisher/port-free.ts';
import { descendants, stillRunning } from './process-tree.ts';

/**
 * Runs the README's start command (`npm start`) for real — Strapi on SQLite seeded with the demo
 * data, the first release, the portal with the donations API and the Alipay sandbox — on a data
 * directory and ports of our choosing, and stops it the way a person does: Ctrl-C, i.e. SIGINT to
 * the whole foreground process group. Used by the journeys and by bench/publish.ts.
 */
export interface StartedPortal {
  baseUrl: string;
  strapiUrl: string;
  dataDir: string;
  /** Seconds from spawn to the "衔接已启动" summary. */
  startSeconds: number;
  /** Every line printed so far (stdout and stderr). */
  output: string[];
  /** Ctrl-C; resolves when `npm start` has exited, with what was left running (should be nothing). */
  stop(): Promise<{ exitCode: number | null; orphans: string[]; stopSeconds: number }>;
}

export interface StartPortalOptions {
  dataDir: string;
  /** Lines worth showing while waiting (stage lines, failures); everything goes to `<dataDir>/start.log`. */
  onProgress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const PROGRESS =
  /^\[\d+\/\d+\]|启动失败|意外退出|已恢复运行|停止自动重启|门户网站|内容管理后台|演示账号|已全部停止|新版本 .* 已上线|构建失败/;

export async function startPortal(options: StartPortalOptions): Promise<StartedPortal> {
  await mkdir(options.dataDir, { recursive: true });
  const [portalPort, cmsPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${portalPort}`;
  const strapiUrl = `http://127.0.0.1:${cmsPort}`;
  const log = createWriteStream(join(options.dataDir, 'start.log'), { flags: 'a' });
  const output: string[] = [];
  const started = Date.now();

  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      XIANJIE_DATA_DIR: options.dataDir,
      PUBLISHER_PORT: String(portalPort),
      STRAPI_URL: strapiUrl,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, like a shell job: Ctrl-C reaches npm, tsx and the publisher together.
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let ready: (() => void) | null = null;
  const readyLine = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const onLine = (line: string) => {
    output.push(line);
    log.write(`${line}\n`);
    if (PROGRESS.test(line)) options.onProgress?.(line);
    if (line.includes('衔接已启动')) ready?.();
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  }

  const stop: StartedPortal['stop'] = async () => {
    const stopStarted = Date.now();
    const tree = child.pid ? descendants(child.pid) : [];
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
    const timeout = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 60_000);
    const exitCode = await exited;
    clearTimeout(timeout);
    // Give the kernel a moment to reap what the publisher killed last.
    await new Promise((r) => setTimeout(r, 500));
    const orphans = stillRunning(tree).map((p) => `${p.pid} ${p.command.slice(0, 120)}`);
    log.end();
    return { exitCode, orphans, stopSeconds: (Date.now() - stopStarted) / 1000 };
  };

  const timeoutMs = options.timeoutMs ?? 1_200_000;
  const outcome = await Promise.race([
    readyLine.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref()),
  ]);
  if (outcome !== 'ready') {
    await stop();
    throw new Error(
      `npm start ${outcome === 'exited' ? '提前退出' : `在 ${timeoutMs / 1000} 秒内没有就绪`}：\n${output.slice(-40).join('\n')}`,
    );
  }
  return {
    baseUrl,
    strapiUrl,
    dataDir: options.dataDir,
    startSeconds: (Date.now() - started) / 1000,
    output,
    stop,
  };
}
