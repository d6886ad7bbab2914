/**
 * How long loading the live snapshot blocks the portal's event loop (the donations API and the
 * search room read it through `fileSnapshotSource` on the first request after a release switch).
 *
 *   npx tsx bench/snapshot-load.ts [--snapshot FILE] [--runs 2]
 *
 * FILE (default: the scale snapshot, `.data/bench/publish-scale/scale.json`, only read) is written
 * twice into a temp folder: as one JSON line (what releases held before; `fileSnapshotSource`
 * falls back to the whole-file `readSnapshotFile` for it, the old code path) and in the line layout
 * the pull stage writes now (read in slices). Each load runs in a fresh Node process with a 5 ms
 * interval probe and `monitorEventLoopDelay`; the longest block is the longest gap between two
 * probe ticks minus the interval. Prints a table with the load average beside it.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSnapshotFile } from '../content/node.ts';
import { formatSnapshotLines } from '../content/snapshot/write-snapshot.ts';
import { fileSnapshotSource } from '../donations/snapshot-source.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROBE_MS = 5;

interface Measurement {
  totalMs: number;
  maxBlockMs: number;
  /** monitorEventLoopDelay's max and p99 (its own 10 ms resolution timer). */
  eldMaxMs: number;
  eldP99Ms: number;
  blocksOver50: number;
  projects: number;
}

/** In the child: load once through fileSnapshotSource while probing the event loop. */
async function measure(path: string): Promise<Measurement> {
  const eld = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let maxGap = 0;
  let over50 = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    const gap = now - last - PROBE_MS;
    if (gap > maxGap) maxGap = gap;
    if (gap > 50) over50 += 1;
    last = now;
  }, PROBE_MS);
  await new Promise((r) => setTimeout(r, 100));
  eld.enable();
  const started = performance.now();
  const view = await fileSnapshotSource(path).current();
  const totalMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 50));
  eld.disable();
  clearInterval(probe);
  return {
    totalMs,
    maxBlockMs: maxGap,
    eldMaxMs: eld.max / 1e6,
    eldP99Ms: eld.percentile(99) / 1e6,
    blocksOver50: over50,
    projects: view.projects.size,
  };
}

function runChild(path: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`measure child exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Measurement);
    });
  });
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      measure: { type: 'string' },
      snapshot: { type: 'string', default: join(ROOT, '.data', 'bench', 'publish-scale', 'scale.json') },
      runs: { type: 'string', default: '2' },
    },
  });
  if (values.measure) {
    console.log(JSON.stringify(await measure(values.measure)));
    return;
  }
  const runs = Number(values.runs);
  await mkdir(join(ROOT, '.data', 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, '.data', 'tmp', 'snapshot-load-'));
  try {
    const snapshot = await readSnapshotFile(values.snapshot);
    const oneLine = join(dir, 'one-line.json');
    const lines = join(dir, 'lines.json');
    await writeFile(oneLine, await readFile(values.snapshot));
    await writeFile(lines, formatSnapshotLines(snapshot));
    const entries = Object.values(snapshot).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    console.log(`snapshot ${values.snapshot}: ${entries} entries, ${snapshot.projects.length} projects`);

    const rows: string[] = [];
    for (let run = 1; run <= runs; run += 1) {
      for (const [label, path] of [
        ['before: whole file (one JSON line)', oneLine],
        ['after: line layout, sliced', lines],
      ] as const) {
        const before = load();
        const m = await runChild(path);
        rows.push(
          `| ${label} | ${run} | ${fmt(m.totalMs)} | ${fmt(m.maxBlockMs)} | ${fmt(m.eldMaxMs)} | ${fmt(m.eldP99Ms)} | ${m.blocksOver50} | ${before} |`,
        );
      }
    }
    console.log(
      '| load | run | total | max block (probe) | max delay (eld) | p99 delay (eld) | blocks > 50 ms | loadavg |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
