import { describe, expect, it } from 'vitest';
import { readYuanText } from '../../../../content/contracts/yuan-text.ts';

describe('typed yuan → fen (the donate form and the CMS read it the same way)', () => {
  it.each([
    ['12.30', 1230],
    ['12.3', 1230],
    ['12.', 1200],
    ['0.29', 29],
    ['548,800.00', 54_880_000],
    ['１２．３０', 1230],
    ['１，２００', 120_000],
    ['¥ 12.30', 1230],
    ['￥12', 1200],
    ['12.30 元', 1230],
    [' 1 234.5 ', 123_450],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('“%s” → %i 分', (typed, fen) => {
    expect(readYuanText(typed)).toEqual({ ok: true, fen });
  });

  it('reads nothing typed as no amount', () => {
    expect(readYuanText(' ')).toEqual({ ok: true, fen: null });
  });

  it.each([
    ['-5', 'NEGATIVE'],
    ['12.345', 'TOO_MANY_DECIMALS'],
    ['1e3', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['12元3角', 'NOT_A_NUMBER'],
    ['90071992547409.92', 'TOO_LARGE'],
  ])('refuses “%s” (%s)', (typed, problem) => {
    expect(readYuanText(typed)).toEqual({ ok: false, problem });
  });
});
