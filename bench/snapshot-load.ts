/**
 * How long loading the live snapshot blocks the portal's event loop (the donations API and the
 * search room read it through `fileSnapshotSource` on the first request after a release switch).
 *
 *   npx tsx bench/snapshot-load.ts [--snapshot FILE] [--runs 2]
 *
 * FILE (default: the scale snapshot, `.data/bench/publish-scale/scale.json`, only read) is written
 * twice into a temp folder: as one JSON line (what releases held before; `fileSnapshotSource`
 * falls back to the whole-file `readSnapshotFile` for it, the old code path) and in the line layout
 * the pull stage writes now (read in slices). Each load runs in a fresh Node process (event-loop-probe.ts) with a 5 ms
 * interval probe and `monitorEventLoopDelay`; the longest block is the longest gap between two
 * probe ticks minus the interval. Prints a table with the load average beside it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSnapshotFile } from '../content/node/index.ts';
import { formatSnapshotLines } from '../content/snapshot/write-snapshot.ts';
import { fileSnapshotSource } from '../donations/snapshot-source.ts';
import { type BlockMeasurement, formatMs, loadAverage, measureBlocking, measureInChild } from './event-loop-probe.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Measurement extends BlockMeasurement {
  projects: number;
}

/** In the child: load once through fileSnapshotSource while probing the event loop. */
async function measure(path: string): Promise<Measurement> {
  const { value: view, ...m } = await measureBlocking(() => fileSnapshotSource(path).current());
  return { ...m, projects: view.projects.size };
}

function runChild(path: string): Promise<Measurement> {
  return measureInChild<Measurement>(fileURLToPath(import.meta.url), ['--measure', path], ROOT);
}

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
        const before = loadAverage();
        const m = await runChild(path);
        rows.push(
          `| ${label} | ${run} | ${formatMs(m.totalMs)} | ${formatMs(m.maxBlockMs)} | ${formatMs(m.eldMaxMs)} | ${formatMs(m.eldP99Ms)} | ${m.blocksOver50} | ${before} |`,
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
