/**
 * One CSV cell, always quoted. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so a registrant's name cannot
 * become a formula in the organiser's Excel (CSV injection).
 */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | boolean | Date | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
