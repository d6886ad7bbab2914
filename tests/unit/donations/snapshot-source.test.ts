import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../content/index.ts';
import { formatSnapshotLines } from '../../../content/snapshot/write-snapshot.ts';
import { generateSnapshot } from '../../../datasets/index.ts';
import { fileSnapshotSource } from '../../../donations/snapshot-source.ts';
import { charity, defaultSnapshot, project, snapshotOf } from '../../support/fixtures/donations.ts';

/**
 * The live snapshot as the portal reads it: the line layout the publisher writes (read in slices,
 * so other requests keep being served), cached until the file changes, the last good one kept when
 * a new one is broken, and one reload at a time.
 */
let dir: string;
let bump = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xianjie-snapshot-source-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Replaces the file as a release switch would, with a modification time that surely differs. */
async function publish(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  bump += 10;
  const when = new Date(Date.now() + bump * 1000);
  await utimes(path, when, when);
}

describe('fileSnapshotSource', () => {
  it('answers 503 in Chinese before anything is published', async () => {
    const source = fileSnapshotSource(join(dir, 'none.json'), () => {});
    await expect(source.current()).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: '暂时无法受理捐赠：尚未发布项目数据',
    });
  });

  it('answers 503 when the first file cannot be read', async () => {
    const path = join(dir, 'broken-first.json');
    await publish(path, formatSnapshotLines(defaultSnapshot()).replace('"minxian-zhuxue"', '"Minxian Zhuxue"'));
    await expect(fileSnapshotSource(path, () => {}).current()).rejects.toMatchObject({
      status: 503,
      message: '暂时无法受理捐赠：项目数据无法读取',
    });
  });

  it('reads the line layout, caches it, reloads on change and keeps the last good one', async () => {
    const path = join(dir, 'live.json');
    const logs: string[] = [];
    const source = fileSnapshotSource(path, (m) => logs.push(m));
    await publish(path, formatSnapshotLines(defaultSnapshot()));
    const first = await source.current();
    expect(first.projects.size).toBe(5);
    expect(await source.current()).toBe(first);

    await publish(path, formatSnapshotLines(snapshotOf([project('only-one')], [charity('gansu-cishan')])));
    const second = await source.current();
    expect([...second.projects.keys()]).toEqual(['only-one']);

    // A new file with a project whose charity is gone: refused, the last good one stays.
    const orphan = snapshotOf([project('orphan')], [charity('gansu-cishan')]);
    await publish(path, formatSnapshotLines({ ...orphan, charities: [] }));
    expect(await source.current()).toBe(second);
    expect(logs.join('\n')).toMatch(/继续使用上一份.*引用的慈善组织 “gansu-cishan” 不存在或未发布/s);

    // An older release's one-line file still reads.
    await publish(path, JSON.stringify(defaultSnapshot()));
    expect((await source.current()).projects.size).toBe(5);
  });

  it('shares one reload between concurrent requests, and serves them all the new snapshot', async () => {
    const path = join(dir, 'demo.json');
    const demo: Snapshot = generateSnapshot({ size: 'demo', asOf: '2026-11-27' });
    await publish(path, formatSnapshotLines(demo));
    const source = fileSnapshotSource(path, () => {});
    const views = await Promise.all([source.current(), source.current(), source.current()]);
    expect(views[1]).toBe(views[0]);
    expect(views[2]).toBe(views[0]);
    expect(views[0]?.projects.size).toBe(demo.projects.length);
    expect(views[0]?.snapshot.disclosures).toEqual(demo.disclosures);
  });
});
