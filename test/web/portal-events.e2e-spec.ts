import { Event, EventOrganiser, EventStatus, Occasion, OrganiserStatus } from '@mangfold/calendar';
import { createMember, TEST_PASSWORD } from '../factories';
import { cleanPage, dataOf, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';

const YEAR = new Date().getUTCFullYear() + 1;

/** A volunteer runs an event from the portal; TFI moderates it there; nobody touches another's events. */
describe('portal: events', () => {
  let app: TestApp;
  let volunteer: PortalClient;
  let partner: PortalClient;
  let outsider: PortalClient;
  let admin: PortalClient;
  let associationId: string;
  let partnerAssociation: { id: string; name: string };
  let eventId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const mine = await createMember(app);
    const theirs = await createMember(app);
    const other = await createMember(app);
    associationId = mine.association.id;
    partnerAssociation = { id: theirs.association.id, name: theirs.association.name };
    volunteer = await PortalClient.login(app.url, mine.user.email, TEST_PASSWORD);
    partner = await PortalClient.login(app.url, theirs.user.email, TEST_PASSWORD);
    outsider = await PortalClient.login(app.url, other.user.email, TEST_PASSWORD);
    admin = await PortalClient.login(app.url, app.config.auth.adminEmail!, app.config.auth.adminPassword!);
  });

  afterAll(async () => {
    await app?.close();
  });

  const form = (over: Record<string, string> = {}): Record<string, string> => ({
    associationId,
    'title.da': 'Fællesspisning for Nowruz',
    'title.en': 'Nowruz community dinner',
    'description.da': 'Vi spiser sammen og fejrer det persiske nytår.',
    kind: 'CULTURAL_EVENT',
    startDate: `${YEAR}-03-16`,
    startTime: '17:00',
    endDate: `${YEAR}-03-16`,
    endTime: '19:30',
    repeat: 'weekly',
    repeatCount: '4',
    skipDates: `${YEAR}-03-23`,
    'location.name': 'Beboerhuset',
    'location.address': 'Mjølnerparken 1',
    'location.postalCode': '2200',
    'location.city': 'København N',
    languages: 'da',
    isFree: 'on',
    ...over,
  });

  it('keeps the input and shows each problem beside its field', async () => {
    const csrf = await volunteer.csrfToken('/portal/events/new');
    const res = await volunteer.post('/portal/events', { ...form({ startTime: '', 'location.latitude': '91' }), _csrf: csrf });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Fællesspisning for Nowruz"');
    expect(html).toMatch(/id="f-startTime-error">[^<]+</);
    expect(await app.em().count(Event, { title: { da: 'Fællesspisning for Nowruz' } })).toBe(0);
  });

  it('creates a weekly event marking an occasion, with a skipped date, as a draft', async () => {
    const occasion = await app.em().findOneOrFail(Occasion, { slug: 'nowruz' });
    const csrf = await volunteer.csrfToken('/portal/events/new');
    const newForm = await (await volunteer.get('/portal/events/new')).text();
    expect(newForm).toMatch(new RegExp(`<option value="${occasion.id}"[^>]*>Nowruz \\(\\d`));
    const res = await volunteer.post('/portal/events', { ...form({ occasionId: occasion.id }), _csrf: csrf });
    expect(res.status).toBe(303);
    eventId = /\/portal\/events\/([0-9a-f-]{36})\?done=created$/.exec(res.headers.get('location')!)![1];
    const event = await app.em().findOneOrFail(Event, eventId, { populate: ['occasion'] });
    expect(event.status).toBe(EventStatus.DRAFT);
    expect(event.recurrence).toBe('FREQ=WEEKLY;COUNT=4');
    expect(event.recurrenceExceptions).toHaveLength(1);
    expect(event.occasion?.id).toBe(occasion.id);
    // 17:00 in Copenhagen in March, before daylight saving: 16:00 UTC.
    expect(event.startsAt.toISOString()).toBe(`${YEAR}-03-16T16:00:00.000Z`);
    const page = await (await volunteer.get(res.headers.get('location')!)).text();
    expect(page).toContain('Arrangementet er oprettet som kladde.');
  });

  it('invites a co-organiser by name, who accepts from their overview', async () => {
    const detail = await (await volunteer.get(`/portal/events/${eventId}`)).text();
    expect(detail).toContain(`<option value="${partnerAssociation.id}">${partnerAssociation.name}</option>`);
    const csrf = await volunteer.csrfToken(`/portal/events/${eventId}`);
    expect((await volunteer.post(`/portal/events/${eventId}/invite`, { _csrf: csrf, associationId: partnerAssociation.id })).status).toBe(
      303,
    );

    const overview = await (await partner.get('/portal')).text();
    expect(overview).toContain(`/portal/events/${eventId}`);
    const partnerCsrf = await partner.csrfToken(`/portal/events/${eventId}`);
    const accepted = await partner.post(`/portal/events/${eventId}/respond`, {
      _csrf: partnerCsrf,
      associationId: partnerAssociation.id,
      answer: 'accept',
    });
    expect(accepted.headers.get('location')).toBe(`/portal/events/${eventId}?done=accepted`);
    const row = await app.em().findOneOrFail(EventOrganiser, { event: eventId, association: partnerAssociation.id });
    expect(row.status).toBe(OrganiserStatus.ACCEPTED);
  });

  it('lets no member of another association see, edit, copy or cancel the draft', async () => {
    const csrf = await outsider.csrfToken();
    expect((await outsider.get(`/portal/events/${eventId}`)).status).toBe(404);
    expect((await outsider.get(`/portal/events/${eventId}/edit`)).status).toBe(404);
    expect((await outsider.get(`/portal/events/new?copy=${eventId}`)).status).toBe(404);
    expect((await outsider.post(`/portal/events/${eventId}/edit`, { ...form({ 'title.da': 'Kapret' }), _csrf: csrf })).status).toBe(404);
    expect((await outsider.post(`/portal/events/${eventId}/cancel`, { _csrf: csrf, reason: 'Kapret' })).status).toBeGreaterThanOrEqual(400);
    expect((await outsider.post(`/portal/events/${eventId}/submit`, { _csrf: csrf })).status).toBeGreaterThanOrEqual(400);
    const event = await app.em().findOneOrFail(Event, eventId);
    expect([event.status, event.title.da]).toEqual([EventStatus.DRAFT, 'Fællesspisning for Nowruz']);
    // A form without its token changes nothing either.
    expect((await volunteer.post(`/portal/events/${eventId}/submit`, {})).status).toBe(303);
    expect((await app.em().findOneOrFail(Event, eventId)).status).toBe(EventStatus.DRAFT);
  });

  it('is submitted, published by TFI from the moderation queue, and stays published when edited', async () => {
    const csrf = await volunteer.csrfToken(`/portal/events/${eventId}`);
    expect((await volunteer.post(`/portal/events/${eventId}/submit`, { _csrf: csrf })).status).toBe(303);
    expect((await volunteer.post(`/portal/events/${eventId}/publish`, { _csrf: csrf })).status).toBe(422);

    const queue = await (await admin.get('/portal/admin/moderation')).text();
    expect(queue).toContain(`/portal/events/${eventId}`);
    const adminCsrf = await admin.csrfToken(`/portal/events/${eventId}`);
    expect((await admin.post(`/portal/events/${eventId}/publish`, { _csrf: adminCsrf })).status).toBe(303);
    expect((await app.em().findOneOrFail(Event, eventId)).status).toBe(EventStatus.PUBLISHED);

    const edit = await (await volunteer.get(`/portal/events/${eventId}/edit`)).text();
    expect(edit).toContain('value="Fællesspisning for Nowruz"');
    expect(edit).toContain('forbliver det, når du gemmer');
    const saved = await volunteer.post(`/portal/events/${eventId}/edit`, {
      ...form({ 'title.da': 'Fællesspisning for Nowruz 2' }),
      _csrf: csrf,
    });
    expect(saved.status).toBe(303);
    const event = await app.em().findOneOrFail(Event, eventId);
    expect([event.status, event.title.da, event.recurrenceExceptions.length]).toEqual([
      EventStatus.PUBLISHED,
      'Fællesspisning for Nowruz 2',
      1,
    ]);

    const listing = dataOf(
      await app.gql('query($s: String!) { events(filter: { search: $s }) { edges { node { id } } } }', {
        s: 'Fællesspisning for Nowruz 2',
      }),
    );
    expect(listing.events.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(eventId);
  });

  it('copies an event into a new form without its dates', async () => {
    const copy = await (await volunteer.get(`/portal/events/new?copy=${eventId}`)).text();
    expect(copy).toContain('value="Fællesspisning for Nowruz 2"');
    expect(copy).not.toMatch(/id="f-startDate"[^>]*value="\d/);
    expect(copy).toMatch(/id="f-startTime"[^>]*value="17:00"/);
  });

  it('passes axe on the event form, the event page and the moderation queue', async () => {
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      await site.context.addCookies([{ name: 'mangfold_session', value: volunteer.cookie!.split('=')[1], url: app.url }]);
      for (const path of ['/portal/events/new', `/portal/events/${eventId}`, `/portal/events/${eventId}/edit`, '/portal']) {
        expect({ path, ...(await site.check(path)), cookies: [] }).toEqual({ path, ...cleanPage() });
      }
      await site.context.clearCookies();
      await site.context.addCookies([{ name: 'mangfold_session', value: admin.cookie!.split('=')[1], url: app.url }]);
      for (const path of ['/portal/admin/moderation', '/portal/admin/associations']) {
        expect({ path, ...(await site.check(path)), cookies: [] }).toEqual({ path, ...cleanPage() });
      }
      await site.close();
    } finally {
      await browser.close();
    }
  }, 240_000);
});
