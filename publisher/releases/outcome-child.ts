import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { runToEnd } from '../children.ts';
import { REPO_ROOT } from '../config.ts';

/**
 * Runs one of the release's TypeScript stage scripts in its own Node process and reads back the
 * outcome it wrote to a JSON file (the child's half is `runStageChild` in content/node.ts, so that
 * a program of another room — search/index's release index program — speaks the same protocol). An exit code alone cannot carry a Chinese message naming the
 * entry and field, so each child writes `{ ok: false, code, message }` before it exits; a child
 * that died without writing one (killed, out of memory) is reported with its last output lines.
 */
export async function runOutcomeChild<T extends { ok: boolean }>(options: {
  /** Prefix of the child's log lines, e.g. `pull`. */
  name: string;
  /** Path of the script from the repository root. */
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
    ['--import', 'tsx', resolve(REPO_ROOT, options.script), ...options.args, options.outcomePath],
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
