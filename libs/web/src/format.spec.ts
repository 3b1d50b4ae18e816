import { dateSpanText, safeHttpUrl, whenText } from './format';

const zone = 'Europe/Copenhagen';

describe('dates as people write them', () => {
  it('writes a timed event in its own zone, in Danish with "kl." and in English', () => {
    const when = { startsAt: new Date('2026-06-05T15:00:00Z'), endsAt: new Date('2026-06-05T17:00:00Z'), allDay: false, timeZone: zone };
    expect(whenText('da', when)).toBe('fredag den 5. juni 2026 kl. 17.00–19.00');
    expect(whenText('en', when)).toBe('Friday, 5 June 2026, 17:00–19:00');
    expect(whenText('en', { ...when, timeZone: 'America/New_York' })).toBe('Friday, 5 June 2026, 11:00–13:00');
  });

  it('keeps local times across a daylight-saving change', () => {
    const noon = (iso: string) => ({
      startsAt: new Date(iso),
      endsAt: new Date(new Date(iso).getTime() + 3600_000),
      allDay: false,
      timeZone: zone,
    });
    expect(whenText('da', noon('2026-03-28T11:00:00Z'))).toBe('lørdag den 28. marts 2026 kl. 12.00–13.00');
    expect(whenText('da', noon('2026-03-29T10:00:00Z'))).toBe('søndag den 29. marts 2026 kl. 12.00–13.00');
  });

  it('names both days of an event past midnight', () => {
    const winter = { startsAt: new Date('2026-12-04T16:00:00Z'), endsAt: new Date('2026-12-04T23:30:00Z'), allDay: false, timeZone: zone };
    expect(whenText('da', winter)).toBe('fredag den 4. december 2026 kl. 17.00 – lørdag den 5. december 2026 kl. 00.30');
  });

  it('writes all-day events by their dates, the last day inclusive', () => {
    const one = { startsAt: new Date('2026-03-19T23:00:00Z'), endsAt: new Date('2026-03-20T23:00:00Z'), allDay: true, timeZone: zone };
    expect(whenText('da', one)).toBe('fredag den 20. marts 2026');
    expect(whenText('en', { ...one, endsAt: new Date('2026-03-22T23:00:00Z') })).toBe('Friday, 20 March 2026 – Sunday, 22 March 2026');
  });

  it('writes an occasion span as short as is clear', () => {
    expect(dateSpanText('da', '2026-12-05', '2026-12-12')).toBe('5.–12. december 2026');
    expect(dateSpanText('en', '2026-12-24', '2026-12-24')).toBe('24 December 2026');
    // ICU puts thin spaces around the range's dash in English.
    expect(dateSpanText('en', '2026-12-28', '2027-01-02')).toBe('28 December 2026\u2009–\u20092 January 2027');
  });
});

describe('URLs associations typed', () => {
  it('become links only when they are http(s)', () => {
    expect(safeHttpUrl('https://forening.dk/om')).toBe('https://forening.dk/om');
    expect(safeHttpUrl(' http://forening.dk ')).toBe('http://forening.dk/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'forening.dk',
      '//evil.example',
      '',
      null,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});
