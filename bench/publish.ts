/**
 * Publishing benchmark (issue 6). Runs the README's `npm start` for real on its own data directory
 * and free ports (bench/harness/start-portal.ts) and measures:
 *
 * 1. cold start: `npm start` on a fresh data directory (demo data generated, Strapi seeded, first
 *    release built) until it prints its summary; then Ctrl-C, and a second start reusing it all;
 * 2. publish-to-live, `--runs` times: a charity editor changes a project's summary and publishes
 *    it through the admin's content-manager API (what the admin UI calls), and we poll the live
 *    project page until the change shows;
 * 3. the same-run baseline: a bare `astro build` of the live release's snapshot;
 * 4. with `--scale`: the release pipeline (validate → astro build → search index → switch) on the
 *    10,000-project scale snapshot read from a file (no Strapi, no webhook, no pull);
 * 5. with `--scale-strapi`: publish-to-live through Strapi on the scale snapshot — seeded once into
 *    `.data/bench/publish-scale/data` and reused — with the time of each release stage
 *    (`--snapshot FILE` seeds that file instead, into `.data/bench/publish-strapi-<name>/`).
 *
 *   npm run bench:publish -- [--runs 5] [--scale | --scale-only | --scale-strapi [--snapshot FILE]]
 *
 * Results go to .data/bench/publish/results.json; the table is printed for BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../content/index.ts';
import { readSnapshotFile } from '../content/node/index.ts';
import { generateSnapshot } from '../datasets/index.ts';
import { REPO_ROOT } from '../publisher/config.ts';
import { childSnapshotStage } from '../publisher/content-source.ts';
import { buildRelease } from '../publisher/releases/build-release.ts';
import { ReleaseStore } from '../publisher/releases/release-store.ts';
import { loadAverage } from './event-loop-probe.ts';
import { publisherStatus, waitForIdle } from './harness/publisher-status.ts';
import { type StartedPortal, startPortal } from './harness/start-portal.ts';
import { adminToken, contentManager, documentIdOf } from './harness/strapi-admin-api.ts';

const WORK = join(REPO_ROOT, '.data', 'bench', 'publish');
const DATA = join(WORK, 'data');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const SCALE_ONLY = args.includes('--scale-only');
const SCALE = SCALE_ONLY || args.includes('--scale');
/** The publish-to-live measurement on a Strapi seeded with the scale snapshot (or `--snapshot FILE`). */
const STRAPI_SCALE = args.includes('--scale-strapi');
const SNAPSHOT_ARG = args.includes('--snapshot') ? args[args.indexOf('--snapshot') + 1] : undefined;
const TARGET_S = 30;

const say = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const secs = (ms: number) => Math.round(ms / 100) / 10;

function stageSeconds(output: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of output) {
    const m = /^\[(\d)\/\d\] (.+?)：完成（([\d.]+) 秒）/.exec(line);
    if (m) out[`${m[1]} ${m[2]}`] = Number(m[3]);
  }
  return out;
}

function timeCommand(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('exit', (code) =>
      code === 0 ? resolve(Date.now() - started) : reject(new Error(`${command} 退出码 ${code}`)),
    );
  });
}

interface DemoAccountEntry {
  email: string;
  password: string;
  role: 'superAdmin' | 'charityEditor' | 'ministryEditor';
  charity?: string;
}

/** Seconds from the publish request to each release stage the publisher reports (`/_publisher/status`). */
type StageMarks = Partial<Record<'buildStarted' | 'pull' | 'build' | 'index' | 'switch' | 'live', number>>;

interface PublishRun {
  ms: number;
  buildSeconds: number | null;
  stages: StageMarks;
}

/**
 * A charity editor (or, on a CMS whose editors were not created, the super admin) changes one
 * project's summary, saves, and publishes through the admin's content-manager API; the clock
 * runs until the live project page shows the change. The publisher's status is polled alongside,
 * so the stages (webhook + debounce, pull, build, index, switch) get their own times.
 */
