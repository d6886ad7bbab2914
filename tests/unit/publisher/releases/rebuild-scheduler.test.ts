import { describe, expect, it } from 'vitest';
import { RebuildScheduler } from '../../../../publisher/releases/rebuild-scheduler.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counting(buildMs: number, fail = false) {
  const builds: string[] = [];
  const scheduler = new RebuildScheduler(async (reason) => {
    builds.push(reason);
    await sleep(buildMs);
    if (fail) throw new Error('构建失败：示例');
  }, 50);
  return { builds, scheduler };
}

describe('RebuildScheduler', () => {
  it('turns 20 quick edits into one rebuild', async () => {
    const { builds, scheduler } = counting(10);
    for (let i = 0; i < 20; i++) {
      scheduler.request(`entry.publish ${i}`);
      await sleep(5);
    }
    await sleep(200);
    expect(builds).toHaveLength(1);
    expect(scheduler.requests).toBe(20);
    expect(scheduler.lastAttempt?.ok).toBe(true);
  });

  it('runs exactly one more build for edits that arrive during a build', async () => {
    const { builds, scheduler } = counting(150);
    scheduler.request('first');
    await sleep(80); // debounce passed, build running
    expect(scheduler.building).toBe(true);
    for (let i = 0; i < 5; i++) scheduler.request(`during ${i}`);
    await sleep(500);
    expect(builds).toHaveLength(2);
    expect(builds[1]).toContain('during 0');
  });

  it('records a failed attempt with its message and stays usable', async () => {
    const { scheduler } = counting(5, true);
    scheduler.request('bad');
    await scheduler.runNow();
    expect(scheduler.lastAttempt).toMatchObject({ ok: false, error: '构建失败：示例', reason: 'bad' });
    expect(scheduler.building).toBe(false);
  });

  it('does not build when nothing was requested before stop()', async () => {
    const { builds, scheduler } = counting(5);
    scheduler.request('x');
    scheduler.stop();
    await sleep(120);
    expect(builds).toHaveLength(0);
  });
});
