import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/**
 * Meilisearch works through asynchronous tasks; a task that ends `failed` or `canceled` is not an
 * exception in the client library, so every write here goes through `settle`, which waits and
 * throws `MeilisearchTaskError` with the server's message when the task did not succeed.
 */
export class MeilisearchTaskError extends Error {
  constructor(
    readonly task: Task,
    what: string,
  ) {
    super(
      `Meilisearch 任务失败（${what}，任务 ${task.uid}，状态 ${task.status}）：${task.error?.message ?? '未知原因'}`,
    );
    this.name = 'MeilisearchTaskError';
  }
}

export interface WaitOptions {
  timeout: number;
  interval?: number;
}

export async function settle(enqueued: EnqueuedTaskPromise, what: string, wait: WaitOptions): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: wait.timeout, interval: wait.interval ?? 100 });
  if (task.status !== 'succeeded') throw new MeilisearchTaskError(task, what);
  return task;
}

/** Waits for all, in order, and fails on the first that did not succeed. */
export async function settleAll(enqueued: EnqueuedTaskPromise[], what: string, wait: WaitOptions): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const [i, e] of enqueued.entries()) tasks.push(await settle(e, `${what} ${i + 1}/${enqueued.length}`, wait));
  return tasks;
}