async function publishToLive(portal: StartedPortal, dataDir: string, run: number): Promise<PublishRun> {
  const accounts = JSON.parse(await readFile(join(dataDir, 'cms', 'demo-accounts.json'), 'utf8')) as {
    accounts: DemoAccountEntry[];
  };
  const editor =
    accounts.accounts.find((a) => a.role === 'charityEditor') ?? accounts.accounts.find((a) => a.role === 'superAdmin');
  if (!editor) throw new Error('没有可用于发布的演示账号');
  const snapshot = await readSnapshotFile(join(dataDir, 'releases', 'current', 'snapshot.json'));
  const project = editor.charity ? snapshot.projects.find((p) => p.charity === editor.charity) : snapshot.projects[0];
  if (!project) throw new Error('该编辑没有项目');
  const token = await adminToken(portal.strapiUrl, editor);
  const uid = 'api::project.project';
  const id = await documentIdOf(portal.strapiUrl, token, uid, project.slug);
  const marker = `（基准测试第 ${run} 次，${Date.now().toString(36)}）`;
  const summary = `${project.summary.slice(0, 300 - marker.length)}`.replace(/（基准测试第.*?）$/, '') + marker;
  // A change to a published project is published with its 更正说明 (cms correction-history.ts).
  const saved = await contentManager(portal.strapiUrl, token, 'PUT', `collection-types/${uid}/${id}`, {
    summary,
    correctionReason: '基准测试：更新项目简介，测量从发布到上线的时间。',
  });
  if (saved.status !== 200) throw new Error(`保存失败（${saved.status}）：${JSON.stringify(saved.body).slice(0, 300)}`);
  const url = `${portal.baseUrl}/projects/${project.slug}/`;
  const before = (await publisherStatus(portal.baseUrl)).lastAttempt?.startedAt ?? null;
  const started = Date.now();
  const published = await contentManager(
    portal.strapiUrl,
    token,
    'POST',
    `collection-types/${uid}/${id}/actions/publish`,
    {},
  );
  if (published.status !== 200) throw new Error(`发布失败（${published.status}）`);
  const stages: StageMarks = {};
  const mark = (key: keyof StageMarks) => {
    stages[key] ??= secs(Date.now() - started);
  };
  for (;;) {
    const html = await fetch(url)
      .then((r) => r.text())
      .catch((error: Error) => {
        // undici hides the reason (refused, reset, timeout) in `cause`.
        throw new Error(`线上页面请求失败：${url}：${String((error.cause as Error | undefined)?.message ?? error)}`);
      });
    if (html.includes(marker)) break;
    const status = await publisherStatus(portal.baseUrl).catch(() => null);
    const attempt = status?.lastAttempt;
    if (attempt && attempt.startedAt !== before) {
      mark('buildStarted');
      if (
        attempt.stage === 'pull' ||
        attempt.stage === 'build' ||
        attempt.stage === 'index' ||
        attempt.stage === 'switch'
      ) {
        mark(attempt.stage);
      }
    }
    if (Date.now() - started > 1_800_000) throw new Error('30 分钟内没有上线');
    await new Promise((r) => setTimeout(r, 250));
  }
  const ms = Date.now() - started;
  stages.live = secs(ms);
  const status = await publisherStatus(portal.baseUrl);
  const buildSeconds = (status.current as { buildSeconds?: number } | null)?.buildSeconds ?? null;
  return { ms, buildSeconds, stages };
}

async function main(): Promise<void> {
  await mkdir(WORK, { recursive: true });
  const results: Record<string, unknown> = { date: new Date().toISOString(), loadBefore: loadAverage() };
  if (STRAPI_SCALE) await strapiScaleBench(results);
  else if (!SCALE_ONLY) await portalBench(results);
  if (SCALE) await scaleBench(results);
  results.loadAfter = loadAverage();
  const strapiName = SNAPSHOT_ARG ? basename(SNAPSHOT_ARG, '.json') : 'scale';
  const file = join(
    WORK,
    STRAPI_SCALE ? `results-strapi-${strapiName}.json` : SCALE_ONLY ? 'results-scale.json' : 'results.json',
  );
  await writeFile(file, JSON.stringify(results, null, 2));
  say(`结果已写入 ${file}`);
}

