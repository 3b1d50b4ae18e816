import { Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent, createMember, createRegistration, TEST_PASSWORD } from '../factories';
import { cleanPage, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';

/** An organiser sees who registered, in order with the waiting list, checks people in and takes the CSV. */
describe('portal: an event’s registrations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists registrations with waiting-list order, checks in and out, serves the CSV, and shows nothing to others', async () => {
    const { user, association } = await createMember(app);
    const em = app.em();
    const event = await createEvent(em, {
      organiser: association,
      capacity: 1,
      registrationRequired: true,
      startsAt: new Date(Date.now() + 2 * 3600_000),
    });
    const seated = await createRegistration(em, event, { name: 'Fatima <b>Hansen</b>' });
    await createRegistration(em, event, { name: 'Omar Jensen', status: RegistrationStatus.WAITLISTED });

    const organiser = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    const page = await organiser.get(`/portal/events/${event.id}/registrations`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Fatima &lt;b>Hansen&lt;/b>');
    expect(html).toMatch(/Omar Jensen<\/th>.*Venteliste \(nr\. 1\)/s);

    const csrf = await organiser.csrfToken(`/portal/events/${event.id}/registrations`);
    const checked = await organiser.post(`/portal/events/${event.id}/registrations/${seated.id}/check-in`, { _csrf: csrf });
    expect(checked.headers.get('location')).toBe(`/portal/events/${event.id}/registrations?done=checked-in`);
    expect((await app.em().findOneOrFail(Registration, seated.id)).checkedInAt).not.toBeNull();
    await organiser.post(`/portal/events/${event.id}/registrations/${seated.id}/undo`, { _csrf: csrf });
    expect((await app.em().findOneOrFail(Registration, seated.id)).checkedInAt).toBeNull();

    const csv = await organiser.get(`/events/${event.id}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Omar Jensen');

    const { user: otherUser } = await createMember(app);
    const outsider = await PortalClient.login(app.url, otherUser.email, TEST_PASSWORD);
    expect((await outsider.get(`/portal/events/${event.id}/registrations`)).status).toBe(404);
    const outsiderCsrf = await outsider.csrfToken();
    expect((await outsider.post(`/portal/events/${event.id}/registrations/${seated.id}/check-in`, { _csrf: outsiderCsrf })).status).toBe(
      404,
    );
    expect((await app.em().findOneOrFail(Registration, seated.id)).checkedInAt).toBeNull();
    expect((await outsider.get(`/events/${event.id}/registrations.csv`)).status).toBe(403);

    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      await site.context.addCookies([{ name: 'mangfold_session', value: organiser.cookie!.split('=')[1], url: app.url }]);
      expect({ ...(await site.check(`/portal/events/${event.id}/registrations`)), cookies: [] }).toEqual(cleanPage());
      await site.close();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
