import { z } from 'zod';

/**
 * What `/_publisher/status` says about a supervised child (the CMS under `npm start`), and what
 * the journeys read back: one schema for both sides.
 */
export const supervisedStateSchema = z.enum([
  /** First start (the CMS seeds the demo data): a failure here stops `npm start`. */
  'starting',
  'running',
  /** Exited on its own; waiting `nextTryAt`, or starting again (`nextTryAt` null). */
  'restarting',
  /** Too many failures in a row: no more automatic restarts. */
  'down',
  /** Stopped on purpose (Ctrl-C). */
  'stopped',
]);
export type SupervisedState = z.infer<typeof supervisedStateSchema>;

export const childExitSchema = z.object({
  /** Exit code, or null when a signal ended it (`signal`). */
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  at: z.iso.datetime(),
  /** Why, in Chinese (e.g. 启动后未就绪即退出). */
  reason: z.string(),
});
export type ChildExit = z.infer<typeof childExitSchema>;

export const supervisorStatusSchema = z.object({
  state: supervisedStateSchema,
  /** Chinese, one line, for people reading the status page. */
  message: z.string(),
  /** The running child's process id (the leader of its process group), null when none runs. */
  pid: z.number().int().nullable(),
  /** When the current state began. */
  since: z.iso.datetime(),
  /** Restarts that brought it back, since the portal started. */
  restarts: z.number().int().min(0),
  /** The restart attempt in progress or next (1, 2, …), null while it runs fine. */
  attempt: z.number().int().min(1).nullable(),
  /** When the next restart attempt starts (while `restarting` and waiting). */
  nextTryAt: z.iso.datetime().nullable(),
  lastExit: childExitSchema.nullable(),
});
export type SupervisorStatus = z.infer<typeof supervisorStatusSchema>;
