import type { ChildProcess } from 'node:child_process';
import { killLeftovers, stopChild } from './children.ts';
import { DEFAULT_RESTART_POLICY, type RestartPolicy, restartDelayMs, wasStable } from './restart-policy.ts';
import type { ChildExit, SupervisedState, SupervisorStatus } from './supervisor-status.ts';

export interface SupervisorOptions {
  /** The child's name in messages, in Chinese (e.g. 内容管理系统). */
  label: string;
  /** Starts the child (children.ts `startChild`: its own process group). */
  spawn: () => ChildProcess;
  /** Resolves once the child serves (its health check); rejects when it does not in time or `signal` aborts. */
  ready: (signal: AbortSignal) => Promise<void>;
  policy?: Partial<RestartPolicy>;
  /** Where the supervisor tells people what happens; `problem` lines go to stderr. */
  log?: (line: string, problem: boolean) => void;
  /** Called each time a restart brought the child back. */
  onRecovered?: () => void;
  /** Grace between SIGTERM and SIGKILL when stopping the child. @default 10 s */
  stopGraceMs?: number;
}

/** The child ended (or never became ready); the message says how, in Chinese. */
class ChildFailed extends Error {
  constructor(readonly exit: ChildExit) {
    super(exit.reason);
  }
}

const exitText = (code: number | null, signal: string | null) =>
  code !== null ? `退出码 ${code}` : `信号 ${signal ?? '未知'}`;
const clock = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });

/**
 * Keeps one long-running child up for the portal (the CMS under `npm start`; DESIGN.md: the
 * publisher supervises Strapi, which is never on a reader's request path). The first start must
 * succeed — `start()` rejects otherwise, and `npm start` stops. After that, a child that exits on
 * its own is restarted with exponential backoff (restart-policy.ts), its process group swept
 * first so nothing it left behind holds its port; after too many quick failures in a row the
 * supervisor gives up and says so. Only `stop()` (Ctrl-C) ends it for good.
 */
