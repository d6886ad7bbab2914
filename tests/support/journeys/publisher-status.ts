import { z } from 'zod';
import { supervisorStatusSchema } from '../../../publisher/supervisor-status.ts';

/** `GET /_publisher/status`, as the journeys read it. */
const attemptSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  reason: z.string(),
});
export const statusSchema = z.object({
  current: z.object({ id: z.string() }).passthrough().nullable(),
  building: z.boolean(),
  lastAttempt: attemptSchema.nullable(),
  releases: z.array(z.string()),
  /** The supervised CMS (absent before issue 13: a CMS crash then stopped the whole portal). */
  cms: supervisorStatusSchema.nullable().optional(),
});
export type PublisherStatus = z.infer<typeof statusSchema>;
export type Attempt = z.infer<typeof attemptSchema>;

export async function publisherStatus(baseUrl: string): Promise<PublisherStatus> {
  const res = await fetch(`${baseUrl}/_publisher/status`);
  if (!res.ok) throw new Error(`/_publisher/status 返回 ${res.status}`);
  return statusSchema.parse(await res.json());
}

/** Waits until no build runs or is about to run (nothing started for `quietMs`). */
export async function waitForIdle(baseUrl: string, quietMs = 4000, timeoutMs = 600_000): Promise<PublisherStatus> {
  const deadline = Date.now() + timeoutMs;
  let last = await publisherStatus(baseUrl);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await publisherStatus(baseUrl);
    if (now.building || now.lastAttempt?.startedAt !== last.lastAttempt?.startedAt) quietSince = Date.now();
    last = now;
    if (!now.building && Date.now() - quietSince >= quietMs) return now;
  }
  throw new Error('发布服务在限定时间内没有空闲下来');
}

/**
 * Waits for the first build attempt that starts after `since` to finish, and returns it. With
 * `until`, keeps waiting through further attempts until one satisfies it (an event that arrives
 * during a build queues one more build).
 */
export async function waitForAttempt(
  baseUrl: string,
  since: string | null,
  options: { timeoutMs?: number; until?: (a: Attempt, s: PublisherStatus) => boolean } = {},
): Promise<{ attempt: Attempt; status: PublisherStatus; seconds: number }> {
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 600_000);
  while (Date.now() < deadline) {
    const status = await publisherStatus(baseUrl);
    const a = status.lastAttempt;
    if (a && a.startedAt !== since && a.finishedAt !== null && !status.building) {
      if (!options.until || options.until(a, status)) {
        return { attempt: a, status, seconds: (Date.now() - started) / 1000 };
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('等待新版本构建超时');
}
