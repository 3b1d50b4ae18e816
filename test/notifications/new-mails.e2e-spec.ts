import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Queue } from 'bullmq';
import { Association } from '@mangfold/associations';
import { Role, User } from '@mangfold/auth';
import type { Event } from '@mangfold/calendar';
import { JobName, OutboxMessage, QueueName, type Notification } from '@mangfold/jobs';
import { MAIL_KINDS, MailDeliveryStatus, NOTIFICATION_KINDS } from '@mangfold/notifications';
import { Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent, createMember, createRegistration, createUser, TEST_PASSWORD, tokenFor } from '../factories';
import { dataOf, errorOf, SmtpSink, startTestApp, TestBrowser, waitFor, WCAG_TAGS, type SinkMail, type TestApp } from '../utils';
import { PortalClient } from '../utils/portal-client';
import { deliveries, queueOf } from './helpers';

const SIGN_UP = `mutation SignUp($input: SignUpAssociationInput!) {
  signUpAssociation(input: $input) { accessToken user { email } association { id name status } }
}`;
const MESSAGE = `mutation Message($eventId: ID!, $input: MessageRegistrantsInput!) {
  messageRegistrants(eventId: $eventId, input: $input) { recipientCount }
}`;

type MessageJob = Extract<Notification, { kind: 'registrants-message' }>;

