/**
 * Site build benchmark (issue 3): builds the site from the demo and the 10,000-project scale
 * snapshot, and, in the same run, Astro building the same number of trivial pages. Prints wall
 * time, pages per second and peak RSS (process tree, polled from /proc) with the ratios the issue
 * sets goals for: build time ≤ 2× the trivial build, peak RSS ≤ 2 GB at scale.
 *
 *   npx tsx bench/site-build.ts [demo|scale|all] [--runs N]      (default: all, 3 runs)
 *
 * Snapshots are generated once for a fixed day under .data/build/bench/ and reused, so runs compare
 * like with like; builds go to .data/build/bench/ too (inside the repo, so Node resolves the repo's
 * node_modules), never to dist/.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSnapshot } from '../datasets/index.ts';
import { type BuildMeasurement, measureBuild } from './measure-build.ts';
import { writeTrivialProject } from './trivial-astro.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, '.data', 'build', 'bench');
const ASTRO = join(ROOT, 'node_modules', '.bin', 'astro');
const AS_OF = '2026-11-27';
const SIZES = ['demo', 'scale'] as const;
type Size = (typeof SIZES)[number];

const GOAL_TIME_RATIO = 2;
const GOAL_RSS_BYTES = 2 * 1024 ** 3;

interface Row {
  size: Size;
  pages: number;
  runs: number;
  /** Medians over the runs. */
  site: BuildMeasurement;
  trivial: BuildMeasurement;
  siteRuns: BuildMeasurement[];
  trivialRuns: BuildMeasurement[];
}

async function snapshotFor(size: Size): Promise<string> {
  const path = join(WORK, `${size}.json`);
  if (!existsSync(path)) {
    process.stdout.write(`生成 ${size} 快照（${AS_OF}）……\n`);
    await writeFile(path, JSON.stringify(generateSnapshot({ size, asOf: AS_OF })));
  }
  return path;
}

async function countHtml(dir: string): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function medianOf(runs: BuildMeasurement[]): BuildMeasurement {
  return { seconds: median(runs.map((r) => r.seconds)), peakRssBytes: median(runs.map((r) => r.peakRssBytes)) };
}

/**
 * Site and trivial builds alternate, `runs` times each, and the medians are compared: on a shared
 * 2-core machine one build can be slowed by a neighbour, and alternating keeps that from favouring
 * either side.
 */
async function benchSize(size: Size, runs: number): Promise<Row> {
  const snapshot = await snapshotFor(size);
  const out = join(WORK, `site-${size}`);
  const trivialDir = join(WORK, `trivial-${size}`);
  const siteRuns: BuildMeasurement[] = [];
  const trivialRuns: BuildMeasurement[] = [];
  let pages = 0;
  for (let run = 1; run <= runs; run++) {
    await rm(out, { recursive: true, force: true });
    process.stdout.write(`构建站点（${size}，第 ${run}/${runs} 次）……\n`);
    siteRuns.push(
      await measureBuild(ASTRO, ['build', '--outDir', out], {
        cwd: ROOT,
        env: { ...env, CONTENT_SOURCE: `file:${snapshot}` },
        logFile: join(WORK, `site-${size}.log`),
      }),
    );
    const built = await countHtml(join(out, 'client'));
    if (pages && built !== pages) throw new Error(`两次构建的页面数不同：${pages} 与 ${built}`);
    pages = built;
    // The outputs are large (the scale site is ~650 MB); keep only the numbers.
    await rm(out, { recursive: true, force: true });

    if (run === 1) await writeTrivialProject(trivialDir, pages);
    await rm(join(trivialDir, 'dist'), { recursive: true, force: true });
    process.stdout.write(`构建 ${pages} 个空白页面（对照，第 ${run}/${runs} 次）……\n`);
    trivialRuns.push(
      await measureBuild(ASTRO, ['build', '--root', trivialDir], {
        cwd: trivialDir,
        env,
        logFile: join(WORK, `trivial-${size}.log`),
      }),
    );
    const trivialPages = await countHtml(join(trivialDir, 'dist'));
    if (trivialPages !== pages) throw new Error(`对照页面数 ${trivialPages} 与站点页面数 ${pages} 不一致`);
  }
  await rm(trivialDir, { recursive: true, force: true });
  return { size, pages, runs, site: medianOf(siteRuns), trivial: medianOf(trivialRuns), siteRuns, trivialRuns };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const rate = (pages: number, seconds: number) => `${Math.round(pages / seconds)}`;

function table(rows: Row[]): string {
  const lines = [
    '| dataset | HTML pages | runs | site build (median) | pages/s | peak RSS | trivial build (median) | trivial pages/s | trivial peak RSS | time ratio | RSS ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.size} | ${r.pages} | ${r.runs} | ${s(r.site.seconds)} | ${rate(r.pages, r.site.seconds)} | ${mb(r.site.peakRssBytes)} | ${s(r.trivial.seconds)} | ${rate(r.pages, r.trivial.seconds)} | ${mb(r.trivial.peakRssBytes)} | ${(r.site.seconds / r.trivial.seconds).toFixed(2)}× | ${(r.site.peakRssBytes / r.trivial.peakRssBytes).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs 应为正整数');
  const arg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 'all';
  const sizes: Size[] = arg === 'all' ? [...SIZES] : SIZES.includes(arg as Size) ? [arg as Size] : [];
  if (sizes.length === 0) throw new Error(`用法：tsx bench/site-build.ts [demo|scale|all] [--runs N]，收到“${arg}”`);
  await mkdir(WORK, { recursive: true });
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await benchSize(size, runs));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}，Node ${process.version}`;
  const every = rows
    .map(
      (r) =>
        `${r.size}：站点 ${r.siteRuns.map((m) => s(m.seconds)).join(' / ')}；对照 ${r.trivialRuns.map((m) => s(m.seconds)).join(' / ')}`,
    )
    .join('\n');
  process.stdout.write(`\n${machine}\n\n${table(rows)}\n\n各次用时：\n${every}\n\n`);
  // The goals are set for the 10,000-project build; the demo row is reported for scale of
  // reference (at ~1,200 pages the fixed Vite work dominates both builds).
  let failed = false;
  for (const r of rows.filter((row) => row.size === 'scale')) {
    const ratio = r.site.seconds / r.trivial.seconds;
    if (ratio > GOAL_TIME_RATIO) {
      failed = true;
      process.stdout.write(`未达标：${r.size} 构建时间为对照的 ${ratio.toFixed(2)} 倍（目标 ≤ ${GOAL_TIME_RATIO}）\n`);
    }
    if (r.site.peakRssBytes > GOAL_RSS_BYTES) {
      failed = true;
      process.stdout.write(`未达标：${r.size} 峰值内存 ${mb(r.site.peakRssBytes)}（目标 ≤ 2 GB）\n`);
    }
    if (!failed)
      process.stdout.write(
        `达标：${r.size} 构建时间为对照的 ${ratio.toFixed(2)} 倍（≤ ${GOAL_TIME_RATIO}），峰值内存 ${mb(r.site.peakRssBytes)}（≤ 2 GB）\n`,
      );
  }
  await writeFile(join(WORK, 'results.json'), JSON.stringify({ machine, asOf: AS_OF, rows }, null, 2));
  if (failed) process.exitCode = 1;
}

await main();
