/**
 * Geometry of a horizontal bar chart, computed at build time so the page ships an SVG and no
 * chart library. Values are whatever the caller counts in (fen, charities); only bar lengths are
 * scaled, and the exact figures go in the data table beside the chart.
 *
 * The SVG has no viewBox: lengths across are percentages of its width and lengths down are em of
 * its font-size, so it fits any screen without scaling its text down (a 720-unit viewBox drew
 * 13 px labels at 6 px on a phone), and 长辈模式's larger type makes the whole chart taller.
 * Each row is its label on a line of its own, then one bar per series across the full width with
 * the figure after the bar — or inside its end, in white, once the bar is past half the width, so
 * the figure never runs off the right edge.
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
  /** em from the top of the chart. */
  y: number;
  height: number;
  /** em from the top to the middle of the bar, where its figure is centred. */
  textY: number;
  /** Percent of the chart's width, 0 for a zero value. */
  widthPct: number;
  series: number;
  valueLabel: string;
  /** Whether the figure is drawn inside the bar's end (text-anchor end) rather than after it. */
  inside: boolean;
}

export interface ChartLayout {
  /** em. */
  height: number;
  rows: { label: string; labelY: number; bars: BarGeometry[] }[];
}

/** In em of the chart's font-size. */
export const CHART = {
  labelLine: 1.4,
  barHeight: 1.35,
  barGap: 0.2,
  rowGap: 0.7,
  top: 0.2,
  /** Past this share of the width a figure goes inside its bar. */
  insideFrom: 0.5,
} as const;

/** Rounded so the markup stays short and stable. */
const round = (n: number) => Math.round(n * 100) / 100;

export function layoutBars(rows: readonly ChartRow[], seriesCount: number): ChartLayout {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const rowHeight = CHART.labelLine + seriesCount * CHART.barHeight + (seriesCount - 1) * CHART.barGap;
  const laidOut = rows.map((row, i) => {
    const top = CHART.top + i * (rowHeight + CHART.rowGap);
    const bars = row.values.map((value, s) => {
      const share = value <= 0 ? 0 : value / max;
      // A non-zero value keeps a visible sliver so it never reads as zero.
      const widthPct = share === 0 ? 0 : Math.max(0.5, round(share * 100));
      const y = round(top + CHART.labelLine + s * (CHART.barHeight + CHART.barGap));
      return {
        y,
        height: CHART.barHeight,
        textY: round(y + CHART.barHeight / 2),
        widthPct,
        series: s,
        valueLabel: row.valueLabels[s] ?? '',
        inside: share > CHART.insideFrom,
      };
    });
    return { label: row.label, labelY: round(top + CHART.labelLine * 0.75), bars };
  });
  const height = CHART.top * 2 + rows.length * rowHeight + Math.max(0, rows.length - 1) * CHART.rowGap;
  return { height: round(height), rows: laidOut };
}
