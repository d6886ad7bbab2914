import { describe, expect, it } from 'vitest';
import {
  type AdditiveGroup,
  type CellStatus,
  isSmallCount,
  suppressCells,
} from '../../../../content/rules/small-cell-suppression.ts';

/**
 * A two-way table written as rows of numbers: cell `r{i}c{j}`, row totals `r{i}T`, column totals
 * `Tc{j}`, grand total `TT`. Totals are computed, so every case is a consistent table.
 */
function table(rows: number[][]): { values: Map<string, number>; groups: AdditiveGroup[] } {
  const values = new Map<string, number>();
  const groups: AdditiveGroup[] = [];
  const width = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    for (const [j, v] of row.entries()) values.set(`r${i}c${j}`, v);
    values.set(
      `r${i}T`,
      row.reduce((a, b) => a + b, 0),
    );
    groups.push({ total: `r${i}T`, parts: row.map((_, j) => `r${i}c${j}`) });
  });
  for (let j = 0; j < width; j++) {
    values.set(
      `Tc${j}`,
      rows.reduce((a, row) => a + (row[j] ?? 0), 0),
    );
    groups.push({ total: `Tc${j}`, parts: rows.map((_, i) => `r${i}c${j}`) });
  }
  values.set(
    'TT',
    rows.flat().reduce((a, b) => a + b, 0),
  );
  groups.push({ total: 'TT', parts: rows.map((_, i) => `r${i}T`) });
  groups.push({ total: 'TT', parts: Array.from({ length: width }, (_, j) => `Tc${j}`) });
  return { values, groups };
}

function hiddenOf(status: Map<string, CellStatus>, kind: CellStatus): string[] {
  return [...status]
    .filter(([, s]) => s === kind)
    .map(([k]) => k)
    .sort();
}

/** No additive group may have exactly one hidden member: the property the rule exists for. */
function revealed(status: Map<string, CellStatus>, groups: AdditiveGroup[]): AdditiveGroup[] {
  return groups.filter((g) => [g.total, ...g.parts].filter((k) => status.get(k) !== 'shown').length === 1);
}

/**
 * Brute force, independent of the rule's own arithmetic: in every sum with its total shown, can
 * each hidden "<5" still take at least two values, given what a reader knows (a "<5" is 1–4, a
 * complement ≥ 5, the hidden parts add up to what the shown ones leave)? Returns the pinned cells.
 */
function pinned(values: Map<string, number>, status: Map<string, CellStatus>, groups: AdditiveGroup[]): string[] {
  const out: string[] = [];
  for (const g of groups) {
    if (status.get(g.total) !== 'shown') continue;
    const hidden = g.parts.filter((k) => status.get(k) !== 'shown');
    const left =
      (values.get(g.total) ?? 0) -
      g.parts.filter((k) => status.get(k) === 'shown').reduce((t, k) => t + (values.get(k) ?? 0), 0);
    for (const cell of hidden.filter((k) => status.get(k) === 'small')) {
      // Sums the other hidden cells can make, up to `left`.
      let reachable = new Set([0]);
      for (const other of hidden.filter((k) => k !== cell)) {
        const next = new Set<number>();
        const [lo, hi] = status.get(other) === 'small' ? [1, 4] : [5, left];
        for (const r of reachable) for (let v = lo; v <= hi && r + v <= left; v++) next.add(r + v);
        reachable = next;
      }
      const possible = [1, 2, 3, 4].filter((v) => reachable.has(left - v));
      if (possible.length < 2) out.push(`${cell} in ${g.total}`);
    }
  }
  return out;
}

describe('isSmallCount (primary rule)', () => {
  it.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
    [120, false],
  ])('%i → %s', (value, small) => {
    expect(isSmallCount(value)).toBe(small);
  });
});

