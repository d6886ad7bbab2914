import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * How long a piece of work blocks the event loop: a 5 ms interval ticks throughout, and the
 * longest block is the longest gap between two ticks minus the interval; `monitorEventLoopDelay`
 * (its own 10 ms resolution timer) is reported beside it. Used by the load benches
 * (snapshot-load.ts, search-documents-load.ts), each in a fresh process.
 */
export const PROBE_MS = 5;

export interface BlockMeasurement {
  totalMs: number;
  maxBlockMs: number;
  eldMaxMs: number;
  eldP99Ms: number;
  blocksOver50: number;
}

export async function measureBlocking<T>(work: () => Promise<T>): Promise<BlockMeasurement & { value: T }> {
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
  try {
    await new Promise((r) => setTimeout(r, 100));
    // Only the gaps while the work runs (and the tick right after it) count.
    last = performance.now();
    maxGap = 0;
    over50 = 0;
    eld.enable();
    const started = performance.now();
    const value = await work();
    const totalMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
    eld.disable();
    return {
      value,
      totalMs,
      maxBlockMs: maxGap,
      eldMaxMs: eld.max / 1e6,
      eldP99Ms: eld.percentile(99) / 1e6,
      blocksOver50: over50,
    };
  } finally {
    clearInterval(probe);
  }
}

export const formatMs = (ms: number) => `${Math.round(ms)} ms`;

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Runs a bench script again in a fresh Node process (`--import tsx <script> ...args`), so each
 * measurement starts with a cold heap, and returns the JSON it printed on its last stdout line.
 */
export function measureInChild<T>(script: string, args: readonly string[], cwd: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`measure child exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
    });
  });
}
