import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFenAsYuan, parseYuan } from '../../../../../cms/src/admin/money.ts';

describe('管理后台金额：以元填写，按分保存', () => {
  it.each([
    ['12.30', '1230'],
    ['12.3', '1230'],
    ['12', '1200'],
    ['12.', '1200'],
    ['0.29', '29'],
    ['0.01', '1'],
    ['0', '0'],
    ['548,800.00', '54880000'],
    ['１２．３０', '1230'],
    ['¥ 12.30', '1230'],
    ['12.30 元', '1230'],
    [' 1 234.5 ', '123450'],
    ['90071992547409.91', '9007199254740991'],
  ])('“%s” → %s 分', (typed, fen) => {
    expect(parseYuan(typed)).toEqual({ ok: true, fen });
  });

  it('空着就是没有金额（必填由发布校验）', () => {
    expect(parseYuan('  ')).toEqual({ ok: true, fen: null });
  });

  it.each([
    ['12.345', '金额最多两位小数（精确到分），例如 12.30'],
    ['0.001', '金额最多两位小数（精确到分），例如 12.30'],
    ['-5', '金额不能为负数'],
    ['12元3角', '请填写以元为单位的数字金额，例如 1234.50'],
    ['1e3', '请填写以元为单位的数字金额，例如 1234.50'],
    ['90071992547409.92', '金额过大'],
  ])('“%s” 被拒绝：%s', (typed, message) => {
    expect(parseYuan(typed)).toEqual({ ok: false, message });
  });

  it('存储的分回到输入框和列表', () => {
    expect(fenToYuanText('1230')).toBe('12.30');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText('0')).toBe('0.00');
    expect(fenToYuanText(null)).toBe('');
    expect(fenToYuanText('12.5')).toBe('');
    expect(formatFenAsYuan('54880000')).toBe('548,800.00 元');
    expect(formatFenAsYuan(99)).toBe('0.99 元');
  });

  it('输入→分→输入不变（往返）', () => {
    for (const fen of ['0', '1', '99', '100', '1230', '54880000', '9007199254740991']) {
      const again = parseYuan(fenToYuanText(fen));
      expect(again).toEqual({ ok: true, fen });
    }
  });
});
