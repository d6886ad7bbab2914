import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Unit tests mirror the source they test (issue 14 item 5): `tests/unit/<room>/<path>.test.ts`
 * tests `<room>/<path>.ts` (or `.tsx`, `.astro`), so the test of a file is found without a search,
 * and a test left behind by a move or a rename fails here instead of quietly testing nothing new.
 * What is not a test (fixtures, harnesses, judged data) lives in `tests/support/`.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UNIT = join(ROOT, 'tests', 'unit');
const SOURCE_ENDINGS = ['.ts', '.tsx', '.astro'];

/**
 * Unit tests of a property that cuts across rooms, so no one source file is theirs. Each entry is
 * a path under tests/unit and the reason it mirrors nothing; keep this list short.
 */
const CROSS_CUTTING = new Map<string, string>([
  ['tests-mirror-source.test.ts', 'this check: it reads the layout of tests/unit, not one source file'],
  [
    'search/client/engines.test.ts',
    'the two browser engines (meilisearch-engine.ts, pagefind-engine.ts) held to one SearchEngine contract',
  ],
]);

const underUnit = readdirSync(UNIT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name).slice(UNIT.length + 1))
  .sort();

describe('unit tests mirror source paths', () => {
  it('every tests/unit/<room>/<path>.test.ts has its <room>/<path>.ts, .tsx or .astro', () => {
    const stray = underUnit
      .filter((path) => path.endsWith('.test.ts') && !CROSS_CUTTING.has(path))
      .filter((path) => {
        // `<name>.<aspect>.test.ts` also mirrors `<name>.ts`: one source, a second file for one
        // aspect of it (generate.scale.test.ts, server-search.relevance.test.ts).
        const source = join(ROOT, path.slice(0, -'.test.ts'.length));
        const withoutAspect = source.replace(/\.[a-z-]+$/, '');
        return ![source, withoutAspect].some((s) => SOURCE_ENDINGS.some((ending) => existsSync(`${s}${ending}`)));
      });
    expect(stray, 'move the test next to its source’s path, or say in CROSS_CUTTING why it has none').toEqual([]);
  });

  it('holds nothing but tests (fixtures and harnesses live in tests/support/)', () => {
    expect(underUnit.filter((path) => !path.endsWith('.test.ts'))).toEqual([]);
  });

  it('allows only cross-cutting tests that exist', () => {
    expect([...CROSS_CUTTING.keys()].filter((path) => !underUnit.includes(path))).toEqual([]);
  });
});
