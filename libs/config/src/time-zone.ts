// Only valid names are cached: the set of IANA zones is small, while invalid input is unbounded.
const valid = new Set<string>();

/** True for an IANA zone name the runtime's ICU knows, e.g. "Europe/Copenhagen" (offsets like "+01:00" are refused). */
export function isValidTimeZone(zone: string): boolean {
  if (valid.has(zone)) return true;
  if (zone.length > 64 || !(zone.includes('/') || zone === 'UTC')) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  valid.add(zone);
  return true;
}

/** The calendar year of `at` in `zone` ("this year" means the year in Europe/Copenhagen). */
export function yearIn(zone: string, at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(at));
}
