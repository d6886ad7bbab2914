import type { Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../bench/harness/browser.ts';
import { freePort } from '../../publisher/port-free.ts';
import { templateUrls } from '../support/e2e/templates.ts';

/**
 * Lighthouse 12 (mobile, simulated Slow 4G) on the home, project, charity and transparency pages,
 * in one test so the slow part runs once: performance ≥ 95, accessibility 100, best practices ≥ 95,
 * SEO 100. It drives the same Debian Chromium as the other tests, through a remote debugging port
 * on the Playwright-launched browser (CHROME_PATH=/usr/bin/chromium).
 *
 * CPU: Lighthouse's default 4× slowdown assumes a high-end desktop host (benchmarkIndex
 * 1500–2000) and turns it into a mid-tier phone. Our 2-core CI machines measure far lower, and a
 * busy one lower still, so 4× would emulate a phone slower than the target. As Lighthouse's
 * docs/throttling.md prescribes, we calibrate to the benchmarkIndex the host shows: the multiplier
 * is benchmarkIndex / 450 (the mid-tier target), between 1× and 4× — 4× on a fast host, 2× on a
 * low-end desktop (BI ≈ 1000), as in the docs' table. Each run reports the index it measured; when
 * the machine got busier or quieter than the multiplier assumed (off by more than a quarter), the
 * page is audited again with the multiplier that fits. Index and multiplier are printed with the
 * scores.
 */
const baseUrl = inject('baseUrl');
const clientDir = inject('clientDir');
const THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 0.95, seo: 1 } as const;

let browser: Browser;
let port: number;

type Scores = Record<string, { score: number; failing: string[] }>;

const MID_TIER_BENCHMARK_INDEX = 450;
const EXTRA_RUNS = 4;

function multiplierFor(benchmarkIndex: number): number {
  return Math.round(Math.min(4, Math.max(1, benchmarkIndex / MID_TIER_BENCHMARK_INDEX)) * 10) / 10;
}

async function run(url: string, cpuSlowdownMultiplier: number) {
  const result = await lighthouse(url, {
    port,
    hostname: '127.0.0.1',
    logLevel: 'error',
    output: 'json',
    onlyCategories: Object.keys(THRESHOLDS),
    throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier },
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse 没有结果：${url}`);
  return lhr;
}

let multiplier = throttling.mobileSlow4G.cpuSlowdownMultiplier;
const calibration: string[] = [];

function scoresOf(lhr: Awaited<ReturnType<typeof run>>): Scores {
  const scores: Scores = {};
  for (const category of Object.keys(THRESHOLDS)) {
    const refs = lhr.categories[category]?.auditRefs ?? [];
    scores[category] = {
      score: lhr.categories[category]?.score ?? 0,
      failing: refs
        .filter((r) => r.weight > 0)
        .map((r) => lhr.audits[r.id])
        .filter((a) => a !== undefined && a.score !== null && a.score < 1)
        .map((a) => `${a?.id}=${a?.score}`),
    };
  }
  return scores;
}

/** One audit whose CPU multiplier fits the benchmarkIndex measured during that very run. */
async function audit(url: string): Promise<Scores> {
  for (let attempt = 1; ; attempt++) {
    const lhr = await run(url, multiplier);
    const index = lhr.environment.benchmarkIndex;
    const fitting = multiplierFor(index);
    const fits = Math.abs(fitting - multiplier) <= multiplier / 4;
    if (fits || attempt === 2) {
      calibration.push(`${new URL(url).pathname}: BI ${Math.round(index)} → ${multiplier}×`);
      return scoresOf(lhr);
    }
    multiplier = fitting;
  }
}

function missed(scores: Scores): boolean {
  return Object.entries(THRESHOLDS).some(([category, min]) => (scores[category]?.score ?? 0) < min);
}

/** Per category, the run with the median score (its failing audits come with it). */
function median(runs: Scores[]): Scores {
  const out: Scores = {};
  for (const category of Object.keys(THRESHOLDS)) {
    const sorted = runs
      .map((r) => r[category])
      .filter((s) => s !== undefined)
      .sort((a, b) => a.score - b.score);
    const mid = sorted[Math.floor(sorted.length / 2)];
    if (mid) out[category] = mid;
  }
  return out;
}

beforeAll(async () => {
  process.env.CHROME_PATH = '/usr/bin/chromium';
  port = await freePort();
  browser = await launchChromium([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
});

describe('Lighthouse', () => {
  it('scores home, project, charity and transparency pages at or above the thresholds', {
    timeout: 600_000,
  }, async () => {
    const t = await templateUrls(clientDir);
    const pages = {
      home: t.home,
      project: t['project with overdue disclosures'],
      charity: t.charity,
      transparency: t.transparency,
    };
    const warmUp = await run(`${baseUrl}/about/`, multiplier);
    multiplier = multiplierFor(warmUp.environment.benchmarkIndex);
    console.info(
      `Lighthouse 主机 benchmarkIndex ${Math.round(warmUp.environment.benchmarkIndex)}，CPU 减速倍数 ${multiplier}×`,
    );
    const table: Record<string, Record<string, number>> = {};
    const failures: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const runs = [await audit(`${baseUrl}${path}`)];
      // Timing on a shared 2-core machine is noisy (total blocking time swings 60–800 ms between
      // identical runs of the same page): when the first run misses, judge the median of five.
      if (missed(runs[0] as Scores)) for (let i = 0; i < EXTRA_RUNS; i++) runs.push(await audit(`${baseUrl}${path}`));
      const scores = median(runs);
      table[name] = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Math.round(v.score * 100)]));
      for (const [category, min] of Object.entries(THRESHOLDS)) {
        const s = scores[category];
        if (s && s.score < min)
          failures.push(
            `${name} ${category} ${Math.round(s.score * 100)} < ${min * 100}（${runs.length} 次取中位数）: ${s.failing.join(', ')}`,
          );
      }
    }
    console.info('Lighthouse 分数', JSON.stringify(table));
    console.info(`CPU 校准（benchmarkIndex → 减速倍数）：${calibration.join('；')}`);
    expect(failures).toEqual([]);
  });
});
