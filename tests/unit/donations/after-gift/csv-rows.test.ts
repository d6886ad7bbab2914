import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../donations/after-gift/csv-rows.ts';
import { csvCell } from '../../../../donations/receipts.ts';

describe('parseCsv: the receipt export read back', () => {
  it('reads what csvCell wrote: quotes, commas, line breaks, formula guards, a BOM, CRLF', () => {
    const cells = ['XJ1', '项目, "甲"', '第一行\n第二行', '=1+1', '-5', ''];
    const text = `\uFEFF${['订单号', 'a', 'b', 'c', 'd', 'e'].join(',')}\r\n${cells.map(csvCell).join(',')}\r\nXJ2,x,y,z,w,v\r\n`;
    const records = parseCsv(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.cells).toEqual(cells);
    expect(records[2]?.cells[0]).toBe('XJ2');
  });

  it('skips blank lines, keeps their numbering, and reads LF files and a last line without a break', () => {
    const records = parseCsv('h1,h2\n\nA,1\nB,2');
    expect(records).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 3, cells: ['A', '1'] },
      { line: 4, cells: ['B', '2'] },
    ]);
  });
});
