import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../../content/errors.ts';
import { readSnapshotFile, readSnapshotFileIncrementally } from '../../../../content/node/index.ts';
import { parseSnapshot } from '../../../../content/snapshot/parse-snapshot.ts';
import { parseSnapshotLines } from '../../../../content/snapshot/read-snapshot-lines.ts';
import type { Snapshot } from '../../../../content/snapshot/snapshot-schema.ts';
import { formatSnapshotLines } from '../../../../content/snapshot/write-snapshot.ts';
import { generateSnapshot } from '../../../../datasets/index.ts';

/**
 * The line layout the publisher writes for the portal (write-snapshot.ts) and its sliced reader:
 * one valid JSON document, read back to exactly what the whole-file reader gives, with the same
 * errors, and any other file read the whole-file way.
 */
let dir: string;
let demo: Snapshot;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xianjie-snapshot-lines-'));
  demo = generateSnapshot({ size: 'demo', asOf: '2026-11-27' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Text in chunks of `size` characters, as a stream would hand it over. */
async function* chunksOf(text: string, size = text.length): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function errorOf(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('formatSnapshotLines', () => {
  it('writes one JSON document with each entry on its own line', () => {
    const text = formatSnapshotLines(demo);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(demo)));
    const entries = Object.values(demo).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    const lines = text.trimEnd().split('\n');
    // A header, then per list an opening and a closing line (or one line when empty).
    expect(lines.length).toBeGreaterThan(entries);
    expect(lines.length).toBeLessThanOrEqual(entries + 1 + 2 * 10);
    expect(lines.filter((l) => l.startsWith('{"slug"')).length).toBeGreaterThan(entries / 2);
  });
});

describe('readSnapshotFileIncrementally', () => {
  it('reads the demo dataset back to what parseSnapshot gives, through the line path', async () => {
    const text = formatSnapshotLines(demo);
    const path = await file('demo-lines.json', text);
    const expected = parseSnapshot(JSON.parse(text), `快照文件 ${path} `);
    expect(await readSnapshotFileIncrementally(path)).toEqual(expected);
    expect(await readSnapshotFile(path)).toEqual(expected);
    // The same from chunks cut anywhere (mid-line, mid-character of a Chinese string).
    expect(await parseSnapshotLines(chunksOf(text, 997), 'x')).toEqual(expected);
    expect(await parseSnapshotLines(chunksOf(text, 1), 'x', { sliceMs: 0 })).toEqual(expected);
  });

  it('keeps the event loop turning while it reads a demo-size snapshot', async () => {
    // One chunk held in memory: no I/O to wait on, so only the reader's own pauses let a timer run.
    const text = formatSnapshotLines(demo);
    let fired = 0;
    const tick = () => {
      fired += 1;
      timer = setTimeout(tick, 0);
    };
    let timer = setTimeout(tick, 0);
    let firedWhileLoading = 0;
    await parseSnapshotLines(chunksOf(text), 'x').then(() => {
      firedWhileLoading = fired;
    });
    clearTimeout(timer);
    expect(firedWhileLoading).toBeGreaterThan(0);
  });

  it.each<[string, (s: Record<string, unknown>) => void]>([
    [
      'a goal given as a string',
      (s) => {
        const [p] = s.projects as { plan: Record<string, unknown> }[];
        if (p) p.plan.goalFen = '100.00';
      },
    ],
    [
      'a bad credit code and a bad date',
      (s) => {
        const [c] = s.charities as Record<string, unknown>[];
        if (c) c.creditCode = '53100000500012345A';
        const d = (s.disclosures as Record<string, unknown>[])[3];
        if (d) d.publishedOn = '2026-02-30';
      },
    ],
    ['a wrong format marker', (s) => Object.assign(s, { format: 'something-else' })],
    ['a missing collection', (s) => delete s.awards],
    [
      'a project whose charity is not in the snapshot',
      (s) => {
        const p = (s.projects as Record<string, unknown>[])[5];
        if (p) p.charity = 'no-such-charity';
      },
    ],
    [
      'a duplicate slug',
      (s) => {
        const cases = s.caseSummaries as { slug: string }[];
        const [a, b] = cases;
        if (a && b) b.slug = a.slug;
      },
    ],
  ])('refuses %s with the whole-file reader’s error', async (_label, change) => {
    const broken = structuredClone(demo) as unknown as Record<string, unknown>;
    change(broken);
    const text = formatSnapshotLines(broken as unknown as Snapshot);
    const path = await file('broken.json', text);
    const expected = await errorOf(readSnapshotFile(path));
    expect(expected.code).toBe('SNAPSHOT_INVALID');
    const lines = await errorOf(parseSnapshotLines(chunksOf(text, 4096), `快照文件 ${path} `));
    expect({ code: lines.code, message: lines.message, issues: lines.issues }).toEqual({
      code: expected.code,
      message: expected.message,
      issues: expected.issues,
    });
    const incremental = await errorOf(readSnapshotFileIncrementally(path));
    expect(incremental.message).toBe(expected.message);
  });

  it.each<[string, (s: Snapshot) => string]>([
    ['one JSON line (older releases)', (s) => JSON.stringify(s)],
    ['pretty-printed (written by hand)', (s) => JSON.stringify(s, null, 2)],
    ['lines without their commas', (s) => formatSnapshotLines(s).replace(/},\n/g, '}\n')],
    ['an entry split over two lines', (s) => formatSnapshotLines(s).replace('"slug":', '\n"slug":')],
  ])('falls back to the whole-file reader for %s', async (_label, write) => {
    const text = write(demo);
    expect(await parseSnapshotLines(chunksOf(text, 65_536), 'x')).toBeNull();
    const path = await file('other.json', text);
    const incremental = readSnapshotFileIncrementally(path);
    const whole = readSnapshotFile(path);
    const [a, b] = await Promise.allSettled([incremental, whole]);
    expect(a.status).toBe(b.status);
    if (a.status === 'fulfilled' && b.status === 'fulfilled') expect(a.value).toEqual(b.value);
    if (a.status === 'rejected' && b.status === 'rejected') expect(String(a.reason)).toBe(String(b.reason));
  });

  it.each([
    ['not JSON at all', '{ not json'],
    ['a line-layout file cut short', () => formatSnapshotLines(demo).slice(0, 50_000)],
    ['an empty file', ''],
  ])('gives the whole-file reader’s error for %s', async (_label, content) => {
    const text = typeof content === 'function' ? content() : content;
    const path = await file('bad.json', text);
    const expected = await errorOf(readSnapshotFile(path));
    expect(expected.code).toBe('SNAPSHOT_NOT_JSON');
    const got = await errorOf(readSnapshotFileIncrementally(path));
    expect({ code: got.code, message: got.message }).toEqual({ code: expected.code, message: expected.message });
  });

  it('says the file is missing the same way', async () => {
    const path = join(dir, 'missing.json');
    const expected = await errorOf(readSnapshotFile(path));
    const got = await errorOf(readSnapshotFileIncrementally(path));
    expect({ code: got.code, message: got.message }).toEqual({ code: 'SNAPSHOT_NOT_FOUND', message: expected.message });
  });
});
