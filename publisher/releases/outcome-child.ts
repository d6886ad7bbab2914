import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { runToEnd } from '../children.ts';
import { programArgs } from '../programs.ts';

/**
 * Runs one of the release's stage programs in its own Node process (built, or its TypeScript
 * through tsx: publisher/programs.ts) and reads back the
 * outcome it wrote to a JSON file (the child's half is `runStageChild`, content/node/stage-child.ts, shared with search/index's program). An exit code alone cannot carry a Chinese message naming the
 * entry and field, so each child writes `{ ok: false, code, message }` before it exits; a child
 * that died without writing one (killed, out of memory) is reported with its last output lines.
 */
export async function runOutcomeChild<T extends { ok: boolean }>(options: {
  /** Prefix of the child's log lines, e.g. `pull`. */
  name: string;
  /** Path of the program's TypeScript source from the repository root (publisher/programs.ts). */
  script: string;
  /** The stage's arguments; the outcome file's path is passed after them (`runStageChild` reads it there). */
  args: string[];
  outcomePath: string;
  schema: z.ZodType<T>;
  env?: NodeJS.ProcessEnv;
}): Promise<T> {
  const exited = await runToEnd(
    options.name,
    process.execPath,
    [...programArgs(options.script), ...options.args, options.outcomePath],
    options.env,
  ).then(
    () => null,
    (error: unknown) => error,
  );
  const outcome = await readFile(options.outcomePath, 'utf8')
    .then((text) => options.schema.parse(JSON.parse(text)))
    .catch(() => null);
  // A failure's own message beats an exit code; a success needs both the outcome and a clean exit.
  if (outcome !== null && (!outcome.ok || exited === null)) return outcome;
  throw exited ?? new Error(`${options.name} 进程没有报告结果`);
}
