import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../datasets/cli.ts';

/**
 * DESIGN.md: `data:demo`, `data:scale` write `.data/snapshots/demo.json` / `scale.json` (under the
 * repository root, whatever the caller's directory). Checked without generating anything.
 */
const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('npm run data:demo / data:scale output', () => {
  it.each([
    ['data:demo', 'demo'],
    ['data:scale', 'scale'],
  ])('%s runs the datasets CLI for %s with no --out', (script, size) => {
    expect(scripts[script]).toBe(`tsx datasets/cli.ts ${size}`);
  });

  it.each([
    ['demo', '.data/snapshots/demo.json'],
    ['scale', '.data/snapshots/scale.json'],
  ])('%s defaults to <repo>/%s from any working directory', (size, relative) => {
    for (const cwd of [ROOT, '/tmp', join(ROOT, 'site')]) {
      expect(parseCliArgs([size], cwd, {}).out).toBe(join(ROOT, relative));
    }
  });

  it('--out is taken relative to the working directory', () => {
    expect(parseCliArgs(['demo', '--out', 'x/demo.json'], '/tmp').out).toBe('/tmp/x/demo.json');
  });
});

describe('the data directory', () => {
  it('follows XIANJIE_DATA_DIR like every other room (absolute, or relative to the repo root)', () => {
    expect(parseCliArgs(['demo'], '/tmp', { XIANJIE_DATA_DIR: '/srv/xianjie-data' }).out).toBe(
      '/srv/xianjie-data/snapshots/demo.json',
    );
    expect(parseCliArgs(['scale'], '/tmp', { XIANJIE_DATA_DIR: 'var/data' }).out).toBe(
      join(ROOT, 'var/data/snapshots/scale.json'),
    );
  });
});