async function portalBench(results: Record<string, unknown>): Promise<void> {
  await rm(DATA, { recursive: true, force: true });

  say('冷启动：全新数据目录上的 npm start……');
  const first = await startPortal({ dataDir: DATA, onProgress: (l) => say(l) });
  const firstStages = stageSeconds(first.output);
  const seedLine = first.output.find((l) => l.includes('导入示例数据：信息公开') && l.includes('1908/1908'));
  say(`首次启动就绪：${first.startSeconds.toFixed(1)} 秒`);
  const stop1 = await first.stop();
  say(`Ctrl-C 停止：${stop1.stopSeconds.toFixed(1)} 秒，残留进程 ${stop1.orphans.length} 个`);

  say('第二次启动（复用数据）……');
  const second = await startPortal({ dataDir: DATA, onProgress: (l) => say(l) });
  const secondReady = second.startSeconds;
  const idle = Date.now();
  await waitForIdle(second.baseUrl, 2000);
  const refreshSeconds = secondReady + (Date.now() - idle) / 1000;
  say(`第二次启动就绪：${secondReady.toFixed(1)} 秒（后台刷新版本完成于 ${refreshSeconds.toFixed(1)} 秒）`);
  results.coldStart = {
    firstSeconds: first.startSeconds,
    firstStages,
    secondSeconds: secondReady,
    secondStages: stageSeconds(second.output),
    secondRefreshDoneSeconds: refreshSeconds,
    stopSeconds: stop1.stopSeconds,
    orphansAfterCtrlC: stop1.orphans,
    seedLine,
  };

  const runs: PublishRun[] = [];
  for (let i = 1; i <= RUNS; i++) {
    await waitForIdle(second.baseUrl, 2000);
    const r = await publishToLive(second, DATA, i);
    runs.push(r);
    say(`发布到上线 #${i}：${secs(r.ms)} 秒（版本构建 ${r.buildSeconds} 秒，负载 ${loadAverage()}）`);
  }
  results.publishToLive = { runs, medianSeconds: secs(median(runs.map((r) => r.ms))) };

  // Same-run baseline: a bare astro build of the live snapshot, with the portal idle.
  const snapshotPath = join(WORK, 'live-snapshot.json');
  await copyFile(join(DATA, 'releases', 'current', 'snapshot.json'), snapshotPath);
  const baseline: number[] = [];
  for (let i = 1; i <= Math.min(RUNS, 3); i++) {
    const ms = await timeCommand(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', join(WORK, 'baseline-site')],
      { CONTENT_SOURCE: `file:${snapshotPath}`, ASTRO_TELEMETRY_DISABLED: '1' },
    );
    baseline.push(ms);
    say(`基线 astro build #${i}：${secs(ms)} 秒`);
  }
  results.baselineAstroBuild = { runs: baseline, medianSeconds: secs(median(baseline)) };
  const stop2 = await second.stop();
  results.secondStop = { seconds: stop2.stopSeconds, orphans: stop2.orphans };

  const p = results.publishToLive as { medianSeconds: number; runs: { ms: number }[] };
  const b = results.baselineAstroBuild as { medianSeconds: number };
  process.stdout.write(
    [
      '',
      '| measure | result |',
      '|---|---|',
      `| \`npm start\`, fresh data dir (CMS admin already built) | ${first.startSeconds.toFixed(1)} s |`,
      `| \`npm start\`, second run (reuses everything) | ${secondReady.toFixed(1)} s to serving; background refresh done at ${refreshSeconds.toFixed(1)} s |`,
      `| Ctrl-C to all stopped | ${stop1.stopSeconds.toFixed(1)} s, ${stop1.orphans.length} processes left |`,
      `| publish → visible on the live page (demo, median of ${p.runs.length}) | **${p.medianSeconds} s** (runs ${p.runs.map((r) => secs(r.ms)).join(' / ')}) — target ≤ ${TARGET_S} s |`,
      `| bare \`astro build\` of the same snapshot (median) | ${b.medianSeconds} s — publish-to-live is ${(p.medianSeconds / b.medianSeconds).toFixed(2)}× |`,
      '',
    ].join('\n'),
  );
  process.exitCode = p.medianSeconds <= TARGET_S ? 0 : 1;
}

async function scaleBench(results: Record<string, unknown>): Promise<void> {
  const scalePath = join(REPO_ROOT, '.data', 'build', 'bench', 'scale.json');
  if (!existsSync(scalePath)) {
    await mkdir(join(REPO_ROOT, '.data', 'build', 'bench'), { recursive: true });
    await writeFile(scalePath, JSON.stringify(generateSnapshot({ size: 'scale', asOf: '2026-11-27' })));
  }
  const store = new ReleaseStore(join(WORK, 'scale'));
  const started = Date.now();
  const meta = await buildRelease({
    store,
    sourceLabel: `file:${scalePath}`,
    writeSnapshot: childSnapshotStage({ kind: 'file', path: scalePath }),
    keep: 2,
    onStage: (s) => say(`规模数据发布流水线：${s}`),
  });
  results.scalePipelineFromFile = { seconds: secs(Date.now() - started), counts: meta.counts };
  say(`规模数据发布流水线（快照来自文件）：${secs(Date.now() - started)} 秒`);
  await rm(join(WORK, 'scale'), { recursive: true, force: true });
}

