import { EventKind } from '@mangfold/calendar';
import { Feedback, Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent } from '../factories';
import request from 'supertest';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { BY_TOKEN, register } from './helpers';

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
    // Escaped as the site's renderer does ("<" and "&" are enough for text).
    expect(html).toContain('Seminar om &lt;frivillighed');
    expect(html).not.toContain('<frivillighed>');
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

  it.each([
    ['DA', 'da', 'Slet mine oplysninger', 'Ja, slet mine oplysninger', 'Dit navn, din e-mailadresse', 'Dine oplysninger er slettet'],
    ['EN', 'en', 'Erase my data', 'Yes, erase my data', 'Your name, email address', 'Your data is erased'],
  ] as const)(
    'erases the registrant’s data from the page, after a confirmation that says what goes (%s)',
    async (language, lang, offer, confirm, what, done) => {
      const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 1, registrationRequired: true });
      const mine = dataOf(
        await register(app, event.id, { language, name: `Slet Mig ${lang}`, email: `slet.${lang}@example.org`, phone: '+4512345678' }),
      ).registerForEvent;
      const waiting = dataOf(await register(app, event.id)).registerForEvent;
      const seeded = app.em();
      seeded.create(Feedback, {
        registration: seeded.getReference(Registration, mine.id),
        event: event.id,
        satisfied: true,
        score: 5,
        comment: 'Mit navn er Slet Mig',
      });
      await seeded.flush();
      const http = request(app.url);
      const manage = `/registrations/manage?token=${encodeURIComponent(mine.managementToken)}`;

      const page = await http.get(manage).expect(200);
      expect(page.text).toContain('action="/registrations/manage/erase"');
      expect(page.text).toContain(offer);
      expect(page.text).not.toContain('<script');

      // The first POST only asks: it names what will be erased and erases nothing.
      const ask = await http.post('/registrations/manage/erase').type('form').send({ token: mine.managementToken, lang }).expect(200);
      expect(ask.headers['cache-control']).toBe('no-store');
      expect(ask.text).toContain(what);
      expect(ask.text).toContain('action="/registrations/manage/erase/confirm"');
      expect(ask.text).toContain(confirm);
      expect(ask.text).not.toContain('<script');
      expect((await app.em().findOneOrFail(Registration, mine.id)).email).toBe(`slet.${lang}@example.org`);
      await http.get(manage).expect(200);

      const erased = await http
        .post('/registrations/manage/erase/confirm')
        .type('form')
        .send({ token: mine.managementToken, lang })
        .expect(303);
      const after = await http.get(erased.headers.location).expect(200);
      expect(after.text).toContain(done);

      // The same effect as eraseRegistration: the data is gone, the seat passed on, the token dead.
      const em = app.em();
      const row = await em.findOneOrFail(Registration, mine.id);
      expect(row).toMatchObject({ status: RegistrationStatus.CANCELLED, name: null, email: null, phone: null, organisation: null });
      expect(row.anonymizedAt).toBeInstanceOf(Date);
      expect((await em.findOneOrFail(Feedback, { registration: mine.id })).comment).toBeNull();
      expect((await em.findOneOrFail(Registration, waiting.id)).status).toBe(RegistrationStatus.CONFIRMED);
      const rows: unknown[] = await em.execute(`select id from registration where email = ? or name = ?`, [
        `slet.${lang}@example.org`,
        `Slet Mig ${lang}`,
      ]);
      expect(rows).toHaveLength(0);
      await http.get(manage).expect(404);
      await http.post('/registrations/manage/erase').type('form').send({ token: mine.managementToken, lang }).expect(404);
      await http.post('/registrations/manage/erase/confirm').type('form').send({ token: mine.managementToken, lang }).expect(404);
      expect(errorOf(await app.gql(BY_TOKEN, { token: mine.managementToken })).extensions?.code).toBe('NOT_FOUND');
    },
  );
});
