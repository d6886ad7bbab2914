import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One way to show money and dates (issue 15: "7.60 万元" beside "3,198.75 元", three date formats,
 * a second yuan formatter in the CMS and another in datasets/). Money and human-facing dates are
 * written by content/contracts/money.ts and format.ts only; this looks through the source of every
 * room that shows them for a formatter of its own.
 */
const ROOT = join(import.meta.dirname, '../../../..');
const ROOMS = ['site', 'cms/src', 'datasets', 'donations', 'search', 'content'];
const OWNERS = new Set(['content/contracts/money.ts', 'content/contracts/format.ts']);

const HOMEMADE: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a unit written after an interpolated number', pattern: /\}\s?(?:万元|亿元)|toFixed\(\d\)\}?\s?元/ },
  { what: 'thousands grouped by hand', pattern: /\(\\d\{3\}\)\+/ },
  {
    what: 'the runtime locale formatting money or dates',
    pattern: /toLocale(?:Date|Time)?String\(|Intl\.(?:NumberFormat|DateTimeFormat)/,
  },
  { what: 'a day written by hand', pattern: /\}年\$\{[^}]*\}月\$\{[^}]*\}日/ },
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|astro)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('one money and date formatter', () => {
  it('has nothing else in the rooms that show money and dates', () => {
    const files = ROOMS.flatMap(sources).filter((f) => !OWNERS.has(f));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(?:\*|\/\/)/.test(line)) return;
        for (const { what, pattern } of HOMEMADE) if (pattern.test(line)) found.push(`${file}:${i + 1} ${what}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('would notice each kind of home-made formatter', () => {
    const samples = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the guard must catch
      '`${(fen / 1_000_000).toFixed(2)} 万元`',
      "whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',')",
      "when.toLocaleString('zh-CN')",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the guard must catch
      '`${y}年${Number(m)}月${Number(d)}日`',
    ];
    for (const [i, sample] of samples.entries()) expect(HOMEMADE[i]?.pattern.test(sample), sample).toBe(true);
  });
});
