import { describe, expect, it } from 'vitest';
import { barLength, moneyChartSvg } from '../../../../donations/after-gift/money-chart.ts';

describe('moneyChartSvg: raised vs spent, readable without colour', () => {
  it('says both figures as text and in its label, with the spent share and the source date', () => {
    const svg = moneyChartSvg({ raisedFen: 5_000_000, spentFen: 1_250_000, asOf: '2026-02-15' }, 'x1');
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-label="已募得 50,000.00 元，已支出 12,500.00 元（已支出占募得的 25%），据 2026年2月15日 的信息公开"/,
    );
    expect(svg).toContain('>50,000.00 元</text>');
    expect(svg).toContain('>12,500.00 元</text>');
    // Told apart by pattern (hatched vs solid), not by colour; the pattern id is the chart's own.
    expect(svg).toContain('id="hatch-x1"');
    expect(svg).toContain('fill="url(#hatch-x1)"');
    expect(svg).not.toContain('style=');
  });

  it('draws bars in proportion, keeps a tiny amount visible, and handles nothing disclosed', () => {
    expect(barLength(100, 100)).toBe(150);
    expect(barLength(50, 100)).toBe(75);
    expect(barLength(1, 10_000_000)).toBe(1);
    expect(barLength(0, 100)).toBe(0);
    const empty = moneyChartSvg({ raisedFen: 0, spentFen: 0, asOf: null });
    expect(empty).toContain('项目尚未公开收支');
    expect(empty).toContain('width="0"');
  });
});
