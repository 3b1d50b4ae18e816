import { DateTime } from 'luxon';
import { EventKind } from '@mangfold/calendar';
import { parseCalendar } from '@mangfold/test-utils';
import { renderCalendar } from './calendar-document';
import { RENDERER_VERSION, feedRefsOf, fragmentZone, renderEventFragment, type FeedEventData } from './event-fragment';
import { feedKey } from './feed-keys';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const ZONE = 'Europe/Copenhagen';
const BASE = 'https://kalender.kk.dk';
const YEAR = DateTime.now().year + 1;
/** The last Sunday of a month: when Europe's clocks change (March forward, October back). */
function lastSunday(month: number): DateTime {
  const last = DateTime.fromObject({ year: YEAR, month }, { zone: ZONE }).endOf('month').startOf('day');
  return last.minus({ days: last.weekday % 7 });
}

function event(overrides: Partial<FeedEventData> = {}): FeedEventData {
  const start = DateTime.fromObject({ year: YEAR, month: 6, day: 5, hour: 17 }, { zone: ZONE });
  return {
    id: '7f1c2a9e-5b7d-4c1e-9a51-3f4d7c2b8e10',
    slug: 'grundlovsfest',
    kind: EventKind.CULTURAL_EVENT,
    cancelled: false,
    title: { da: 'Grundlovsfest', en: 'Constitution Day party' },
    description: { da: 'Fest i parken', en: 'Party in the park' },
    startsAt: start.toJSDate(),
    endsAt: start.plus({ hours: 3 }).toJSDate(),
    allDay: false,
    timeZone: ZONE,
    recurrence: null,
    recurrenceExceptions: [],
    location: { name: 'Fælledparken', address: 'Øster Allé', postalCode: '2100', city: 'København Ø', latitude: 55.7, longitude: 12.57 },
    district: { slug: 'oesterbro', name: { da: 'Østerbro', en: 'Østerbro' } },
    occasion: { slug: 'constitution-day', name: { da: 'Grundlovsdag', en: 'Constitution Day' } },
    organisers: [
      { slug: 'oesterbro-forening', name: 'Østerbro Forening' },
      { slug: 'valby-kulturbro', name: 'Valby Kulturbro' },
    ],
    themes: [],
    sequence: 4,
    ...overrides,
  };
}