export class Supervisor {
  private readonly policy: RestartPolicy;
  private state: SupervisedState = 'starting';
  private since = Date.now();
  private child: ChildProcess | null = null;
  private readyAt = 0;
  private failures = 0;
  private restarts = 0;
  private nextTryAt: number | null = null;
  private lastExit: ChildExit | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readyWait: AbortController | null = null;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly options: SupervisorOptions) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  }

  /** The first start: resolves when the child is ready, rejects (and leaves nothing running) when not. */
  async start(): Promise<void> {
    try {
      await this.launch();
    } catch (error) {
      const reason = error instanceof ChildFailed ? error.exit.reason : (error as Error).message;
      if (error instanceof ChildFailed) this.lastExit = error.exit;
      if (this.state !== 'stopped') this.enter('down');
      throw new Error(`${this.options.label}首次启动失败：${reason}`);
    }
    this.enter('running');
  }

  /** Resolves when the child runs (at once if it does); rejects when it is down or stopped. */
  whenRunning(): Promise<void> {
    if (this.state === 'running') return Promise.resolve();
    if (this.state === 'down' || this.stopped()) return Promise.reject(new Error(this.message()));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  get current(): SupervisedState {
    return this.state;
  }

  status(): SupervisorStatus {
    return {
      state: this.state,
      message: this.message(),
      pid: this.state === 'running' ? (this.child?.pid ?? null) : null,
      since: new Date(this.since).toISOString(),
      restarts: this.restarts,
      attempt: this.state === 'restarting' || this.state === 'down' ? this.failures : null,
      nextTryAt: this.nextTryAt === null ? null : new Date(this.nextTryAt).toISOString(),
      lastExit: this.lastExit,
    };
  }

  /** Stops the child and every restart to come; resolves when its process group is gone. */
  async stop(): Promise<void> {
    this.enter('stopped');
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextTryAt = null;
    this.readyWait?.abort();
    const child = this.child;
    this.child = null;
    if (child) await stopChild(child, this.options.stopGraceMs);
  }

  /** A method, not a comparison, so the compiler does not carry its answer across an await. */
  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private message(): string {
    const { label } = this.options;
    const last = this.lastExit ? `；上次退出：${exitText(this.lastExit.code, this.lastExit.signal)}` : '';
    switch (this.state) {
      case 'starting':
        return `${label}正在启动`;
      case 'running':
        return this.restarts > 0 ? `${label}运行中（已自动重启 ${this.restarts} 次${last}）` : `${label}运行中`;
      case 'restarting':
        return this.nextTryAt === null
          ? `${label}意外退出，正在第 ${this.failures} 次重启${last}`
          : `${label}意外退出，将于 ${clock(this.nextTryAt)} 第 ${this.failures} 次重启${last}`;
      case 'down':
        return `${label}未在运行：连续 ${this.failures} 次重启后仍无法稳定运行，已停止自动重启${last}`;
      case 'stopped':
        return `${label}已停止`;
    }
  }

  private log(line: string, problem = false): void {
    (this.options.log ?? ((l, p) => (p ? process.stderr : process.stdout).write(`${l}\n`)))(line, problem);
  }

  private enter(state: SupervisedState): void {
    if (this.stopped()) return;
    this.state = state;
    this.since = Date.now();
    if (state === 'running') {
      this.readyAt = Date.now();
      for (const w of this.waiters.splice(0)) w.resolve();
    } else if (state === 'down' || state === 'stopped') {
      const error = new Error(this.message());
      for (const w of this.waiters.splice(0)) w.reject(error);
    }
  }

  /** Spawns the child and waits until it is ready; rejects with ChildFailed when it exits or is not ready. */
  private launch(): Promise<void> {
    const child = this.options.spawn();
    this.child = child;
    const wait = new AbortController();
    this.readyWait = wait;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (exit: ChildExit) => {
        if (settled) return;
        settled = true;
        reject(new ChildFailed(exit));
      };
      const onEarlyEnd = (code: number | null, signal: NodeJS.Signals | null) => {
        wait.abort();
        killLeftovers(child);
        fail(this.exitRecord(code, signal, `启动后未就绪即退出（${exitText(code, signal)}）`));
      };
      const onSpawnError = (error: Error) => {
        wait.abort();
        fail(this.exitRecord(null, null, `无法启动：${error.message}`));
      };
      child.once('exit', onEarlyEnd);
      child.once('error', onSpawnError);
      this.options.ready(wait.signal).then(
        () => {
          child.off('exit', onEarlyEnd);
          child.off('error', onSpawnError);
          if (settled) return;
          settled = true;
          child.once('exit', (code, signal) => this.onExit(child, code, signal));
          resolve();
        },
        async (error: unknown) => {
          if (settled) return;
          child.off('exit', onEarlyEnd);
          child.off('error', onSpawnError);
          // Not ready in time (or Ctrl-C): a child that runs but does not serve is stopped, not kept.
          await stopChild(child, this.options.stopGraceMs);
          fail(this.exitRecord(child.exitCode, child.signalCode, `未能就绪：${(error as Error).message}`));
        },
      );
    });
  }

  private exitRecord(code: number | null, signal: string | null, reason: string): ChildExit {
    return { code, signal, at: new Date().toISOString(), reason };
  }

  /** A child that was running exited: unexpected unless we are stopping. */
  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopped() || child !== this.child) return;
    this.child = null;
    killLeftovers(child);
    if (wasStable(Date.now() - this.readyAt, this.policy)) this.failures = 0;
    this.failures++;
    this.lastExit = this.exitRecord(code, signal, `运行中意外退出（${exitText(code, signal)}）`);
    this.log(
      `${this.options.label}意外退出（${exitText(code, signal)}）。门户继续提供线上版本、捐赠和支付通知。`,
      true,
    );
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopped()) return;
    if (this.failures > this.policy.maxRapidFailures) {
      this.failures = this.policy.maxRapidFailures;
      this.enter('down');
      this.log(
        `${this.options.label}连续 ${this.failures} 次重启后仍无法稳定运行，已停止自动重启。门户继续提供线上版本和捐赠服务，` +
          '但新的发布要等它恢复：请查看上面的日志，排除问题后按 Ctrl-C 并重新运行 npm start。',
        true,
      );
      return;
    }
    const delay = restartDelayMs(this.failures, this.policy);
    this.nextTryAt = Date.now() + delay;
    this.enter('restarting');
    this.log(`将在 ${Number((delay / 1000).toFixed(1))} 秒后第 ${this.failures} 次重启${this.options.label}……`);
    this.timer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    this.timer = null;
    this.nextTryAt = null;
    if (this.stopped()) return;
    try {
      await this.launch();
    } catch (error) {
      if (this.stopped()) return;
      this.child = null;
      this.lastExit = error instanceof ChildFailed ? error.exit : this.exitRecord(null, null, String(error));
      this.log(`第 ${this.failures} 次重启${this.options.label}失败：${this.lastExit.reason}`, true);
      this.failures++;
      this.scheduleRestart();
      return;
    }
    if (this.stopped()) return;
    this.restarts++;
    this.enter('running');
    this.log(`${this.options.label}已恢复运行（第 ${this.failures} 次重启成功）。`);
    this.options.onRecovered?.();
  }
}
