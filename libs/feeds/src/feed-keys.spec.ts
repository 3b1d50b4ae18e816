import { EventKind } from '@mangfold/calendar';
import {
  feedFileName,
  feedKey,
  feedPath,
  feedRefFromPath,
  feedUrl,
  kindSlug,
  parseFeedKey,
  selectionFromQuery,
  selectionUrl,
  webcalUrl,
} from './feed-keys';
import { langFromQuery } from './feed-http.handler';

describe('feed keys and paths', () => {
  it('maps the public routes to feeds and back', () => {
    const cases: [string, string][] = [
      ['/calendar.ics', 'all'],
      ['/calendar/districts/noerrebro.ics', 'district/noerrebro'],
      ['/calendar/associations/valby-kulturbro.ics', 'association/valby-kulturbro'],
      ['/calendar/occasions/eid-al-fitr.ics', 'occasion/eid-al-fitr'],
      ['/calendar/kinds/international-day.ics', 'kind/international-day'],
      ['/calendar/events/eid-fest-2026.ics', 'event/eid-fest-2026'],
    ];
    for (const [path, key] of cases) {
      const ref = feedRefFromPath(path);
      expect(ref && !('notFound' in ref) && feedKey(ref)).toBe(key);
      expect(feedPath(parseFeedKey(key)!)).toBe(path);
    }
  });

  it('leaves other paths to the rest of the app, and refuses slugs that cannot exist', () => {
    expect(feedRefFromPath('/calendar/registrations/abc.ics')).toBeNull();
    expect(feedRefFromPath('/calendar')).toBeNull();
    expect(feedRefFromPath('/calendar.ics/')).toBeNull();
    expect(feedRefFromPath('/calendar/kinds/party.ics')).toEqual({ notFound: true });
    expect(feedRefFromPath('/calendar/districts/N%C3%B8rrebro.ics')).toEqual({ notFound: true });
    expect(feedRefFromPath('/calendar/districts/%ZZ.ics')).toEqual({ notFound: true });
    expect(feedRefFromPath('/calendar/districts/a/b.ics')).toEqual({ notFound: true });
    expect(parseFeedKey('kind/party')).toBeNull();
    expect(parseFeedKey('nonsense')).toBeNull();
  });

  it('writes kinds in kebab case', () => {
    expect(Object.values(EventKind).map(kindSlug)).toEqual(['cultural-event', 'international-day', 'seminar', 'network-meeting']);
  });

  it('builds https and webcal URLs and ASCII file names', () => {
    const ref = { scope: 'district' as const, slug: 'noerrebro' };
    expect(feedUrl('https://kalender.kk.dk', ref)).toBe('https://kalender.kk.dk/calendar/districts/noerrebro.ics');
    expect(feedUrl('https://kalender.kk.dk', ref, 'en')).toBe('https://kalender.kk.dk/calendar/districts/noerrebro.ics?lang=en');
    expect(webcalUrl('https://kalender.kk.dk', ref, 'en')).toBe('webcal://kalender.kk.dk/calendar/districts/noerrebro.ics?lang=en');
    expect(feedFileName(ref, 'en')).toBe('mangfoldighedskalender-district-noerrebro-en.ics');
    expect(feedFileName({ scope: 'all', slug: '' }, 'da')).toBe('mangfoldighedskalender.ics');
  });

  it('reads ?lang, defaulting to Danish and refusing anything else', () => {
    expect(langFromQuery('')).toBe('da');
    expect(langFromQuery('lang=en')).toBe('en');
    expect(langFromQuery('x=1&lang=EN')).toBe('en');
    expect(langFromQuery('lang=')).toBe('da');
    expect(langFromQuery('t=123')).toBe('da');
    expect(langFromQuery('lang=fr')).toEqual({ error: 'lang must be da or en' });
    expect(langFromQuery('lang=%FF')).toHaveProperty('error');
    expect(langFromQuery('lang=%C3%A6')).toHaveProperty('error');
  });
});

describe('feed selections', () => {
  it('reads the feeds a /calendar.ics query combines, in a fixed order, and refuses what names no feed', () => {
    expect(selectionFromQuery('kind=seminar&district=noerrebro&lang=en')).toEqual([
      { scope: 'district', slug: 'noerrebro' },
      { scope: 'kind', slug: 'seminar' },
    ]);
    expect(selectionFromQuery('lang=en')).toEqual([]);
    expect(selectionFromQuery('kind=picnic')).toBeNull();
    expect(selectionFromQuery('district=a&district=b')).toBeNull();
    expect(selectionFromQuery('occasion=%E0%A4%A')).toBeNull();
  });

  it('names one feed by its own URL and several by the whole calendar with query filters', () => {
    expect(selectionUrl('https://k.dk', [], 'da')).toBe('https://k.dk/calendar.ics');
    expect(selectionUrl('https://k.dk', [{ scope: 'district', slug: 'valby' }], 'en')).toBe(
      'https://k.dk/calendar/districts/valby.ics?lang=en',
    );
    expect(
      selectionUrl(
        'https://k.dk',
        [
          { scope: 'district', slug: 'valby' },
          { scope: 'kind', slug: 'seminar' },
        ],
        'en',
      ),
    ).toBe('https://k.dk/calendar.ics?district=valby&kind=seminar&lang=en');
  });
});
