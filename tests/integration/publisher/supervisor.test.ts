import { afterEach, describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../../publisher/restart-policy.ts';
import type { Supervisor } from '../../../publisher/supervisor.ts';
import { supervisorStatusSchema } from '../../../publisher/supervisor-status.ts';
import { type FlakyHarness, running, sleep, superviseFlaky, until } from '../../support/publisher/flaky-supervisor.ts';

/**
 * The supervisor with real child processes (tests/support/publisher/flaky-service.mjs: a small HTTP server that
 * crashes on cue) and a real health check: restart after kill -9, exponential backoff, giving up,
 * the reset after a good run, leftovers swept, and stop leaving nothing running. Delays are
 * scaled down (100 ms instead of 1 s) so the file runs in seconds.
 */
const started: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function supervise(
  modeOf: (n: number) => string[],
  policy: Partial<RestartPolicy>,
  readyTimeoutMs?: number,
): Promise<FlakyHarness> {
  const h = await superviseFlaky(modeOf, policy, readyTimeoutMs);
  started.push(h.supervisor);
  return h;
}

describe('Supervisor (real child processes)', () => {
  it('restarts a child killed with SIGKILL, says so in its status, and calls onRecovered', async () => {
    const h = await supervise(() => ['serve', 'PORT'], { initialDelayMs: 100 });
    await h.supervisor.start();
    const first = h.children[0];
    expect(h.supervisor.status()).toMatchObject({ state: 'running', pid: first?.pid, restarts: 0, attempt: null });

    process.kill(first?.pid as number, 'SIGKILL');
    await until('进入 restarting', () => h.supervisor.current === 'restarting');
    const during = supervisorStatusSchema.parse(h.supervisor.status());
    expect(during).toMatchObject({ state: 'restarting', attempt: 1, pid: null });
    expect(during.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(during.message).toMatch(/意外退出/);
    expect(h.logs.join('\n')).toMatch(/测试服务意外退出（信号 SIGKILL）。门户继续提供线上版本、捐赠和支付通知。/);

    await until('重新运行', () => h.supervisor.current === 'running');
    const after = h.supervisor.status();
    expect(after).toMatchObject({ state: 'running', restarts: 1, attempt: null });
    expect(after.pid).toBe(h.children[1]?.pid);
    expect(await h.server()).toBe(h.children[1]?.pid);
    expect(h.recovered()).toBe(1);
    expect(h.logs.join('\n')).toMatch(/测试服务已恢复运行（第 1 次重启成功）/);
    // The wait before the restart was the policy's first delay.
    expect((h.spawnedAt[1] ?? 0) - (h.exitedAt[0] ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('backs off exponentially, bounded, then gives up after too many quick failures and says so', async () => {
    // First start serves and crashes 1.5 s later; every restart crashes before it is ready.
    const h = await supervise((n) => (n === 0 ? ['serve-then-crash', 'PORT', '1500'] : ['crash', 'PORT', '50']), {
      initialDelayMs: 100,
      maxDelayMs: 400,
      stableAfterMs: 60_000,
      maxRapidFailures: 4,
    });
    await h.supervisor.start();
    await until('放弃重启', () => h.supervisor.current === 'down', 20_000);

    expect(h.children).toHaveLength(5); // the first start and 4 restarts
    const waits = [1, 2, 3, 4].map((i) => (h.spawnedAt[i] ?? 0) - (h.exitedAt[i - 1] ?? 0));
    const expected = [100, 200, 400, 400];
    for (const [i, wait] of waits.entries()) {
      expect(wait, `第 ${i + 1} 次重启前的等待 ${wait} ms`).toBeGreaterThanOrEqual((expected[i] ?? 0) - 5);
      expect(wait, `第 ${i + 1} 次重启前的等待 ${wait} ms`).toBeLessThan((expected[i] ?? 0) + 1000);
    }
    const status = supervisorStatusSchema.parse(h.supervisor.status());
    expect(status).toMatchObject({ state: 'down', attempt: 4, pid: null, nextTryAt: null, restarts: 0 });
    expect(status.lastExit).toMatchObject({ code: 3, signal: null });
    expect(status.lastExit?.reason).toMatch(/启动后未就绪即退出（退出码 3）/);
    expect(status.message).toMatch(/连续 4 次重启后仍无法稳定运行，已停止自动重启/);
    expect(h.logs.join('\n')).toMatch(/已停止自动重启。门户继续提供线上版本和捐赠服务/);
    await expect(h.supervisor.whenRunning()).rejects.toThrow(/已停止自动重启/);
    // And it stays down: no more starts.
    await sleep(800);
    expect(h.children).toHaveLength(5);
    expect(h.children.every((c) => !running(c.pid))).toBe(true);
  });

  it('starts the count afresh after a run that lasted (stableAfterMs), so it never gives up on a child that mostly works', async () => {
    const h = await supervise(() => ['serve-then-crash', 'PORT', '1500'], {
      initialDelayMs: 100,
      maxDelayMs: 5000,
      stableAfterMs: 300,
      maxRapidFailures: 1,
    });
    await h.supervisor.start();
    await until('三次重启', () => h.supervisor.status().restarts >= 3, 20_000);
    expect(h.supervisor.current).not.toBe('down');
    const attempts = h.logs.filter((l) => /秒后第 \d+ 次重启/.test(l));
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.every((l) => l.includes('0.1 秒后第 1 次重启'))).toBe(true);
  });

  it('waits for the restart in whenRunning()', async () => {
    const h = await supervise(() => ['serve', 'PORT'], { initialDelayMs: 300 });
    await h.supervisor.start();
    await expect(h.supervisor.whenRunning()).resolves.toBeUndefined();
    process.kill(h.children[0]?.pid as number, 'SIGKILL');
    await until('进入 restarting', () => h.supervisor.current === 'restarting');
    const waited = Date.now();
    await h.supervisor.whenRunning();
    expect(Date.now() - waited).toBeGreaterThanOrEqual(200);
    expect(await h.server()).toBe(h.children[1]?.pid);
  });

  it('sweeps what a killed child left behind before restarting (an orphan server would hold the port)', async () => {
    const h = await supervise(() => ['serve-in-child', 'PORT'], { initialDelayMs: 100 });
    await h.supervisor.start();
    const orphan = await h.server();
    expect(orphan).not.toBeNull();
    expect(orphan).not.toBe(h.children[0]?.pid);

    // kill -9 the process the supervisor started, not the server it started in turn.
    process.kill(h.children[0]?.pid as number, 'SIGKILL');
    await until('重新运行', () => h.supervisor.status().restarts === 1);
    expect(running(orphan ?? undefined)).toBe(false);
    const now = await h.server();
    expect(now).not.toBeNull();
    expect(now).not.toBe(orphan);
  });

  it('stops a child that runs but never becomes ready, and counts it as a failure', async () => {
    const h = await supervise(
      (n) => (n === 0 ? ['serve-then-crash', 'PORT', '1500'] : ['hang', 'PORT']),
      { initialDelayMs: 100, maxRapidFailures: 1 },
      1200,
    );
    await h.supervisor.start();
    await until('放弃重启', () => h.supervisor.current === 'down');
    expect(h.children).toHaveLength(2);
    expect(running(h.children[1]?.pid)).toBe(false);
    expect(h.supervisor.status().lastExit?.reason).toMatch(/未能就绪：等待 .* 超时/);
  });

  it('a first start that fails is final: start() rejects in Chinese and nothing restarts', async () => {
    const h = await supervise(() => ['crash', 'PORT', '100'], { initialDelayMs: 50 });
    await expect(h.supervisor.start()).rejects.toThrow(/^测试服务首次启动失败：启动后未就绪即退出（退出码 3）$/);
    await sleep(500);
    expect(h.children).toHaveLength(1);
    expect(h.supervisor.current).toBe('down');
  });

  it('stop() ends the child and its whole process group, and no restart follows', async () => {
    const h = await supervise(() => ['serve-in-child', 'PORT'], { initialDelayMs: 50 });
    await h.supervisor.start();
    const server = await h.server();
    await h.supervisor.stop();
    expect(running(h.children[0]?.pid)).toBe(false);
    expect(running(server ?? undefined)).toBe(false);
    await sleep(300);
    expect(h.children).toHaveLength(1);
    expect(h.supervisor.status()).toMatchObject({ state: 'stopped', pid: null });
    await expect(h.supervisor.whenRunning()).rejects.toThrow(/已停止/);
  });

  it('stop() during the backoff wait cancels the restart', async () => {
    const h = await supervise(() => ['serve', 'PORT'], { initialDelayMs: 1000 });
    await h.supervisor.start();
    process.kill(h.children[0]?.pid as number, 'SIGKILL');
    await until('进入 restarting', () => h.supervisor.current === 'restarting');
    expect(h.supervisor.status().nextTryAt).not.toBeNull();
    await h.supervisor.stop();
    await sleep(1300);
    expect(h.children).toHaveLength(1);
    expect(h.supervisor.current).toBe('stopped');
  });

  it('stop() during a restart that is still starting ends that child too', async () => {
    const h = await supervise((n) => (n === 0 ? ['serve', 'PORT'] : ['hang', 'PORT']), { initialDelayMs: 50 });
    await h.supervisor.start();
    process.kill(h.children[0]?.pid as number, 'SIGKILL');
    await until('第二个进程已启动', () => h.children.length === 2);
    await h.supervisor.stop();
    expect(running(h.children[1]?.pid)).toBe(false);
    expect(h.supervisor.current).toBe('stopped');
  });
});
