import { csvCell, csvRow } from './csv';

describe('csv cells', () => {
  it('quote everything and double inner quotes', () => {
    expect(csvCell('Søren "Sue" Ølgaard, Valby')).toBe('"Søren ""Sue"" Ølgaard, Valby"');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(new Date('2026-03-01T10:00:00Z'))).toBe('"2026-03-01T10:00:00.000Z"');
  });

  it('defuse text a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","click")', '+45 12 34 56 78', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(evil).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('Anna=Bo')).toBe('"Anna=Bo"');
  });

  it('end rows with CRLF', () => {
    expect(csvRow(['a', 'b'])).toBe('"a","b"\r\n');
  });
});
