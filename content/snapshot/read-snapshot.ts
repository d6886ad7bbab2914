import { readFile } from 'node:fs/promises';
import { ContentError } from '../errors.ts';
import { parseSnapshot } from './parse-snapshot.ts';
import type { Snapshot } from './snapshot-schema.ts';

/** Reads and validates a snapshot file. Errors say which file, which entry and which field. */
export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(
      'SNAPSHOT_NOT_FOUND',
      code === 'ENOENT'
        ? `找不到快照文件：${path}（可先运行 npm run data:demo 生成演示数据）`
        : `无法读取快照文件 ${path}：${code}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContentError('SNAPSHOT_NOT_JSON', `快照文件 ${path} 不是有效的 JSON：${(error as Error).message}`);
  }
  return parseSnapshot(json, `快照文件 ${path} `);
}
