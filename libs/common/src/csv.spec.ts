import { csvCell, csvRow } from './csv';

describe('CSV', () => {
  it('quotes a cell only when it holds a quote, comma or line break (RFC 4180)', () => {
    expect(csvCell('Søren "Sue" Ølgaard, Valby')).toBe('"Søren ""Sue"" Ølgaard, Valby"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('Valby')).toBe('Valby');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
  });

  it.each(['=HYPERLINK("http://evil.example")', '+4512345678', '-1+1', '@SUM(A1)', '\tx', '\rx'])(
    'defuses the formula %j with an apostrophe, quoted',
    (evil) => {
      expect(csvCell(evil)).toBe(`"'${evil.replace(/"/g, '""')}"`);
    },
  );

  it('leaves text with a formula character inside it, and numbers, alone', () => {
    expect(csvCell('Anna=Bo')).toBe('Anna=Bo');
    expect(csvCell(-5)).toBe('-5');
  });

  it('ends a row with CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});