/** Renders events into a calendar, parses it with ical.js and resolves TZIDs against the feed's own VTIMEZONEs. */
function roundTrip(events: FeedEventData[], lang: 'da' | 'en' = 'da') {
  const modifiedAt = new Date('2026-01-02T03:04:05Z');
  const body = events.map((e) => renderEventFragment(e, lang, { baseUrl: BASE, modifiedAt })).join('');
  const zones = events.map(fragmentZone).filter((z): z is string => z !== null);
  const text = renderCalendar({ name: 'Test', lang, defaultZone: ZONE, zones, body });
  const parsed = parseCalendar(text);
  for (const vtimezone of parsed.calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  return { text, parsed, icalEvents: parsed.calendar.getAllSubcomponents('vevent').map((c: unknown) => new ICAL.Event(c)) };
}

describe('VEVENT fragments', () => {
  afterAll(() => ICAL.TimezoneService.reset());

  it('carries every property the feeds promise', () => {
    const { parsed } = roundTrip([event()]);
    const [e] = parsed.events;
    expect(e.uid).toBe('7f1c2a9e-5b7d-4c1e-9a51-3f4d7c2b8e10@kalender.kk.dk');
    expect(e.sequence).toBe(4);
    expect(e.status).toBe('CONFIRMED');
    expect(e.summary).toBe('Grundlovsfest');
    expect(e.description).toBe(`Fest i parken\n\nMedarrangører: Valby Kulturbro\n\n${BASE}/arrangementer/grundlovsfest`);
    expect(e.location).toBe('Fælledparken, Øster Allé, 2100 København Ø');
    expect(e.component.getFirstPropertyValue('geo')).toEqual([55.7, 12.57]);
    expect(e.url).toBe(`${BASE}/arrangementer/grundlovsfest`);
    expect(e.categories).toEqual(['Kulturarrangement', 'Grundlovsdag', 'Østerbro']);
    expect(e.startTzid).toBe(ZONE);
    expect(parsed.timezones).toEqual([ZONE]);
    const organiser = e.component.getFirstProperty('organizer')!;
    expect(organiser.getParameter('cn')).toBe('Østerbro Forening');
    expect(organiser.getFirstValue()).toBe(`${BASE}/foreninger/oesterbro-forening`);
    expect(e.organiser).not.toMatch(/mailto:/i);
    expect(e.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-01-02T03:04:05Z');
    expect(e.component.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-01-02T03:04:05Z');
    expect(RENDERER_VERSION).toBeGreaterThan(0);
  });

  it("lists the work plan's themes among the CATEGORIES, in the language asked for", () => {
    const themes = [
      { slug: 'crime-prevention', name: { da: 'Kriminalitetsforebyggelse', en: 'Crime prevention' } },
      { slug: 'project-management', name: { da: 'Projektledelse, frivillige; ledere' } },
    ];
    expect(roundTrip([event({ themes })]).parsed.events[0].categories).toEqual([
      'Kulturarrangement',
      'Grundlovsdag',
      'Østerbro',
      'Kriminalitetsforebyggelse',
      'Projektledelse, frivillige; ledere',
    ]);
    expect(roundTrip([event({ themes })], 'en').parsed.events[0].categories).toEqual([
      'Cultural event',
      'Constitution Day',
      'Østerbro',
      'Crime prevention',
      'Projektledelse, frivillige; ledere',
    ]);
  });

  it('speaks the language asked for and falls back per field', () => {
    const { parsed } = roundTrip([event({ title: { da: 'Kun dansk titel' }, description: { en: 'Only English text' } })], 'en');
    expect(parsed.events[0].summary).toBe('Kun dansk titel');
    expect(parsed.events[0].description).toBe(`Only English text\n\nCo-organisers: Valby Kulturbro\n\n${BASE}/en/events/grundlovsfest`);
    expect(parsed.events[0].url).toBe(`${BASE}/en/events/grundlovsfest`);
    expect(parsed.events[0].component.getFirstProperty('organizer')!.getFirstValue()).toBe(`${BASE}/en/associations/oesterbro-forening`);
    expect(parsed.events[0].categories).toEqual(['Cultural event', 'Constitution Day', 'Østerbro']);
  });

  it('round-trips commas, semicolons, backslashes, line breaks, emoji and Arabic/Urdu script exactly', () => {
    const title = 'Eid; fest, med \\ backslash\nog ny linje 🎉🇩🇰 عيد مبارك — عید مبارک، خوش آمدید';
    const text = 'Første linje; anden, tredje \\ fjerde\nمرحبا بكم في الحفل 👨‍👩‍👧‍👦\nاردو: آپ کا استقبال ہے';
    const name = 'Foreningen "Broen"; a^b, c:d';
    const { parsed } = roundTrip([event({ title: { da: title }, description: { da: text }, organisers: [{ slug: 'broen', name }] })]);
    expect(parsed.events[0].summary).toBe(title);
    expect(parsed.events[0].description).toBe(`${text}\n\n${BASE}/arrangementer/grundlovsfest`);
    expect(parsed.events[0].component.getFirstProperty('organizer')!.getParameter('cn')).toBe(name);
  });

  it('cannot be made to inject a property or a component through its text', () => {
    const evil = 'Ond\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:injected\r\nORGANIZER:mailto:x@y';
    const { parsed, text } = roundTrip([
      event({ title: { da: evil }, description: { da: evil }, organisers: [{ slug: 'o', name: evil }] }),
    ]);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0].component.getAllProperties('uid')).toHaveLength(1);
    expect(parsed.events[0].component.getAllProperties('organizer')).toHaveLength(1);
    expect(parsed.events[0].summary).toBe(evil.replace(/\r\n/g, '\n'));
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
  });

  it('keeps the local time of an event at 02:30 on the day clocks go back', () => {
    const start = lastSunday(10).set({ hour: 2, minute: 30 });
    expect(start.offset).toBe(120); // the first 02:30 of the two
    const { parsed, icalEvents } = roundTrip([event({ startsAt: start.toJSDate(), endsAt: start.plus({ hours: 2 }).toJSDate() })]);
    expect(parsed.events[0].startTzid).toBe(ZONE);
    expect(parsed.events[0].start.toString()).toBe(start.toFormat("yyyy-LL-dd'T'02:30:00"));
    expect(icalEvents[0].startDate.hour).toBe(2);
  });

  it('keeps the instant of an event just after the spring-forward gap', () => {
    const start = lastSunday(3).set({ hour: 3, minute: 30 });
    expect(start.minus({ hours: 2 }).offset).toBe(60);
    const { icalEvents } = roundTrip([event({ startsAt: start.toJSDate(), endsAt: start.plus({ hours: 1 }).toJSDate() })]);
    expect(icalEvents[0].startDate.toJSDate().toISOString()).toBe(start.toUTC().toISO());
    expect(icalEvents[0].startDate.toJSDate().getUTCHours()).toBe(1);
  });

  it('writes all-day events as dates with an exclusive end', () => {
    const first = DateTime.fromObject({ year: YEAR, month: 3, day: 20 }, { zone: ZONE });
    const { parsed, text } = roundTrip([
      event({ allDay: true, startsAt: first.toJSDate(), endsAt: first.plus({ days: 3 }).toJSDate(), timeZone: ZONE }),
    ]);
    expect(text).toContain(`DTSTART;VALUE=DATE:${YEAR}0320\r\n`);
    expect(text).toContain(`DTEND;VALUE=DATE:${YEAR}0323\r\n`);
    expect(parsed.events[0].start.isDate).toBe(true);
    expect(parsed.timezones).toEqual([]);
  });

  it('expands a weekly event across the DST change at the same local time, without its exceptions', () => {
    const start = lastSunday(10).minus({ weeks: 2 }).set({ hour: 17 });
    const { parsed, icalEvents } = roundTrip([
      event({
        startsAt: start.toJSDate(),
        endsAt: start.plus({ hours: 2 }).toJSDate(),
        recurrence: 'FREQ=WEEKLY;COUNT=5',
        recurrenceExceptions: [start.plus({ weeks: 1 }).toUTC().toISO()!],
      }),
    ]);
    expect(parsed.events[0].rrule).toBe('FREQ=WEEKLY;COUNT=5');
    const iterator = icalEvents[0].iterator();
    const occurrences: { local: string; utcHour: number }[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      occurrences.push({ local: next.toString().slice(11), utcHour: next.toJSDate().getUTCHours() });
    }
    expect(occurrences.map((o) => o.local)).toEqual(['17:00:00', '17:00:00', '17:00:00', '17:00:00']);
    expect(occurrences.map((o) => o.utcHour)).toEqual([15, 16, 16, 16]);
  });

  it('drops a recurrence rule that is not one', () => {
    const { parsed } = roundTrip([event({ recurrence: 'FREQ=DAILY\r\nSUMMARY:x' })]);
    expect(parsed.events[0].rrule).toBeNull();
  });

  it('marks cancelled events, and lists every feed the event belongs to', () => {
    const cancelled = event({ cancelled: true });
    const { parsed } = roundTrip([cancelled]);
    expect(parsed.events[0].status).toBe('CANCELLED');
    expect(parsed.events[0].summary).toBe('AFLYST: Grundlovsfest');
    expect(feedRefsOf(cancelled).map(feedKey).sort()).toEqual([
      'all',
      'association/oesterbro-forening',
      'association/valby-kulturbro',
      'district/oesterbro',
      'event/grundlovsfest',
      'kind/cultural-event',
      'occasion/constitution-day',
    ]);
  });
});
