import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followFile } from '../../../../content/node/file-follower.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xj-follow-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function follower(path: string, reads: string[], kept: string[]) {
  return followFile(path, {
    read: async (file) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(file, 'utf8');
      reads.push(text);
      if (!text.startsWith('ok')) throw new Error(`坏文件：${text}`);
      return text;
    },
    missing: () => new Error('MISSING'),
    invalid: (cause) => new Error(`INVALID ${cause.message}`),
    keptLast: (cause) => kept.push(cause.message),
  });
}

describe('followFile', () => {
  it('says missing, then invalid, with nothing read before', async () => {
    const path = join(dir, 'a.txt');
    await expect(follower(path, [], []).current()).rejects.toThrow('MISSING');
    await writeFile(path, 'broken');
    await expect(follower(path, [], []).current()).rejects.toThrow('INVALID 坏文件：broken');
  });

  it('reads once while the file is unchanged, shares one reload, and reads a replaced file again', async () => {
    const path = join(dir, 'b.txt');
    await writeFile(path, 'ok 1');
    const reads: string[] = [];
    const f = follower(path, reads, []);
    expect(await Promise.all([f.current(), f.current(), f.current()])).toEqual(['ok 1', 'ok 1', 'ok 1']);
    expect(await f.current()).toBe('ok 1');
    expect(reads).toEqual(['ok 1']);
    await writeFile(path, 'ok 22');
    expect(await f.current()).toBe('ok 22');
    expect(reads).toEqual(['ok 1', 'ok 22']);
  });

  it('keeps the last good value for a broken new file (told once), and when the file goes away', async () => {
    const path = join(dir, 'c.txt');
    await writeFile(path, 'ok');
    const reads: string[] = [];
    const kept: string[] = [];
    const f = follower(path, reads, kept);
    expect(await f.current()).toBe('ok');
    await writeFile(path, 'broken!');
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    expect(await f.current()).toBe('ok');
    expect(await f.current()).toBe('ok');
    expect(kept).toEqual(['坏文件：broken!']);
    expect(reads).toHaveLength(2);
    await rm(path);
    expect(await f.current()).toBe('ok');
  });
});
