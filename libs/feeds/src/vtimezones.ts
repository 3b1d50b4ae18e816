import { getVtimezoneComponent } from '@touch4it/ical-timezones';

const cache = new Map<string, string | null>();

/**
 * The VTIMEZONE component of an IANA zone, CRLF-terminated, from @touch4it/ical-timezones (the
 * tzurl.org rules). ical-generator has no zone database of its own. Null when the zone is unknown:
 * events in such a zone are written in UTC rather than as floating local times.
 */
export function vtimezone(zone: string): string | null {
  let component = cache.get(zone);
  if (component === undefined) {
    const raw = getVtimezoneComponent(zone);
    component = raw
      ? raw
          .split(/\r?\n/)
          .map((line) => line.trimEnd())
          .filter(Boolean)
          .join('\r\n') + '\r\n'
      : null;
    if (component && !component.startsWith('BEGIN:VTIMEZONE\r\n')) component = null;
    cache.set(zone, component);
  }
  return component;
}

export function hasVtimezone(zone: string): boolean {
  return zone !== 'UTC' && vtimezone(zone) !== null;
}
