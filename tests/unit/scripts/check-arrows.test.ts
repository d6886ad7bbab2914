import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArrows } from '../../../scripts/check-arrows.ts';

/**
 * The arrows check (scripts/check-arrows.ts, `npm run check`) on small trees of our rooms: a clean
 * one passes, and each kind of bad import — in TypeScript and in `.astro` frontmatter — fails.
 */
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const CLEAN: Record<string, string> = {
  'content/index.ts': "export * from './contracts/money.ts';\n",
  'content/contracts/money.ts': 'export const formatYuan = (fen: number) => String(fen / 100);\n',
  'content/node/index.ts':
    "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n",
  'donations/index.ts': "export { handler } from './http/handler.ts';\n",
  'donations/http/handler.ts':
    "import { formatYuan } from '../../content/index.ts';\nexport const handler = () => formatYuan(1);\n",
  'site/pages/api/donations.ts':
    "import { handler } from '../../../donations/index.ts';\nexport const POST = handler;\n",
  'site/pages/index.astro':
    "---\nimport { formatYuan } from '../../content/index.ts';\nconst x = formatYuan(1);\n---\n<p>{x}</p>\n",
  'site/islands/money.ts':
    "import { formatYuan } from '../../content/contracts/money.ts';\nexport const m = formatYuan;\n",
  'publisher/start.ts': "import { handler } from '../donations/index.ts';\nexport const h = handler;\n",
  'bench/run.ts': "import { handler } from '../donations/http/handler.ts';\nexport const b = handler;\n",
  'tests/unit/x.test.ts': "import { handler } from '../../donations/http/handler.ts';\nexport const t = handler;\n",
};

function tree(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'xianjie-arrows-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the arrows check', () => {
  it('passes a tree that keeps to DESIGN.md', async () => {
    const report = await checkArrows(tree(), []);
    expect(report.violations).toEqual([]);
    expect(report.cycles).toEqual([]);
  });

  it.each([
    [
      'content/ importing a room',
      'content/rules/x.ts',
      "import { handler } from '../../donations/index.ts';\nexport const x = handler;\n",
      'content-imports-nothing-of-ours',
      'donations/index.ts',
    ],
    [
      'browser-safe content/ using Node',
      'content/rules/y.ts',
      "import { join } from 'node:path';\nexport const y = join;\n",
      'content-browser-safe',
      'path',
    ],
    [
      'a page reaching into donations',
      'site/lib/bounds.ts',
      "import { handler } from '../../donations/http/handler.ts';\nexport const z = handler;\n",
      'site-reaches-donations-only-from-api-routes',
      'donations/http/handler.ts',
    ],
    [
      'a page using the donations face outside API routes',
      'site/lib/face.ts',
      "import { handler } from '../../donations/index.ts';\nexport const z = handler;\n",
      'site-pages-api-only',
      'donations/index.ts',
    ],
    [
      'the publisher importing donations internals',
      'publisher/limit.ts',
      "import { handler } from '../donations/http/handler.ts';\nexport const l = handler;\n",
      'publisher-through-faces',
      'donations/http/handler.ts',
    ],
    [
      'the publisher importing site/',
      'publisher/build.ts',
      "import { m } from '../site/islands/money.ts';\nexport const b = m;\n",
      'publisher-not-into-site',
      'site/islands/money.ts',
    ],
    [
      'anything importing cms/',
      'donations/cms.ts',
      "import { c } from '../cms/src/c.ts';\nexport const d = c;\n",
      'nothing-imports-cms',
      'cms/src/c.ts',
    ],
    [
      'a benchmark importing a test',
      'bench/uses-test.ts',
      "import { t } from '../tests/unit/x.test.ts';\nexport const u = t;\n",
      'bench-imports-no-test',
      'tests/unit/x.test.ts',
    ],
    [
      'an island using Node',
      'site/islands/fs.ts',
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      'islands-browser-safe',
      'fs',
    ],
  ])('fails on %s', async (_what, path, text, rule, to) => {
    const extra: Record<string, string> = { [path]: text };
    if (path === 'donations/cms.ts') extra['cms/src/c.ts'] = 'export const c = 1;\n';
    const report = await checkArrows(tree(extra), []);
    expect(report.violations).toContainEqual({ rule, from: path, to });
  });

  it('reads .astro frontmatter, which dependency-cruiser does not parse', async () => {
    const page =
      "---\nimport { matchesCause } from '../../../donations/routing.ts';\n---\n<p>{String(matchesCause)}</p>\n";
    const report = await checkArrows(
      tree({ 'site/pages/needs/[province].astro': page, 'donations/routing.ts': 'export const matchesCause = 1;\n' }),
      [],
    );
    expect(report.violations).toContainEqual({
      rule: 'site-reaches-donations-only-from-api-routes',
      from: 'site/pages/needs/[province].astro',
      to: 'donations/routing.ts',
    });
  });

  it('finds a cycle between rooms, and accepts exactly the allowed edges', async () => {
    const root = tree({
      'search/client/index.ts': "import { m } from '../../site/islands/money.ts';\nexport const s = m;\n",
      'site/islands/search.ts': "import { s } from '../../search/client/index.ts';\nexport const q = s;\n",
    });
    const strict = await checkArrows(root, []);
    expect(strict.violations).toContainEqual({
      rule: 'search-not-into-other-rooms',
      from: 'search/client/index.ts',
      to: 'site/islands/money.ts',
    });
    const edge = { rule: 'search-not-into-other-rooms', from: 'search/client/index.ts', to: 'site/islands/money.ts' };
    const allowed = await checkArrows(root, [{ ...edge, owner: 'a test' }]);
    expect(allowed.violations).toEqual([]);
    expect(allowed.staleAllowances).toEqual([]);
    expect(strict.cycles).toEqual([['search', 'site']]);
    // An allowed edge is left out of the room graph too: the allowance owns that cycle.
    expect(allowed.cycles).toEqual([]);
  });

  it('exits 1 from the command line on a bad import (what `npm run check` relies on)', async () => {
    const root = tree({
      'site/lib/bad.ts': "import { handler } from '../../donations/http/handler.ts';\nexport const b = handler;\n",
    });
    const run = promisify(execFile)(join(REPO, 'node_modules/.bin/tsx'), [
      join(REPO, 'scripts/check-arrows.ts'),
      '--root',
      root,
    ]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('site/lib/bad.ts → donations/http/handler.ts'),
    });
  });
});
