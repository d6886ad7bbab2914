/**
 * RFC 4180 CSV. Starts with a UTF-8 byte-order mark, because Excel and WPS — what most readers
 * of a Chinese open-data file open it with — otherwise read UTF-8 as GBK and show mojibake.
 * Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading
 * apostrophe: the file is public and anyone may have written the text.
 */
export type CsvCell = string | number | boolean | null | undefined | readonly string[];

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = Array.isArray(value) ? value.join(';') : (value as string);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
