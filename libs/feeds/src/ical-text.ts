/*
 * Text that goes into iCalendar lines. Property values are escaped by ical-generator; these helpers
 * make the text safe to escape (no control characters, no lone surrogates) and handle what
 * ical-generator does not: plain text from HTML, and parameter values (RFC 6868).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// RFC 5545 TEXT allows HTAB and (escaped) line breaks, but no other ASCII control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/** Text fit for an iCalendar TEXT value: line breaks as `\n`, no control characters, well-formed UTF-16. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A single-line value (names, titles): line breaks and tabs become spaces. */
export function cleanLine(text: string): string {
  return cleanText(text)
    .replace(/[\n\t\u2028\u2029]+/g, ' ')
    .trim();
}

/**
 * A quoted parameter value (e.g. ORGANIZER;CN="…"). Parameter values cannot be backslash-escaped;
 * RFC 6868 encodes `"` as `^'`, a line break as `^n` and `^` as `^^`.
 */
export function quotedParam(value: string): string {
  return `"${cleanLine(value).replace(/\^/g, '^^').replace(/"/g, "^'")}"`;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  euro: '€',
  copy: '©',
  shy: '',
  zwj: '\u200D',
  zwnj: '\u200C',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

const BLOCK_END = /<\/(p|div|h[1-6]|ul|ol|blockquote|pre|section|article|tr|table)\s*>/gi;

/**
 * Plain text from the little HTML an event description may hold: paragraphs and line breaks become
 * line breaks, list items get a bullet, links keep their address, every other tag goes and entities
 * are decoded. Text without tags passes through unchanged (a "<" in plain text is left alone).
 */
export function htmlToText(input: string): string {
  if (!/<[a-z/!][^>]*>/i.test(input) && !/&(#x?[0-9a-f]+|[a-z]+);/i.test(input)) return input;
  let text = input
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_m, _q, dq?: string, sq?: string, inner?: string) => {
        const href = dq ?? sq ?? '';
        const label = (inner ?? '').replace(/<[^>]*>/g, '').trim();
        return label && href && !href.startsWith('mailto:') && decodeEntities(label) !== decodeEntities(href)
          ? `${label} (${href})`
          : label || href;
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(BLOCK_END, '\n\n')
    .replace(/<[a-z/!][^>]*>/gi, '');
  text = decodeEntities(text)
    .replace(/\u00A0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+(?!•)/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  return text.trim();
}

/**
 * Folds CRLF-separated content lines to at most 75 octets (RFC 5545 §3.1), never inside a UTF-8
 * sequence or a surrogate pair: the same output as ical-generator's `foldLines`, which encodes
 * every character on its own and costs more than rendering the event.
 */
export function foldLines(text: string): string {
  let out = '';
  let lineStart = 0;
  for (;;) {
    const end = text.indexOf('\r\n', lineStart);
    const line = end < 0 ? text.slice(lineStart) : text.slice(lineStart, end);
    out += foldLine(line);
    if (end < 0) return out;
    out += '\r\n';
    lineStart = end + 2;
  }
}

function foldLine(line: string): string {
  // Most lines are short ASCII: nothing to do.
  if (line.length <= 74 && !/[^ -~]/.test(line)) return line;
  let out = '';
  let octets = 0;
  let segmentStart = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let width: number;
    let units = 1;
    if (code < 0x80) width = 1;
    else if (code < 0x800) width = 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      width = 4;
      units = 2;
    } else width = 3;
    octets += width;
    if (octets > 74) {
      out += line.slice(segmentStart, i) + '\r\n ';
      segmentStart = i;
      octets = width;
    }
    i += units - 1;
  }
  return out + line.slice(segmentStart);
}
