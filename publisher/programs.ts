import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './config.ts';

/**
 * The programs of the portal: `npm start` itself and the child processes it starts. In production
 * they run as JavaScript built by `publisher/build/build-programs.ts` (one folder, one file per
 * program, shared chunks beside them) under plain `node`; from source — tests, `tsx` during
 * development — each runs its TypeScript through tsx's loader.
 *
 * The table is the one list of them: the build takes its entry points from it, and a parent finds
 * a child's built file by its name here.
 */
export const PROGRAMS = {
  /** `npm start`: the CMS child, the portal, the release builds. */
  start: 'publisher/start.ts',
  /** A release's pull-and-validate stage. */
  'pull-release': 'publisher/releases/pull-release-child.ts',
  /** A release's search index stage. */
  'index-release': 'search/index/release-index-program.ts',
  /** The demo dataset, written on the first start. */
  'demo-data': 'datasets/cli.ts',
  /** The current release served without the CMS (e2e tests, the donations benchmark). */
  'serve-release': 'publisher/serve/serve-release.ts',
} as const;

export type ProgramName = keyof typeof PROGRAMS;

/**
 * The folder of the built programs when this module runs from it, else null. The build puts every
 * program and chunk in one folder, so the module's own URL says both whether it was built and
 * where its siblings are.
 */
export const BUILT_DIR: string | null = import.meta.url.endsWith('.js')
  ? dirname(fileURLToPath(import.meta.url))
  : null;

/**
 * Node's arguments to run the program whose TypeScript source is `script` (relative to the
 * repository root, or absolute): its built file when this process runs built, the source through
 * tsx otherwise. A built process starts only built programs — a script outside the table would
 * need tsx, which production does not run.
 */
export function programArgs(script: string): string[] {
  if (BUILT_DIR === null) return ['--import', 'tsx', resolve(REPO_ROOT, script)];
  const name = (Object.keys(PROGRAMS) as ProgramName[]).find(
    (n) => resolve(REPO_ROOT, PROGRAMS[n]) === resolve(REPO_ROOT, script),
  );
  if (!name) throw new Error(`${script} 不在已构建的程序之列（publisher/programs.ts）`);
  return [resolve(BUILT_DIR, `${name}.js`)];
}
