import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

// ical.js types itself as an ES module, but its "require" export is the same parser built for CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;
type ICALTime = InstanceType<typeof ICALModule.Time>;
type ICALComponent = InstanceType<typeof ICALModule.Component>;

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  sequence: number;
  start: ICALTime;
  end: ICALTime | null;
  /** The TZID parameter of DTSTART, if any. */
  startTzid: string | null;
  rrule: string | null;
  exdates: string[];
  categories: string[];
  url: string | null;
  organiser: string | null;
  component: ICALComponent;
}

export interface ParsedCalendar {
  calendar: ICALComponent;
  properties: Record<string, string>;
  events: ParsedEvent[];
  timezones: string[];
}

/**
 * Parses iCalendar text with ical.js, an independent implementation, and checks the RFC 5545
 * framing our own code could get wrong: CRLF line ends and lines of at most 75 octets.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] !== '') throw new Error('iCalendar text must end with CRLF');
  lines.pop();
  lines.forEach((line, i) => {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`line ${i + 1} holds a bare CR or LF`);
    if (Buffer.byteLength(line, 'utf8') > 75)
      throw new Error(`line ${i + 1} is ${Buffer.byteLength(line, 'utf8')} octets (max 75): ${line}`);
  });
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`top component is ${calendar.name}`);
  const properties: Record<string, string> = {};
  for (const p of calendar.getAllProperties()) properties[p.name.toUpperCase()] = String(p.getFirstValue());
  const timezones = calendar.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid')));
  const events = calendar.getAllSubcomponents('vevent').map((c): ParsedEvent => {
    const dtstart = c.getFirstProperty('dtstart');
    const str = (name: string) => {
      const v = c.getFirstPropertyValue(name);
      return v === null || v === undefined ? null : String(v);
    };
    return {
      uid: String(c.getFirstPropertyValue('uid')),
      summary: String(c.getFirstPropertyValue('summary') ?? ''),
      description: str('description'),
      location: str('location'),
      status: str('status'),
      sequence: Number(c.getFirstPropertyValue('sequence') ?? 0),
      start: c.getFirstPropertyValue('dtstart') as ICALTime,
      end: (c.getFirstPropertyValue('dtend') as ICALTime | null) ?? null,
      startTzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
      rrule: c.getFirstProperty('rrule') ? String(c.getFirstPropertyValue('rrule')) : null,
      exdates: c.getAllProperties('exdate').flatMap((p) => p.getValues().map(String)),
      categories: c.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      url: str('url'),
      organiser: c.getFirstProperty('organizer') ? String(c.getFirstProperty('organizer')!.toICALString()) : null,
      component: c,
    };
  });
  return { calendar, properties, events, timezones };
}

/**
 * DTSTAMP and LAST-MODIFIED as written, for checking that both are UTC (RFC 5545 3.8.7.2 and
 * 3.8.7.3: a trailing Z), which ical.js would otherwise read leniently as floating times.
 */
export function stampLines(event: ParsedEvent): string[] {
  return ['dtstamp', 'last-modified'].map((name) => event.component.getFirstProperty(name)?.toICALString() ?? `${name} missing`);
}

/** Every property line of a VEVENT but the named ones, sorted: for comparing two renderings of one event. */
export function propertyLines(event: ParsedEvent, except: string[] = []): string[] {
  return event.component
    .getAllProperties()
    .filter((p) => !except.includes(p.name))
    .map((p) => p.toICALString())
    .sort();
}
