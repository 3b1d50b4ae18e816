import { EventKind } from '@mangfold/calendar';
import { Feedback, Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent } from '../factories';
import { dataOf, startTestApp, type TestApp } from '../utils';
import { register } from './helpers';

/* The page behind the link in the mails: a citizen sees, cancels and rates with a plain browser. */
describe('the registration page of the mails', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual' as const,
  });

  it('shows the registration, cancels it on request and promotes the next in line', async () => {
    const event = await createEvent(app.em(), {
      kind: EventKind.SEMINAR,
      capacity: 1,
      registrationRequired: true,
      title: { da: 'Seminar om <frivillighed>', en: 'Seminar on volunteering' },
    });
    const seated = dataOf(await register(app, event.id, { language: 'DA' })).registerForEvent;
    const waiting = dataOf(await register(app, event.id)).registerForEvent;
    const url = new URL(seated.managementUrl);

    const page = await fetch(`${app.url}${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Seminar om &lt;frivillighed&gt;');
    expect(html).toContain('Du har en bekræftet plads.');
    expect(html).toContain('action="/registrations/manage/cancel"');
    expect(html).toContain(`webcal://mangfold.test/calendar/registrations/${seated.calendarToken}.ics`);

    const english = await (
      await fetch(`${app.url}/registrations/manage?token=${encodeURIComponent(waiting.managementToken)}&lang=en`)
    ).text();
    expect(english).toContain('You are on the waiting list as number 1.');

    const cancel = await fetch(`${app.url}/registrations/manage/cancel`, form({ token: seated.managementToken, lang: 'da' }));
    expect(cancel.status).toBe(303);
    await cancel.arrayBuffer();
    const location = new URL(cancel.headers.get('location')!, app.url);
    expect(location.searchParams.get('done')).toBe('cancelled');
    const after = await (await fetch(location)).text();
    expect(after).toContain('Du er afmeldt.');
    expect(after).not.toContain('action="/registrations/manage/cancel"');
    expect((await app.em().findOneOrFail(Registration, waiting.id)).status).toBe(RegistrationStatus.CONFIRMED);
  });

  it('answers 404 for a wrong token, without saying more', async () => {
    const res = await fetch(`${app.url}/registrations/manage?token=${'0'.repeat(36)}.${'A'.repeat(43)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Linket virker ikke');
    const post = await fetch(`${app.url}/registrations/manage/cancel`, form({ token: 'nope' }));
    expect(post.status).toBe(404);
    await post.arrayBuffer();
  });

  it('takes feedback after the event, once', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true });
    const r = dataOf(await register(app, event.id, { language: 'EN' })).registerForEvent;
    await app
      .em()
      .execute(`update event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ?`, [event.id]);
    const page = await (await fetch(`${app.url}/registrations/manage?token=${encodeURIComponent(r.managementToken)}`)).text();
    expect(page).toContain('How was the event?');

    const bad = await fetch(`${app.url}/registrations/manage/feedback`, form({ token: r.managementToken, satisfied: 'maybe' }));
    expect(bad.status).toBe(400);
    await bad.arrayBuffer();
    expect(await app.em().count(Feedback, { registration: r.id })).toBe(0);

    const sent = await fetch(
      `${app.url}/registrations/manage/feedback`,
      form({ token: r.managementToken, satisfied: 'yes', score: '4', comment: 'Nyttigt' }),
    );
    expect(sent.status).toBe(303);
    await sent.arrayBuffer();
    const stored = await app.em().findOneOrFail(Feedback, { registration: r.id });
    expect(stored).toMatchObject({ satisfied: true, score: 4, comment: 'Nyttigt' });
    const again = await fetch(`${app.url}/registrations/manage/feedback`, form({ token: r.managementToken, satisfied: 'no' }));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Thank you for your feedback.');
  });
});
