import { writeFile } from 'node:fs/promises';

/**
 * The child's half of a release stage run as its own Node process (the publisher's half is
 * `runOutcomeChild` in publisher/releases/outcome-child.ts). An exit code alone cannot carry a
 * Chinese message naming the entry and field, so the program writes `{ ok: true, …result }` or
 * `{ ok: false, code, message }` to an outcome file — its last argument — before it exits. Here,
 * not in publisher/, because programs of other rooms (search/index/release-index-program.ts) are
 * stages too and must not import the publisher.
 */
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
