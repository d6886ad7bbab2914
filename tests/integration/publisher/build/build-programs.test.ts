import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrograms } from '../../../../publisher/build/build-programs.ts';
import { REPO_ROOT } from '../../../../publisher/config.ts';
import { PROGRAMS, programArgs } from '../../../../publisher/programs.ts';
import { PULL_SOURCE_ENV, pullOutcomeSchema } from '../../../../publisher/releases/pull-outcome.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

const run = promisify(execFile);

/**
 * What `npm start` runs: the programs built to JavaScript (publisher/build/build-programs.ts),
 * reused while the sources are unchanged, and a built child that works under plain node — no tsx.
 */
let dir: string;
beforeAll(async () => {
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'built-programs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the programs npm start runs, built for plain node', { timeout: 120_000 }, () => {
  it('builds every program once and reuses the build while nothing changed', async () => {
    const first = await buildPrograms();
    for (const name of Object.keys(PROGRAMS)) expect(existsSync(join(first.dir, `${name}.js`))).toBe(true);
    expect(existsSync(join(first.dir, 'cms-start.cjs'))).toBe(true);
    const again = await buildPrograms();
    expect(again).toMatchObject({ dir: first.dir, built: false });
  });

  it('runs the pull stage built, with no loader, and reports through its outcome file', async () => {
    const { dir: built } = await buildPrograms();
    const source = join(dir, 'snapshot-in.json');
    await writeFile(source, JSON.stringify(FIXTURE_SNAPSHOT));
    const target = join(dir, 'snapshot.json');
    const outcomePath = join(dir, 'outcome.json');
    // No NODE_OPTIONS from the test runner: the child gets exactly what the portal would give it.
    const env = { ...process.env, NODE_OPTIONS: '', [PULL_SOURCE_ENV]: JSON.stringify({ kind: 'file', path: source }) };
    await run(process.execPath, [join(built, 'pull-release.js'), target, outcomePath], { cwd: REPO_ROOT, env });
    const outcome = pullOutcomeSchema.parse(JSON.parse(await readFile(outcomePath, 'utf8')));
    expect(outcome).toMatchObject({ ok: true, counts: { projects: FIXTURE_SNAPSHOT.projects.length } });
    expect(existsSync(target)).toBe(true);
  });

  it('starts children from their TypeScript through tsx when the parent runs from source', () => {
    expect(programArgs(PROGRAMS['pull-release'])).toEqual([
      '--import',
      'tsx',
      join(REPO_ROOT, 'publisher/releases/pull-release-child.ts'),
    ]);
  });
});
