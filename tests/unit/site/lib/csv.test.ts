import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../../site/lib/csv.ts';

describe('CSV', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell('平常')).toBe('平常');
  });

  it('writes numbers, booleans, empty values and lists', () => {
    expect(csvCell(12345)).toBe('12345');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(['minors', 'disabled'])).toBe('minors;disabled');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });

  it('starts with a BOM and ends rows with CRLF', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        [1, '二'],
        [3, null],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe('a,b\r\n1,二\r\n3,\r\n');
  });
});
