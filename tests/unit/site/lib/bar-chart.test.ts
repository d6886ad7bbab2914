import { describe, expect, it } from 'vitest';
import { CHART, layoutBars } from '../../../../site/lib/bar-chart.ts';

const rows = [
  { label: '甲省', values: [400, 100], valueLabels: ['4.00 元', '1.00 元'] },
  { label: '乙省', values: [150, 0], valueLabels: ['1.50 元', '0.00 元'] },
  { label: '丙省', values: [1, 0], valueLabels: ['0.01 元', '0.00 元'] },
];

describe('bar chart layout in % across and em down', () => {
  const layout = layoutBars(rows, 2);

  it('scales bars to the largest value across the full width, keeps a sliver for tiny values and none for zero', () => {
    expect(layout.rows.map((r) => r.bars.map((b) => b.widthPct))).toEqual([
      [100, 25],
      [37.5, 0],
      [0.5, 0],
    ]);
  });

  it('puts a figure inside its bar only past half the width, so it never runs off the right edge', () => {
    expect(layout.rows.map((r) => r.bars.map((b) => b.inside))).toEqual([
      [true, false],
      [false, false],
      [false, false],
    ]);
  });

  it('stacks each row as its label line then one bar per series, and is as tall as its rows', () => {
    const [first, second] = layout.rows;
    const rowHeight = CHART.labelLine + 2 * CHART.barHeight + CHART.barGap;
    expect(first?.bars[0]?.y).toBeCloseTo(CHART.top + CHART.labelLine);
    expect(first?.bars[1]?.y).toBeCloseTo(CHART.top + CHART.labelLine + CHART.barHeight + CHART.barGap);
    expect(second?.bars[0]?.y).toBeCloseTo(CHART.top + rowHeight + CHART.rowGap + CHART.labelLine);
    expect(first?.labelY).toBeLessThan(first?.bars[0]?.y ?? 0);
    expect(first?.bars[0]?.textY).toBeCloseTo((first?.bars[0]?.y ?? 0) + CHART.barHeight / 2);
    expect(layout.height).toBeCloseTo(CHART.top * 2 + 3 * rowHeight + 2 * CHART.rowGap);
  });

  it('draws an empty chart as no rows and only its margins', () => {
    expect(layoutBars([], 1)).toEqual({ height: CHART.top * 2, rows: [] });
  });
});
