import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../../../publisher/releases/release-store.ts';
import { removeTree } from '../../../../publisher/releases/remove-tree.ts';

/** Pruning and start-up cleanup of the release folders, on a real temporary directory. */
let dataDir: string;
let store: ReleaseStore;

async function release(id: string): Promise<void> {
  await mkdir(join(store.dirOf(id), 'site', 'client'), { recursive: true });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xianjie-releases-'));
  store = new ReleaseStore(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ReleaseStore', () => {
  it('keeps the newest releases, the current one, and the one whose server bundle is loaded', async () => {
    for (const id of ['20260101-000000-aaaa', '20260102-000000-bbbb', '20260103-000000-cccc', '20260104-000000-dddd'])
      await release(id);
    await symlink('20260102-000000-bbbb', join(store.root, 'current'));
    store.pin('20260101-000000-aaaa');
    const doomed = await store.prune(1);
    expect(doomed).toEqual(['20260103-000000-cccc']);
    expect((await store.list()).sort()).toEqual([
      '20260101-000000-aaaa',
      '20260102-000000-bbbb',
      '20260104-000000-dddd',
    ]);
  });

  it('removes what an interrupted build left behind, and nothing else', async () => {
    await release('20260101-000000-aaaa');
    await mkdir(store.stagingDirOf('20260102-000000-bbbb'), { recursive: true });
    await writeFile(join(store.stagingDirOf('20260102-000000-bbbb'), 'snapshot.json'), '{}');
    await symlink('20260101-000000-aaaa', join(store.root, '.current-0badf00d'));
    await symlink('20260101-000000-aaaa', join(store.root, 'current'));
    expect((await store.discardLeftovers()).sort()).toEqual(['.current-0badf00d', '.staging-20260102-000000-bbbb']);
    expect((await readdir(store.root)).sort()).toEqual(['20260101-000000-aaaa', 'current']);
    expect(await store.currentId()).toBe('20260101-000000-aaaa');
  });

  it('removes a release-sized tree in a child process, and a missing one without error', async () => {
    const dir = join(dataDir, 'doomed');
    for (let i = 0; i < 200; i++) {
      await mkdir(join(dir, 'site', 'client', `page-${i}`), { recursive: true });
      await writeFile(join(dir, 'site', 'client', `page-${i}`, 'index.html'), '<p>x</p>');
    }
    await removeTree(dir);
    expect(await readdir(dataDir)).toEqual([]);
    await expect(removeTree(join(dataDir, 'never-there'))).resolves.toBeUndefined();
  });

  it('discards a failed build’s staging folder', async () => {
    await mkdir(join(store.stagingDirOf('20260105-000000-eeee'), 'site'), { recursive: true });
    await store.discardStaging('20260105-000000-eeee');
    expect(await readdir(store.root)).toEqual([]);
  });
});
