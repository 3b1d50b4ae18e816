import { cleanLine, cleanText, foldLines, htmlToText, quotedParam } from './ical-text';

describe('iCalendar text helpers', () => {
  it('keeps line breaks as \\n and drops control characters and lone surrogates', () => {
    expect(cleanText('a\r\nb\rc\nd\u0000e\u0007f\tg')).toBe('a\nb\nc\ndef\tg');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('🎉 عيد مبارك اردو')).toBe('🎉 عيد مبارك اردو');
  });

  it('makes single-line values of names', () => {
    expect(cleanLine('  Nørrebro\r\nKultur\tforening ')).toBe('Nørrebro Kultur forening');
  });

  it('encodes parameter values per RFC 6868, always quoted', () => {
    expect(quotedParam('Foreningen "Bro"; a^b, c:d')).toBe(`"Foreningen ^'Bro^'; a^^b, c:d"`);
    expect(quotedParam('two\nlines')).toBe('"two lines"');
  });

  describe('htmlToText', () => {
    it('passes plain text through untouched', () => {
      const plain = 'Kom kl. 17 < 18; a, b \\ c\nnæste linje';
      expect(htmlToText(plain)).toBe(plain);
    });

    it('turns paragraphs, breaks and lists into lines and decodes entities', () => {
      expect(htmlToText('<p>Kom &amp; fejr&nbsp;med os</p><p>Linje 1<br>Linje 2</p><ul><li>mad</li><li>musik</li></ul>')).toBe(
        'Kom & fejr med os\n\nLinje 1\nLinje 2\n\n• mad\n• musik',
      );
      expect(htmlToText('&#128512; &#x1F389; &lt;b&gt;')).toBe('😀 🎉 <b>');
    });

    it('keeps link targets and drops scripts, styles and comments', () => {
      expect(htmlToText('Se <a href="https://kk.dk/x">programmet</a><script>alert(1)</script><style>p{}</style><!-- note -->')).toBe(
        'Se programmet (https://kk.dk/x)',
      );
      expect(htmlToText('<a href="https://kk.dk">https://kk.dk</a>')).toBe('https://kk.dk');
    });
  });
});

describe('foldLines', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reference = (require('ical-generator') as { foldLines: (s: string) => string }).foldLines;
  const pieces = ['a', 'ø', 'ع', 'ک', '€', '🎉', '👨‍👩‍👧', '\\n', ';', ' ', 'x'.repeat(30), 'æøå'.repeat(10), '🇩🇰'];

  it('folds exactly like ical-generator, at most 75 octets a line', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 300; n++) {
      // Content lines start with a property name, never with a space (which would read as a fold).
      const lines = Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => 'X:' + Array.from({ length: Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join(''),
      );
      const text = lines.join('\r\n') + (random() < 0.5 ? '\r\n' : '');
      const folded = foldLines(text);
      expect(folded).toBe(reference(text));
      for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, '')).toBe(text);
    }
  });
});
