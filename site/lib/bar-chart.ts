/**
 * Geometry of a horizontal bar chart, computed at build time so the page ships an SVG and no
 * chart library. Values are whatever the caller counts in (fen, charities); only bar lengths are
 * scaled, and the exact figures go in the data table beside the chart.
 */
export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  values: readonly number[];
  /** Text shown after each bar. */
  valueLabels: readonly string[];
}

export interface BarGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  series: number;
  valueLabel: string;
  labelX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  labelWidth: number;
  rows: { label: string; labelY: number; bars: BarGeometry[] }[];
}

export const CHART = {
  width: 720,
  labelWidth: 168,
  valueWidth: 132,
  barHeight: 16,
  barGap: 2,
  rowGap: 14,
  top: 8,
} as const;

export function layoutBars(rows: readonly ChartRow[], seriesCount: number): ChartLayout {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const area = CHART.width - CHART.labelWidth - CHART.valueWidth;
  const rowHeight = seriesCount * CHART.barHeight + (seriesCount - 1) * CHART.barGap;
  const laidOut = rows.map((row, i) => {
    const top = CHART.top + i * (rowHeight + CHART.rowGap);
    const bars = row.values.map((value, s) => {
      // A non-zero value keeps a visible sliver so it never reads as zero.
      const width = value <= 0 ? 0 : Math.max(2, Math.round((value / max) * area));
      return {
        x: CHART.labelWidth,
        y: top + s * (CHART.barHeight + CHART.barGap),
        width,
        height: CHART.barHeight,
        series: s,
        valueLabel: row.valueLabels[s] ?? '',
        labelX: CHART.labelWidth + width + 6,
      };
    });
    return { label: row.label, labelY: top + rowHeight / 2, bars };
  });
  const height = CHART.top * 2 + rows.length * rowHeight + Math.max(0, rows.length - 1) * CHART.rowGap;
  return { width: CHART.width, height, labelWidth: CHART.labelWidth, rows: laidOut };
}
