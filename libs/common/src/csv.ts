export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One RFC 4180 cell: quoted only when it holds a quote, comma or line break. Text a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe and quotes, so a name someone typed cannot become a formula in Excel (CSV injection);
 * numbers, booleans and dates are data and stay as they are. Empty for null and undefined.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const formula = typeof value === 'string' && /^[=+\-@\t\r]/.test(text);
  if (!formula && !/[",\r\n]/.test(text)) return text;
  return `"${formula ? "'" : ''}${text.replace(/"/g, '""')}"`;
}

/** One CSV line, ended by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
