/**
 * Small-cell suppression for published counts (DOMAIN.md §9 "Publishing aggregates", the usual
 * statistical disclosure control of official statistics).
 *
 * Primary: a count of 1–4 is never published; it shows as "<5". A count of 0 IS published as 0:
 * it points at no household (there is nobody to single out), and hiding zeros would make a county
 * with no referrals look like one with a few, which misleads the public the tables are for.
 * The threshold rule protects people who exist; a zero has none (the same convention as the
 * UK ONS and Eurostat table guidance, where zeros are protected only when they disclose an
 * attribute of a whole known group — which a referral count cannot: nobody is known to be in it).
 *
 * Complementary (secondary): a published total is the sum of its published parts, so a table
 * where exactly one member of a sum is hidden gives that member away by subtraction. For every
 * additive group (a total and its parts — a row, a column, a province and its counties, the
 * country and its provinces) with exactly one hidden member we hide one more: the smallest
 * non-zero member still shown. Never a zero: the reader would learn that the two hidden cells add
 * up to the small one's value, and with a hidden 1 beside a hidden 0 that is the 1 itself; a
 * non-zero complement adds at least its own value to the reader's doubt. Hiding one cell can expose
 * another group it belongs to, so the pass repeats over every group until nothing changes;
 * it only ever adds hidden cells, so it ends.
 *
 * This is the classic "at least two hidden per sum" rule, not an optimal (linear programming)
 * cell-suppression: enough for the small, two-way tables the portal publishes.
 */

export const SMALL_CELL_THRESHOLD = 5;

/** `small`: 1…threshold−1, shown as "<5"; `complement`: hidden so a sum does not reveal a small cell. */
export type CellStatus = 'shown' | 'small' | 'complement';

/** `total` = Σ `parts`, every one of them a published cell key. */
export interface AdditiveGroup {
  total: string;
  parts: readonly string[];
}

/** The primary rule alone: is this count too small to publish? */
export function isSmallCount(value: number, threshold = SMALL_CELL_THRESHOLD): boolean {
  return value > 0 && value < threshold;
}

/**
 * The status of every cell of `values` after primary and complementary suppression over `groups`.
 * Deterministic: candidates are taken smallest value first, then parts before the total, then by
 * key, and groups are visited in the order given.
 */
export function suppressCells(
  values: ReadonlyMap<string, number>,
  groups: readonly AdditiveGroup[],
  threshold = SMALL_CELL_THRESHOLD,
): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const [key, value] of values) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`计数应为非负整数：${key} = ${value}`);
    status.set(key, isSmallCount(value, threshold) ? 'small' : 'shown');
  }
  const countOf = (key: string): number => {
    const value = values.get(key);
    if (value === undefined) throw new RangeError(`加总关系引用了不存在的单元格：${key}`);
    return value;
  };
  for (const group of groups) {
    countOf(group.total);
    for (const part of group.parts) countOf(part);
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const members = [...new Set([...group.parts, group.total])];
      const hidden = members.filter((key) => status.get(key) !== 'shown');
      if (hidden.length !== 1) continue;
      const candidate = members
        .filter((key) => status.get(key) === 'shown' && countOf(key) > 0)
        .sort(
          (a, b) =>
            countOf(a) - countOf(b) ||
            Number(a === group.total) - Number(b === group.total) ||
            (a < b ? -1 : a > b ? 1 : 0),
        )[0];
      // No candidate means every other member is 0, so the hidden one equals its sum's other
      // side and is 0 itself — which is never hidden. Data that breaks its own sums lands here.
      if (candidate === undefined) continue;
      status.set(candidate, 'complement');
      changed = true;
    }
  }
  return status;
}