describe('suppressCells', () => {
  const cases: { name: string; rows: number[][]; small: string[]; complement: string[] }[] = [
    {
      name: 'nothing small: nothing hidden, zeros shown',
      rows: [
        [10, 0],
        [7, 9],
      ],
      small: [],
      complement: [],
    },
    {
      name: 'complementary: one small cell takes the smallest of its row and column with it, then the crossing cell',
      rows: [
        [3, 20, 30],
        [8, 40, 50],
        [9, 60, 70],
      ],
      // r0c0=3 is small. Row 0 would give it away: hide r0c1=20 (smallest there). Column 0: hide
      // r1c0=8. Column 1 now has 20 alone: hide r1c1=40. Row 1 then has 8 and 40: stable.
      small: ['r0c0'],
      complement: ['r0c1', 'r1c0', 'r1c1'],
    },
    {
      name: 'two small cells in one row protect each other there, columns still need partners',
      rows: [
        [2, 3, 40],
        [9, 12, 30],
      ],
      // Row 0 has two hidden: fine. Column 0 (2) hides 9; column 1 (3) hides 12; row 1 then has
      // 9 and 12 hidden: fine.
      small: ['r0c0', 'r0c1'],
      complement: ['r1c0', 'r1c1'],
    },
    {
      name: 'a zero is never a complement; the total goes when every other part is 0',
      rows: [
        [3, 0],
        [0, 8],
      ],
      // r0c0=3, row total r0T=3 and column total Tc0=3 are small themselves (three of a kind).
      // Row 1 and column 1 are fine. TT=11 over rows (r0T hidden, r1T=8): hide r1T; over columns
      // (Tc0 hidden, Tc1=8): hide Tc1. Row 1 now has r1T hidden alone: hide r1c1 (8, not the 0).
      small: ['Tc0', 'r0T', 'r0c0'],
      complement: ['Tc1', 'r1T', 'r1c1'],
    },
    {
      name: 'ties go to the part before the total, then by key',
      rows: [[4, 6, 6]],
      // Row: 4 hidden; 6, 6 and the total 16: hide r0c1. Column 0: total Tc0=4 hidden too.
      small: ['Tc0', 'r0c0'],
      complement: ['Tc1', 'r0c1'],
    },
  ];

  it.each(cases)('$name', ({ rows, small, complement }) => {
    const { values, groups } = table(rows);
    const status = suppressCells(values, groups);
    expect(hiddenOf(status, 'small')).toEqual(small);
    expect(hiddenOf(status, 'complement')).toEqual(complement);
    expect(revealed(status, groups)).toEqual([]);
    expect(pinned(values, status, groups)).toEqual([]);
  });

  it('hierarchy: a county hidden in its province forces a partner county, and the province in the country', () => {
    // Province P1 = counties A (3) + B (10) + C (12); province P2 = counties D (20) + E (25);
    // country = P1 + P2. One measure, one group, so only the hierarchy sums apply.
    const values = new Map([
      ['A', 3],
      ['B', 10],
      ['C', 12],
      ['D', 20],
      ['E', 25],
      ['P1', 25],
      ['P2', 45],
      ['CN', 70],
    ]);
    const groups: AdditiveGroup[] = [
      { total: 'P1', parts: ['A', 'B', 'C'] },
      { total: 'P2', parts: ['D', 'E'] },
      { total: 'CN', parts: ['P1', 'P2'] },
    ];
    const status = suppressCells(values, groups);
    expect(hiddenOf(status, 'small')).toEqual(['A']);
    // B is the smallest partner in P1; the country sum has nothing hidden, so the provinces stay.
    expect(hiddenOf(status, 'complement')).toEqual(['B']);
    expect(revealed(status, groups)).toEqual([]);
  });

  it('hierarchy: a province hidden in the country (its own count is small) takes the next province with it', () => {
    const values = new Map([
      ['A', 2],
      ['B', 1],
      ['D', 6],
      ['E', 9],
      ['P1', 3],
      ['P2', 15],
      ['CN', 18],
    ]);
    const groups: AdditiveGroup[] = [
      { total: 'P1', parts: ['A', 'B'] },
      { total: 'P2', parts: ['D', 'E'] },
      { total: 'CN', parts: ['P1', 'P2'] },
    ];
    const status = suppressCells(values, groups);
    expect(hiddenOf(status, 'small')).toEqual(['A', 'B', 'P1']);
    // CN − P2 would give P1: hide P2 (15 < 18); then P2's counties must not give it back: hide D.
    expect(hiddenOf(status, 'complement')).toEqual(['D', 'P2']);
    expect(revealed(status, groups)).toEqual([]);
  });

  // One sum, total T of parts a, b, c. The reader knows a "<5" is 1–4 and a complement ≥ 5.
  it.each([
    {
      name: 'two "<5" leaving 2 are both 1: hide the third, and as 1 + 1 + 5 = 7 still pins them, the total',
      a: 1,
      b: 1,
      c: 5,
      complement: ['T', 'c'],
    },
    {
      name: 'two "<5" leaving 2, beside a 9: hiding the 9 leaves room (each of a, b is 1 or 2… up to 4)',
      a: 1,
      b: 1,
      c: 9,
      complement: ['c'],
    },
    { name: 'two "<5" leaving 8 are both 4: hide the third', a: 4, b: 4, c: 20, complement: ['c'] },
    { name: 'two "<5" leaving 5 can be 1+4, 2+3…: nothing more', a: 2, b: 3, c: 20, complement: [] },
  ])('bounds: $name', ({ a, b, c, complement }) => {
    const values = new Map([
      ['a', a],
      ['b', b],
      ['c', c],
      ['T', a + b + c],
    ]);
    const status = suppressCells(values, [{ total: 'T', parts: ['a', 'b', 'c'] }]);
    expect(hiddenOf(status, 'small')).toEqual(['a', 'b']);
    expect(hiddenOf(status, 'complement')).toEqual(complement);
  });

  it('refuses negative or fractional counts and groups naming unknown cells', () => {
    expect(() => suppressCells(new Map([['a', -1]]), [])).toThrow(RangeError);
    expect(() => suppressCells(new Map([['a', 1.5]]), [])).toThrow(RangeError);
    expect(() => suppressCells(new Map([['a', 1]]), [{ total: 'a', parts: ['b'] }])).toThrow(/b/);
  });

  it('a larger random table never leaves a sum with exactly one hidden member', () => {
    // A fixed pseudo-random table (LCG), so the property is checked on more than hand cases.
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const rows = Array.from({ length: 9 }, () =>
      Array.from({ length: 8 }, () => [0, 1, 2, 4, 5, 7, 12, 30][next() % 8] ?? 0),
    );
    const { values, groups } = table(rows);
    const status = suppressCells(values, groups);
    expect(revealed(status, groups)).toEqual([]);
    expect(pinned(values, status, groups)).toEqual([]);
    for (const [key, value] of values) {
      if (value > 0 && value < 5) expect(status.get(key), key).toBe('small');
      if (value === 0) expect(status.get(key), key).toBe('shown');
    }
  });
});
