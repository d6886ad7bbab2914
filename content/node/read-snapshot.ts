import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ContentError } from '../errors.ts';
import { parseSnapshot } from '../snapshot/parse-snapshot.ts';
import { type LineReadOptions, parseSnapshotLines } from '../snapshot/read-snapshot-lines.ts';
import type { Snapshot } from '../snapshot/snapshot-schema.ts';

export type { LineReadOptions } from '../snapshot/read-snapshot-lines.ts';

function unreadable(path: string, error: unknown): ContentError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ContentError(
    'SNAPSHOT_NOT_FOUND',
    code === 'ENOENT'
      ? `找不到快照文件：${path}（可先运行 npm run data:demo 生成演示数据）`
      : `无法读取快照文件 ${path}：${code}`,
  );
}

const sourceLabelOf = (path: string) => `快照文件 ${path} `;

/** Reads and validates a snapshot file. Errors say which file, which entry and which field. */
export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContentError('SNAPSHOT_NOT_JSON', `快照文件 ${path} 不是有效的 JSON：${(error as Error).message}`);
  }
  return parseSnapshot(json, sourceLabelOf(path));
}

/**
 * `readSnapshotFile` for a process that must keep serving while it reads (the portal): a file in
 * the line layout (write-snapshot.ts, what the publisher writes) is read a line at a time, and the
 * event loop gets a turn every ~10 ms of work, instead of one JSON.parse + validation that blocks
 * for seconds at scale. Same result, same ContentError. Any other file is read the whole-file way.
 */
export async function readSnapshotFileIncrementally(path: string, options: LineReadOptions = {}): Promise<Snapshot> {
  const chunks = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let snapshot: Snapshot | null;
  try {
    snapshot = await parseSnapshotLines(chunks, sourceLabelOf(path), options);
  } catch (error) {
    // Opening or reading the file failed (ENOENT, EACCES, EISDIR…): say so as readSnapshotFile does.
    if (typeof (error as NodeJS.ErrnoException).code === 'string' && !(error instanceof ContentError)) {
      throw unreadable(path, error);
    }
    throw error;
  } finally {
    chunks.destroy();
  }
  return snapshot ?? readSnapshotFile(path);
}
