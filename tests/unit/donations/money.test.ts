import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../../content/index.ts';
import { fenToYuan, yuanToFen } from '../../../donations/money.ts';

describe('yuan ↔ fen at the Alipay boundary, exact both ways', () => {
  it.each([
    ['0.01', 1],
    ['0.1', 10],
    ['0.10', 10],
    ['1', 100],
    ['1.00', 100],
    ['1.5', 150],
    ['100.00', 10_000],
    ['123.45', 12_345],
    ['0.29', 29],
    ['1.13', 113],
    ['19.99', 1_999],
    ['50000.00', 5_000_000],
    ['100000000.00', 10_000_000_000],
    ['0', 0],
    ['0.00', 0],
  ])('%s → %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    '1.001',
    '-1',
    '-0.01',
    '1e3',
    '1E2',
    '+1',
    ' 1',
    '1 ',
    '01',
    '00.10',
    '1.',
    '.5',
    '',
    '1,000.00',
    '１',
    '0x10',
    'NaN',
    'Infinity',
    '100000000.01',
    '999999999999',
    '1.2.3',
  ])('%j is refused', (yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });

  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [12_345, '123.45'],
    [5_000_000, '50000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i fen → %s', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('fenToYuan(%s) throws', (fen) => {
    expect(() => fenToYuan(fen)).toThrow(RangeError);
  });

  it('round-trips every amount from 0 to 100,000 fen and some large ones', () => {
    for (let fen = 0; fen <= 100_000; fen++) {
      if (yuanToFen(fenToYuan(fen)) !== fen) throw new Error(`round trip failed at ${fen}`);
    }
    for (const fen of [9_999_999_999, 10_000_000_000, 1_234_567_890]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('formats for people', () => {
    expect(formatYuan(10_050)).toBe('100.50 元');
  });
});
