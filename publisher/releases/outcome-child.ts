import { readFile, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { runToEnd } from '../children.ts';
import { programArgs } from '../programs.ts';

/**
 * Runs one of the release's stage programs in its own Node process (built, or its TypeScript
 * through tsx: publisher/programs.ts) and reads back the
 * outcome it wrote to a JSON file. An exit code alone cannot carry a Chinese message naming the
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

export interface StageChildOptions<T extends object> {
  /** Printed when arguments are missing. */
  usage: string;
  /** How many arguments `work` takes; the outcome file's path follows them. */
  argc: number;
  /** The stage; what it returns is the success outcome (with `ok: true`). */
  work: (args: string[]) => Promise<T>;
  /** Errors whose own `code` belongs to the outcome's contract; any other is reported as `fallbackCode`. */
  knownError: (error: unknown) => error is Error & { code: string };
  fallbackCode: string;
}

/**
 * The child's half: runs the stage, writes `{ ok: true, …result }` or `{ ok: false, code,
 * message }` to the outcome file (the last argument), and exits 0 or 1.
 */
export function runStageChild<T extends object>(options: StageChildOptions<T>): void {
  const args = process.argv.slice(2);
  const main = async (): Promise<number> => {
    const outcomePath = args[options.argc];
    if (!outcomePath || args.slice(0, options.argc).some((a) => !a)) {
      console.error(options.usage);
      return 2;
    }
    let outcome: object;
    try {
      outcome = { ok: true, ...(await options.work(args.slice(0, options.argc))) };
    } catch (error) {
      outcome = {
        ok: false,
        code: options.knownError(error) ? error.code : options.fallbackCode,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    await writeFile(outcomePath, JSON.stringify(outcome));
    return 'ok' in outcome && outcome.ok ? 0 : 1;
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
