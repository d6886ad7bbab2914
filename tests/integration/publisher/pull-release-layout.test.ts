import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../../../content/node/index.ts';
import { parseSnapshotLines } from '../../../content/snapshot/read-snapshot-lines.ts';
import { fileSnapshotSource } from '../../../donations/snapshot-source.ts';
import { REPO_ROOT } from '../../../publisher/config.ts';
import { childSnapshotStage } from '../../../publisher/content-source.ts';
import { FIXTURE_SNAPSHOT } from '../../support/fixture-snapshot.ts';

/**
 * The pull stage writes the release's snapshot one entry a line (content/snapshot/write-snapshot.ts)
 * so the portal can load it without freezing: the child's file must be in that layout, read by the
 * portal's sliced reader (not its whole-file fallback), and still one JSON document for the rest.
 */
let dir: string;

beforeAll(async () => {
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'pull-layout-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the pull stage’s snapshot file', { timeout: 60_000 }, () => {
  it('is in the line layout the portal reads in slices, and still plain JSON', async () => {
    const source = join(dir, 'source.json');
    await writeFile(source, JSON.stringify(FIXTURE_SNAPSHOT, null, 2));
    const target = join(dir, 'snapshot.json');
    await childSnapshotStage({ kind: 'file', path: source })(target);

    const text = await readFile(target, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(FIXTURE_SNAPSHOT.projects.length);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(FIXTURE_SNAPSHOT)));

    const viaLines = await parseSnapshotLines(createReadStream(target, { encoding: 'utf8' }), 'x');
    expect(viaLines).not.toBeNull();
    expect(viaLines).toEqual(FIXTURE_SNAPSHOT);
    expect(await readSnapshotFile(target)).toEqual(FIXTURE_SNAPSHOT);
    const view = await fileSnapshotSource(target, () => {}).current();
    expect(view.snapshot).toEqual(FIXTURE_SNAPSHOT);
  });
});
