import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../content/snapshot/parse-snapshot.ts';
import { generateSnapshot } from '../../../datasets/generate.ts';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'datasets', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'xianjie-datasets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  // From another directory, so nothing depends on the caller's cwd.
  const r = spawnSync(TSX, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('datasets CLI', () => {
  it.each([
    [['huge'], 'demo 或 scale'],
    [[], '缺少数据规模'],
    [['demo', '--seed', 'abc'], '随机种子'],
    [['demo', '--seed'], '--seed'],
    [['demo', '--as-of', '2023-02-29'], '基准日期'],
    [['demo', '--as-of', 'tomorrow'], '基准日期'],
    [['demo', '--colour'], '未知参数'],
    [['demo', 'scale'], '多余的参数'],
  ])('rejects %j with exit code 1 and a Chinese message', { timeout: 30_000 }, (args, words) => {
    const r = cli(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('用法');
  });

  it('writes a valid snapshot identical to generateSnapshot, and reports counts', { timeout: 60_000 }, () => {
    const out = join(dir, 'nested', 'demo.json');
    const r = cli('demo', '--seed', '7', '--as-of', '2025-06-15', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('慈善项目 320 个');
    expect(r.stdout).toContain(out);
    const text = readFileSync(out, 'utf8');
    expect(() => parseSnapshot(JSON.parse(text))).not.toThrow();
    const expected = generateSnapshot({ size: 'demo', seed: 7, asOf: '2025-06-15' });
    expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});