/** The two mails that came with issue 14: TFI hears of a sign-up, and organisers write to their registrants. */
describe('the sign-up notice to admins and the organiser’s message to registrants', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let mailQueue: Queue;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    mailQueue = queueOf(app, QueueName.Mail);
  });
  afterAll(async () => {
    await mailQueue.close();
    await app.close();
    await sink.stop();
  });

  /** Resolves once every mail of the event's message is recorded as sent. */
  async function messageSent(event: Event, count: number): Promise<void> {
    await waitFor(
      async () => {
        const rows = await deliveries(app, { event: event.id, kind: 'registrants-message' });
        return rows.length === count && rows.every((r) => r.status === MailDeliveryStatus.SENT);
      },
      30_000,
      `${count} message mails sent`,
    );
  }

  /** The message jobs queued for an event, as the outbox wrote them. */
  async function messageJobs(event: Event): Promise<MessageJob[]> {
    const rows = await app.em().find(OutboxMessage, { name: JobName.Notify });
    return rows
      .map((r) => r.payload as Notification)
      .filter((p): p is MessageJob => p.kind === 'registrants-message' && p.eventId === event.id);
  }

  /** An event of a fresh association, with a confirmed Danish, a waiting English, a cancelled and an anonymised registrant. */
  async function eventWithRegistrants() {
    const organiser = await createMember(app);
    const em = app.em();
    const event = await createEvent(em, {
      organiser: organiser.association,
      title: { da: 'Sommerfest & <dans>', en: 'Summer party & <dance>' },
      slug: `sommerfest-${randomUUID()}`,
    });
    const dane = await createRegistration(em, event, { name: 'Mette', locale: 'da' });
    const english = await createRegistration(em, event, { name: 'Sam', locale: 'en', status: RegistrationStatus.WAITLISTED });
    const cancelled = await createRegistration(em, event, { status: RegistrationStatus.CANCELLED });
    const anonymised = await createRegistration(em, event);
    await em.nativeUpdate(Registration, { id: anonymised.id }, { email: null, name: null, anonymizedAt: new Date() });
    return { organiser, event, dane, english, cancelled };
  }

  it('names every notification and mail kind, the new ones included', () => {
    expect(NOTIFICATION_KINDS).toEqual(expect.arrayContaining(['association-signed-up', 'registrants-message']));
    expect(MAIL_KINDS['association-signed-up'].audience).toBe('admins');
    expect(MAIL_KINDS['registrants-message'].audience).toBe('registrants');
  });

  it('tells every admin, in their language, that a new association waits for approval, and tells the signer nothing', async () => {
    const em = app.em();
    await createUser(em, { role: Role.ADMIN, name: 'Dorte', locale: 'da' });
    await createUser(em, { role: Role.ADMIN, name: 'Dave', locale: 'en' });
    const admins = await app.em().find(User, { role: Role.ADMIN });
    const before = sink.mails.length;

    const input = { name: 'Amager <Madklub>', kind: 'EMBASSY', email: 'founder@madklub.example', password: 'a-long-enough-password' };
    const signUp = dataOf(await app.gql(SIGN_UP, { input })).signUpAssociation;
    expect(signUp.association.status).toBe('PENDING');
    expect(Object.keys(signUp)).toEqual(['accessToken', 'user', 'association']);

    await waitFor(() => sink.mails.length - before >= admins.length, 20_000, 'a mail to each admin');
    const notices = sink.mails.slice(before).filter((m) => m.parsed.headers.get('x-mangfold-kind') === 'association-signed-up');
    expect(notices.map((m) => m.envelope.to).sort()).toEqual(admins.map((a) => [a.email]).sort());
    const dorte = notices.find((m) => m.parsed.text!.includes('Kære Dorte'))!;
    expect(dorte.parsed.subject).toBe('Venter på godkendelse: Amager <Madklub>');
    expect(dorte.parsed.text).toContain('Type: Ambassade');
    expect(dorte.parsed.text).toContain('Se foreninger, der venter: http://mangfold.test/portal/admin/associations');
    expect(dorte.parsed.html).toContain('Amager &lt;Madklub&gt;');
    const dave = notices.find((m) => m.parsed.text!.includes('Dear Dave'))!;
    expect(dave.parsed.subject).toBe('Waiting for approval: Amager <Madklub>');
    expect(dave.parsed.headers.get('content-language')).toBe('en');
    // The link answers (the login page for a visitor without a session).
    const link = await fetch(`${app.url}/portal/admin/associations`);
    expect(link.status).toBe(200);
    // Nothing reaches the signer about it.
    expect(sink.to('founder@madklub.example')).toHaveLength(0);

    // A sign-up with an existing account's address creates nothing, so no admin hears of one.
    const holder = await createUser(app.em(), { email: 'holder@madklub.example' });
    const again = dataOf(await app.gql(SIGN_UP, { input: { ...input, name: 'Anden Madklub', email: holder.email } })).signUpAssociation;
    expect(Object.keys(again)).toEqual(Object.keys(signUp));
    await waitFor(() => sink.to(holder.email).length === 1, 20_000, 'the existing-account mail');
    const signedUp = (await app.em().find(OutboxMessage, { name: JobName.Notify }))
      .map((r) => r.payload as Notification)
      .filter((p) => p.kind === 'association-signed-up');
    expect(signedUp).toEqual([{ kind: 'association-signed-up', associationId: signUp.association.id }]);
    expect(await app.em().count(Association, { name: 'Anden Madklub' })).toBe(0);
  });

  it('mails a message from the portal to each confirmed and waiting registrant, alone, in their language, once', async () => {
    const { organiser, event, dane, english, cancelled } = await eventWithRegistrants();
    const portal = await PortalClient.login(app.url, organiser.user.email, TEST_PASSWORD);
    const csrf = await portal.csrfToken(`/portal/events/${event.id}/registrations`);
    const text = 'Husk <b>madpakke</b> & "tæppe".\n\nVi ses ved indgangen.';
    sink.respondWith({ code: 421, message: '4.3.2 Try again later' });
    const posted = await portal.post(`/portal/events/${event.id}/registrations/message`, { _csrf: csrf, subject: 'Praktisk info', text });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/portal/events/${event.id}/registrations?sent=2`);
    const shown = await (await portal.get(posted.headers.get('location')!)).text();
    expect(shown).toContain('Beskeden sendes til 2 tilmeldte.');

    // The first mail met a 421: the job retried, and nobody got the message twice.
    await messageSent(event, 2);
    expect(sink.to(cancelled.email!)).toHaveLength(0);
    const [toDane] = sink.to(dane.email!) as [SinkMail];
    const [toEnglish] = sink.to(english.email!) as [SinkMail];
    expect(sink.to(dane.email!)).toHaveLength(1);
    expect(sink.to(english.email!)).toHaveLength(1);
    for (const [mail, registration] of [
      [toDane, dane],
      [toEnglish, english],
    ] as const) {
      expect(mail.envelope.to).toEqual([registration.email]);
      expect(mail.raw.toString('utf8')).not.toContain(registration === dane ? english.email! : dane.email!);
      expect(mail.parsed.text).toMatch(/\/registrations\/manage\?token=\S+/);
    }
    expect(toDane.parsed.subject).toBe('Praktisk info (Sommerfest & <dans>)');
    expect(toDane.parsed.text).toContain('Kære Mette');
    expect(toDane.parsed.text).toContain(`skriver til alle, der er tilmeldt Sommerfest & <dans>:\n\n${text}\n`);
    expect(toDane.parsed.html).toContain('<p>Husk &lt;b&gt;madpakke&lt;/b&gt; &amp; &quot;tæppe&quot;.</p>');
    expect(toDane.parsed.html).not.toContain('<b>madpakke');
    expect(toEnglish.parsed.subject).toBe('Praktisk info (Summer party & <dance>)');
    expect(toEnglish.parsed.text).toContain('Dear Sam');
    expect(toEnglish.parsed.text).toContain('writes to everyone registered for Summer party & <dance>:');
    const manageLinks = [toDane, toEnglish].map((m) => /(http:\/\/\S+\/registrations\/manage\?token=\S+)/.exec(m.parsed.text!)![1]);
    expect(new Set(manageLinks).size).toBe(2);
    // Each link opens its registrant's page (the mails name the public host; the test asks the app itself).
    for (const url of manageLinks) expect((await fetch(url.replace('http://mangfold.test', app.url))).status).toBe(200);
    const rows = await deliveries(app, { event: event.id, kind: 'registrants-message' });
    expect(rows.map((r) => r.attempts).sort()).toEqual([1, 2]);

    // The same job run again (a worker that died after sending) sends nothing more.
    const [job] = await messageJobs(event);
    const rerun = await mailQueue.add(JobName.Notify, job);
    await waitFor(async () => (await mailQueue.getJob(rerun.id!))?.isCompleted() ?? false, 20_000, 'the rerun');
    expect(sink.to(dane.email!)).toHaveLength(1);
    expect(sink.to(english.email!)).toHaveLength(1);
  }, 120_000);

  it('keeps what was written and names the problem beside each field', async () => {
    const { organiser, event } = await eventWithRegistrants();
    const portal = await PortalClient.login(app.url, organiser.user.email, TEST_PASSWORD);
    const csrf = await portal.csrfToken(`/portal/events/${event.id}/registrations`);
    const long = `Lang <tekst> ${'x'.repeat(5000)}`;
    const bad = await portal.post(`/portal/events/${event.id}/registrations/message`, { _csrf: csrf, subject: '   ', text: long });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/<p class="field-error" id="f-subject-error">is required<\/p>/);
    expect(html).toMatch(/<p class="field-error" id="f-text-error">must be at most 5000 characters<\/p>/);
    expect(html).toContain(`Lang &lt;tekst> ${'x'.repeat(5000)}</textarea>`);

    const tooLong = 'E'.repeat(151);
    const second = await portal.post(`/portal/events/${event.id}/registrations/message`, { _csrf: csrf, subject: tooLong, text: 'Hej' });
    expect(second.status).toBe(422);
    const again = await second.text();
    expect(again).toMatch(/id="f-subject-error">must be at most 150 characters</);
    expect(again).toContain(`value="${tooLong}"`);
    expect(again).toContain('>Hej</textarea>');
    expect(await messageJobs(event)).toEqual([]);

    // The form and its errors, as a browser posts and shows them, meet WCAG 2.1 AA and fit 320 px.
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      await site.context.addCookies([{ name: 'mangfold_session', value: portal.cookie!.split('=')[1], url: app.url }]);
      const { page } = await site.open(`/portal/events/${event.id}/registrations`);
      expect(page.url()).toBe(`${app.url}/portal/events/${event.id}/registrations`);
      expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
      await page.fill('#f-subject', tooLong);
      await page.fill('#f-text', 'Hej');
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/registrations/message') && r.request().method() === 'POST'),
        page.click('form[action$="/registrations/message"] button[type="submit"]'),
      ]);
      expect(answer.status()).toBe(422);
      expect(await page.textContent('#f-subject-error')).toBe('must be at most 150 characters');
      expect(await page.inputValue('#f-text')).toBe('Hej');
      expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await site.close();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses another association’s member and a post without the CSRF token, and changes nothing', async () => {
    const { organiser, event, dane } = await eventWithRegistrants();
    const outsider = await createMember(app);
    const portal = await PortalClient.login(app.url, outsider.user.email, TEST_PASSWORD);
    const csrf = await portal.csrfToken();
    const refused = await portal.post(`/portal/events/${event.id}/registrations/message`, { _csrf: csrf, subject: 'Spam', text: 'Spam' });
    expect(refused.status).toBe(404);

    // The event's own organiser, but the form came without the session's token (another site's form).
    const own = await PortalClient.login(app.url, organiser.user.email, TEST_PASSWORD);
    const forged = await own.post(`/portal/events/${event.id}/registrations/message`, { subject: 'Uden token', text: 'Uden token' });
    expect(forged.headers.get('location') ?? '').not.toContain('sent=');
    expect(forged.status).not.toBe(200);

    expect(await messageJobs(event)).toEqual([]);
    expect(sink.to(dane.email!)).toHaveLength(0);
  });

  it('offers the same as the messageRegistrants mutation, to the event’s organisers and admins only', async () => {
    const { organiser, event, dane, english } = await eventWithRegistrants();
    const outsider = await createMember(app);
    const input = { subject: 'Ændret indgang', text: 'Brug sideindgangen.' };

    const forbidden = errorOf(await app.gql(MESSAGE, { eventId: event.id, input }, outsider.token));
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(MESSAGE, { eventId: event.id, input })).extensions?.code).toBe('UNAUTHENTICATED');
    const missing = errorOf(await app.gql(MESSAGE, { eventId: '00000000-0000-4000-8000-000000000000', input }, organiser.token));
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    const invalid = errorOf(await app.gql(MESSAGE, { eventId: event.id, input: { subject: 'a\nb', text: ' ' } }, organiser.token));
    expect(invalid.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { subject: 'must be one line', text: 'is required' } });
    expect(await messageJobs(event)).toEqual([]);

    const sent = dataOf(await app.gql(MESSAGE, { eventId: event.id, input }, organiser.token)).messageRegistrants;
    expect(sent).toEqual({ recipientCount: 2 });
    await messageSent(event, 2);
    expect(sink.to(dane.email!).map((m) => m.parsed.subject)).toEqual(['Ændret indgang (Sommerfest & <dans>)']);
    expect(sink.to(english.email!).map((m) => m.parsed.text!.includes('Brug sideindgangen.'))).toEqual([true]);

    const admin = await createUser(app.em(), { role: Role.ADMIN });
    const byAdmin = dataOf(await app.gql(MESSAGE, { eventId: event.id, input: { subject: 'Fra TFI', text: 'Hej' } }, tokenFor(app, admin)));
    expect(byAdmin.messageRegistrants).toEqual({ recipientCount: 2 });
    await messageSent(event, 4);
    expect(sink.to(dane.email!)).toHaveLength(2);
    expect(await messageJobs(event)).toHaveLength(2);
  }, 120_000);
});
