/**
 * Turns a burst of CMS events into one rebuild: each request restarts a short quiet timer, and a
 * request that arrives during a build schedules exactly one more build after it. Twenty quick
 * edits make one (or at most two) releases, never twenty.
 */
export interface AttemptRecord {
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  stage: string | null;
  error: string | null;
  reason: string;
}

export class RebuildScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private reasons: string[] = [];
  lastAttempt: AttemptRecord | null = null;
  requests = 0;

  constructor(
    private readonly build: (reason: string, onStage: (stage: string) => void) => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  get building(): boolean {
    return this.running !== null;
  }

  /** Asks for a rebuild; returns at once. */
  request(reason: string): void {
    this.requests++;
    this.reasons.push(reason);
    if (this.running) {
      this.pending = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), this.debounceMs);
  }

  /** Runs a build now (start-up uses this for the first release) and waits for it. */
  async runNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) return this.running;
    const reason = [...new Set(this.reasons)].slice(0, 5).join('；') || '手动';
    this.reasons = [];
    const attempt: AttemptRecord = {
      startedAt: new Date().toISOString(),
      finishedAt: null,
      ok: null,
      stage: null,
      error: null,
      reason,
    };
    this.lastAttempt = attempt;
    this.running = this.build(reason, (stage) => {
      attempt.stage = stage;
    })
      .then(() => {
        attempt.ok = true;
      })
      .catch((error: unknown) => {
        attempt.ok = false;
        attempt.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        attempt.finishedAt = new Date().toISOString();
        this.running = null;
        if (this.pending) {
          this.pending = false;
          this.timer = setTimeout(() => void this.runNow(), this.debounceMs);
        }
      });
    return this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = false;
  }
}
