const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * An HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, or the obsolete RFC 850 and asctime forms) in
 * milliseconds, or null for anything else. Stricter than Date.parse, which would read "2999" as a
 * date and make a bogus If-Modified-Since answer 304.
 */
export function parseHttpDate(value: string): number | null {
  let day: string, month: string, year: number, h: string, m: string, s: string;
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    [, day, month, , h, m, s] = match;
    year = Number(match[3]);
  } else if ((match = RFC_850.exec(value))) {
    [, day, month, , h, m, s] = match;
    // Two-digit years more than 50 years in the future are in the past century (RFC 9110).
    const yy = Number(match[3]);
    const thisYear = new Date().getUTCFullYear();
    year = 2000 + yy > thisYear + 50 ? 1900 + yy : 2000 + yy;
  } else if ((match = ASCTIME.exec(value))) {
    [, month, day, h, m, s] = match;
    year = Number(match[6]);
  } else {
    return null;
  }
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const ms = Date.UTC(year, monthIndex, Number(day), Number(h), Number(m), Number(s));
  const date = new Date(ms);
  // Reject impossible dates (31 Feb, 25:00) rather than letting Date.UTC roll them over.
  if (monthIndex < 0 || date.getUTCDate() !== Number(day) || date.getUTCHours() !== Number(h) || Number(m) > 59 || Number(s) > 60)
    return null;
  return ms;
}

/** Whether an If-None-Match value matches one of the current entity tags (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(header: string, ...current: string[]): boolean {
  if (current.includes(header)) return true;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*') return true;
    const opaque = tag.startsWith('W/') ? tag.slice(2) : tag;
    if (current.includes(opaque)) return true;
  }
  return false;
}

/** Whether the client takes gzip (a q of 0 means it refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== 'x-gzip') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