/**
 * `--scale-strapi`: seeds a Strapi (SQLite) with the scale snapshot ONCE into
 * `.data/bench/publish-scale/data` (reused by later runs; `seeded.json` records the import), starts
 * the portal on it with `npm start` (the first start builds the first release from Strapi), and
 * measures publish-to-live `--runs` times through the real pipeline: webhook → debounce → REST pull
 * of every published entry → validate → astro build → search index → switch.
 */
async function strapiScaleBench(results: Record<string, unknown>): Promise<void> {
  const own = SNAPSHOT_ARG !== undefined;
  const workDir = own
    ? join(REPO_ROOT, '.data', 'bench', `publish-strapi-${basename(SNAPSHOT_ARG, '.json')}`)
    : join(REPO_ROOT, '.data', 'bench', 'publish-scale');
  const snapshotPath = own ? resolve(REPO_ROOT, SNAPSHOT_ARG) : join(workDir, 'scale.json');
  const dataDir = join(workDir, 'data');
  await mkdir(workDir, { recursive: true });
  if (!existsSync(snapshotPath)) {
    await writeFile(snapshotPath, JSON.stringify(generateSnapshot({ size: 'scale', asOf: '2026-11-27' })));
  }

  const markerPath = join(workDir, 'seeded.json');
  const marker = existsSync(markerPath)
    ? (JSON.parse(await readFile(markerPath, 'utf8')) as { snapshot: string; seconds: number })
    : null;
  if (marker?.snapshot === snapshotPath) {
    say(`复用已导入的内容管理系统：${dataDir}（导入用时 ${marker.seconds} 秒）`);
    results.strapiSeed = { ...marker, reused: true };
  } else {
    const snapshot = await readSnapshotFile(snapshotPath);
    const entries = (Object.keys(COLLECTIONS) as CollectionName[]).reduce(
      (sum, name) => sum + snapshot[name].length,
      0,
    );
    const loadBefore = loadAverage();
    say(`导入 ${entries} 条内容到 Strapi（SQLite，${dataDir}）……`);
    const ms = await timeCommand(
      'npm',
      ['run', '--silent', 'seed', '--workspace', 'cms', '--', snapshotPath, '--resume'],
      {
        XIANJIE_DATA_DIR: dataDir,
      },
    );
    const seed = {
      snapshot: snapshotPath,
      seconds: secs(ms),
      entries,
      perSecond: Math.round((entries / (ms / 1000)) * 10) / 10,
      loadBefore,
      loadAfter: loadAverage(),
    };
    await writeFile(markerPath, JSON.stringify(seed, null, 2));
    say(`导入完成：${seed.seconds} 秒（${seed.perSecond} 条/秒）`);
    results.strapiSeed = seed;
  }

  say('启动门户（首次会从 Strapi 构建第一个版本）……');
  const portal = await startPortal({ dataDir, onProgress: (l) => say(l), timeoutMs: 3_600_000 });
  say(`就绪：${portal.startSeconds.toFixed(1)} 秒`);
  const runs: (PublishRun & { load: string })[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      await waitForIdle(portal.baseUrl, 2000, 3_600_000);
      const r = await publishToLive(portal, dataDir, i);
      const load = loadAverage();
      runs.push({ ...r, load });
      say(`发布到上线 #${i}：${secs(r.ms)} 秒（阶段 ${JSON.stringify(r.stages)}，负载 ${load}）`);
    }
  } finally {
    await portal.stop();
  }
  const counts = (await publisherStatusCounts(dataDir)) ?? {};
  results.strapiScale = {
    startSeconds: portal.startSeconds,
    counts,
    runs,
    medianSeconds: secs(median(runs.map((r) => r.ms))),
  };
  process.stdout.write(
    [
      '',
      '| run | publish → live | webhook + debounce | pull + validate | astro build | search index, switch, page shows it | load |',
      '|---|---|---|---|---|---|---|',
      ...runs.map((r, i) => {
        const s = r.stages;
        const d = (a?: number, b?: number) => (a !== undefined && b !== undefined ? `${(b - a).toFixed(1)} s` : '–');
        return `| ${i + 1} | **${secs(r.ms)} s** | ${s.pull ?? '–'} s | ${d(s.pull, s.build)} | ${d(s.build, s.index)} | ${d(s.index, s.live)} | ${r.load} |`;
      }),
      `| median | **${secs(median(runs.map((r) => r.ms)))} s** | | | | | |`,
      '',
    ].join('\n'),
  );
}

/** Entry counts of the live release (its `release.json`). */
async function publisherStatusCounts(dataDir: string): Promise<Record<string, number> | null> {
  const store = new ReleaseStore(dataDir);
  const id = await store.currentId();
  return id ? ((await store.meta(id))?.counts ?? null) : null;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
