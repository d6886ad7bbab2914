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
 * "At least two hidden per sum" is not enough on its own: the reader knows a "<5" is 1…4 and a
 * complement at least 5, so two "<5" leaving 2 are both 1. `exposesSmallCell` checks those bounds
 * per sum and the pass hides more until no small cell is pinned to one value (or the total goes).
 * It is a per-sum check, not an optimal (linear programming) cell suppression over the whole
 * table: enough for the small tables the portal publishes.
 */

export const SMALL_CELL_THRESHOLD = 5;

/** `small`: 1…threshold−1, shown as "<5"; `complement`: hidden so a sum does not reveal a small cell. */
export type CellStatus = 'shown' | 'small' | 'complement';

/** `total` = Σ `parts`, every one of them a published cell key. */
export interface AdditiveGroup {
  total: string;
  parts: readonly string[];
}

/**
 * Can a reader work out a hidden small cell of this sum exactly? With the total shown, the hidden
 * parts add up to what the shown ones leave; the reader also knows each "<5" is 1…4 (0 is shown
 * as 0) and each complement is at least the threshold (complements are taken from shown, non-zero
 * cells, and those are never below it). A small cell is exposed when those bounds leave it one
 * value: alone in the sum, two "<5" adding up to 2 (both 1) or to 8 (both 4), or a "<5" beside a
 * complement of 5 with 6 left over. With the total hidden, exactly one hidden member is exposed.
 */
function exposesSmallCell(
  group: AdditiveGroup,
  status: ReadonlyMap<string, CellStatus>,
  countOf: (key: string) => number,
  threshold: number,
): boolean {
  const parts = [...new Set(group.parts)].filter((key) => key !== group.total);
  const hiddenParts = parts.filter((key) => status.get(key) !== 'shown');
  if (status.get(group.total) !== 'shown') return hiddenParts.length === 0;
  if (hiddenParts.length === 0) return false;
  if (hiddenParts.length === 1) return true;
  const left =
    countOf(group.total) -
    parts.filter((key) => status.get(key) === 'shown').reduce((sum, key) => sum + countOf(key), 0);
  const low = (key: string) => (status.get(key) === 'small' ? 1 : threshold);
  const high = (key: string) => (status.get(key) === 'small' ? threshold - 1 : Number.POSITIVE_INFINITY);
  return hiddenParts.some((key) => {
    if (status.get(key) !== 'small') return false;
    const others = hiddenParts.filter((other) => other !== key);
    const min = Math.max(1, left - others.reduce((sum, o) => sum + high(o), 0));
    const max = Math.min(threshold - 1, left - others.reduce((sum, o) => sum + low(o), 0));
    return max <= min;
  });
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
      if (!exposesSmallCell(group, status, countOf, threshold)) continue;
      const candidate = members
        .filter((key) => status.get(key) === 'shown' && countOf(key) > 0)
        .sort(
          (a, b) =>
            countOf(a) - countOf(b) ||
            Number(a === group.total) - Number(b === group.total) ||
            (a < b ? -1 : a > b ? 1 : 0),
        )[0];
      // No candidate means every other member is 0 or hidden already, and the total is hidden:
      // then the sum is no equation a reader has. Data that breaks its own sums lands here too.
      if (candidate === undefined) continue;
      status.set(candidate, 'complement');
      changed = true;
    }
  }
  return status;
}
