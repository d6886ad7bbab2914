import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { referralAggregatesSchema, snapshotSchema } from '../../content/index.ts';
import { REFERRAL_HOUSEHOLD_STRINGS } from '../support/fixtures/referral-households.ts';
import { type ReleaseFile, releaseFiles } from '../support/release-files.ts';

/**
 * The 衔接 workbench's results in a built release (the e2e demo build: its snapshot carries the
 * aggregates of a few hundred fictional facts, with many cells under 5): only suppressed counts
 * reach the pages and the open data, no fact-level row reaches any file, and none of the
 * workbench's personal strings (tests/support/fixtures/referral-households.ts — extend that list
 * with every household the workbench's demo holds) appears in any file of the release, the
 * server bundle, the search documents and the snapshot included. Gzipped files (Pagefind's
 * fragments, precompressed siblings) are searched unpacked too.
 */
const clientDir = inject('clientDir');
const work = join(clientDir, '..', '..');

/** What a count cell may say: 0, ≥ 5, "<5" or the complement mark (JSON/CSV) / 已隐去 (pages). */
function allowedCount(text: string): boolean {
  const t = text.trim().replace(/,/g, '');
  if (t === '<5' || t === '&lt;5' || t === 'suppressed' || t === '已隐去') return true;
  if (!/^\d+$/.test(t)) return false;
  const n = Number(t);
  return n === 0 || n >= 5;
}

const COUNT_COLUMNS = [
  'referrals_made',
  'referrals_awaiting',
  'referrals_accepted',
  'referrals_declined',
  'referrals_overdue',
  'referrals_helped',
  'reports_made',
  'reports_pending',
  'reports_assessed',
  'reports_not_eligible',
  'reports_assisted',
  'reports_helped_to_apply',
];

let files: ReleaseFile[] = [];
beforeAll(async () => {
  files = await releaseFiles(work);
});

describe('referral aggregates in a release', () => {
  it('the snapshot holds suppressed aggregates only, with small and complementary cells in them', async () => {
    const snapshot = snapshotSchema.parse(JSON.parse(await readFile(join(work, 'demo.json'), 'utf8')));
    const aggregates = referralAggregatesSchema.parse(snapshot.referralAggregates);
    const text = JSON.stringify(aggregates);
    expect(text).toContain('"<5"');
    expect(text).toContain('"suppressed"');
  });

  it('open data: every count in referrals.json and referrals.csv is 0, ≥ 5, "<5" or "suppressed"', async () => {
    const json = JSON.parse(await readFile(join(clientDir, 'data', 'referrals.json'), 'utf8')) as {
      count: number;
      items: Record<string, unknown>[];
    };
    expect(json.count).toBeGreaterThan(20);
    const bad = json.items.flatMap((item) =>
      COUNT_COLUMNS.filter((c) => !allowedCount(String(item[c]))).map((c) => `${item.region_name} ${c}=${item[c]}`),
    );
    expect(bad).toEqual([]);
    expect(json.items.some((item) => item.referrals_made === '<5')).toBe(true);

    const csv = (await readFile(join(clientDir, 'data', 'referrals.csv'), 'utf8')).replace(/^\uFEFF/, '');
    const [header = '', ...rows] = csv.trimEnd().split('\r\n');
    const names = header.split(',');
    expect(rows.length).toBe(json.count);
    for (const row of rows) {
      const cells = row.split(',');
      for (const c of COUNT_COLUMNS) expect(allowedCount(cells[names.indexOf(c)] ?? ''), `${row} ${c}`).toBe(true);
    }
  });

  it('pages: every count cell of every referral table is 0, ≥ 5, "<5" or 已隐去, on the needs pages and the dashboard', () => {
    const pages = files.filter((f) => f.path.endsWith('index.html') && f.bytes.includes('referral-table'));
    const paths = pages.map((p) => p.path.slice(clientDir.length));
    expect(paths).toContain('/transparency/index.html');
    expect(paths).toContain('/needs/index.html');
    expect(paths.filter((p) => /^\/needs\/\d{6}\/index\.html$/.test(p)).length).toBeGreaterThan(1);
    let cells = 0;
    for (const page of pages) {
      const html = page.bytes.toString('utf8');
      for (const table of html.match(/<table class="referral-table">[\s\S]*?<\/table>/g) ?? []) {
        for (const [, cell = ''] of table.matchAll(/<td class="num">(.*?)<\/td>/g)) {
          const text = cell.replace(/<[^>]+>/g, '');
          // Derived figures (days, percent, —) are not counts.
          if (/[天%—]/.test(text)) continue;
          cells += 1;
          expect(allowedCount(text), `${page.path}: ${text}`).toBe(true);
        }
      }
    }
    expect(cells).toBeGreaterThan(500);
  });

  it('no fact-level row: no file of the client, search documents or snapshot has a fact’s fields or values', () => {
    // The JavaScript of islands may carry the contract's constants; data files may not.
    const data = files.filter(
      (f) => !/\.(m?js|css)(\.gz| \(gunzip\))?$/.test(f.path) && !f.path.includes(`${join('site', 'server')}`),
    );
    expect(data.length).toBeGreaterThan(1000);
    for (const needle of [
      'createdOn',
      'acceptedOn',
      'to-civil-affairs',
      'to-charity',
      'closed-unhelped',
      'helped-to-apply',
    ]) {
      const hits = data.filter((f) => f.bytes.includes(needle)).map((f) => f.path);
      expect(hits, needle).toEqual([]);
    }
  });

  it('no household name, ID number, phone, address or note the workbench holds appears in any file', () => {
    expect(REFERRAL_HOUSEHOLD_STRINGS.length).toBeGreaterThan(20);
    // The search finds what is there (a county name of the tables, inside a gzipped Pagefind
    // fragment too), so an empty result below means absent, not unsearched.
    expect(files.some((f) => f.path.endsWith('(gunzip)') && f.bytes.includes('需求'))).toBe(true);
    const hits = REFERRAL_HOUSEHOLD_STRINGS.flatMap((s) =>
      files.filter((f) => f.bytes.includes(s)).map((f) => `${s} ← ${f.path}`),
    );
    expect(hits).toEqual([]);
  });
});
