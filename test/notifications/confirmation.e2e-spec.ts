import { Event, EventKind, EventOrganiser } from '@mangfold/calendar';
import { MailDeliveryStatus } from '@mangfold/notifications';
import { RegistrationStatus } from '@mangfold/registrations';
import { JobName, QueueName } from '@mangfold/jobs';
import type { Queue } from 'bullmq';
import { createEvent, createRegistration } from '../factories';
import { getFeed, publishNow, uidOf } from '../feeds/feed-helpers';
import { parseCalendar, propertyLines, SmtpSink, stampLines, startTestApp, waitFor, type TestApp } from '../utils';
import { deliveries, notify, queueOf } from './helpers';

describe('confirmation mails over SMTP', () => {
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

  it('confirms a registration in Danish with a calendar file that calendar apps import without replying', async () => {
    const em = app.em();
    const event = await createEvent(em, {
      kind: EventKind.SEMINAR,
      title: { da: 'Fællesspisning & <musik>', en: 'Community dinner & <music>' },
      startsAt: new Date('2031-03-30T15:00:00Z'),
      endsAt: new Date('2031-03-30T17:30:00Z'),
    });
    event.location.name = 'Kulturhuset';
    event.location.address = 'Nørrebrogade 1';
    event.location.postalCode = '2200';
    event.location.city = 'København N';
    await em.flush();
    const registration = await createRegistration(em, event, { name: 'Anna <b>Hansen</b>', partySize: 2 });
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });

    const [mail] = await sink.waitFor(1);
    expect(mail.envelope.to).toEqual([registration.email]);
    expect(mail.parsed.subject).toBe('Bekræftelse: Fællesspisning & <musik>');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const text = mail.parsed.text!;
    expect(text).toContain('Kære Anna <b>Hansen</b>');
    expect(text).toContain('søndag 30. marts 2031 kl. 17.00–19.30');
    expect(text).toContain('Kulturhuset, Nørrebrogade 1, 2200 København N');
    expect(text).toContain('Københavns Kommune');
    expect(text).toMatch(/Administrér din tilmelding: http:\/\/mangfold\.test\/registrations\/manage\?token=\S+/);
    expect(text).toContain('http://mangfold.test/privatliv');
    const html = mail.parsed.html as string;
    expect(html).toContain('Kære Anna &lt;b&gt;Hansen&lt;/b&gt;');
    expect(html).toContain('Fællesspisning &amp; &lt;musik&gt;');
    expect(html).not.toContain('<b>Hansen');
    expect(html).toContain('href="http://mangfold.test/privatliv"');

    const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    expect(ics!.filename).toMatch(/\.ics$/);
    const calendar = parseCalendar(ics!.content.toString('utf8'));
    expect(calendar.properties.METHOD).toBe('PUBLISH');
    expect(calendar.timezones).toEqual(['Europe/Copenhagen']);
    expect(calendar.events).toHaveLength(1);
    const [vevent] = calendar.events;
    // The organising association's public page, as in the feeds: never a person's address to reply to.
    const organiser = (await em.findOneOrFail(EventOrganiser, { event }, { populate: ['association'] })).association;
    expect(vevent.component.getFirstPropertyValue('organizer')).toBe(`http://mangfold.test/foreninger/${organiser.slug}`);
    expect(vevent.organiser).not.toMatch(/mailto:/i);
    expect(vevent.component.getAllProperties('attendee')).toHaveLength(0);
    expect(stampLines(vevent)).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);
    expect(vevent.uid).toBe(`${event.id}@mangfold.test`);
    expect(vevent.summary).toBe('Fællesspisning & <musik>');
    expect(vevent.startTzid).toBe('Europe/Copenhagen');
    // Local wall time in the event's zone (summer time began that very night): 15:00Z is 17:00 in Copenhagen.
    expect(vevent.start.toString()).toBe('2031-03-30T17:00:00');
    expect(vevent.end!.toString()).toBe('2031-03-30T19:30:00');
    expect(vevent.component.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Europe/Copenhagen');
    expect(vevent.location).toBe('Kulturhuset, Nørrebrogade 1, 2200 København N');

    await waitFor(async () => (await deliveries(app, { registration: registration.id }))[0]?.status === MailDeliveryStatus.SENT);
    const [delivery] = await deliveries(app, { registration: registration.id });
    expect(delivery).toMatchObject({ kind: 'registration-confirmed', recipient: registration.email, attempts: 1, lastError: null });
    expect(delivery.response).toMatch(/^250/);
    expect(mail.parsed.messageId).toBe(delivery.messageId);
  });

  it("attaches the feed's own VEVENT: a weekly event's RRULE, EXDATEs and zone, with UTC stamps", async () => {
    const em = app.em();
    const event = await createEvent(em, {
      title: { da: 'Ugentlig sprogcafé', en: 'Weekly language café' },
      startsAt: new Date('2031-03-18T17:00:00Z'),
      endsAt: new Date('2031-03-18T19:00:00Z'),
      recurrence: 'FREQ=WEEKLY;COUNT=6',
      districtSlug: 'noerrebro',
    });
    // Two occurrences do not take place, one on each side of the change to summer time.
    const stored = await em.findOneOrFail(Event, event.id);
    stored.recurrenceExceptions = ['2031-03-25T17:00:00.000Z', '2031-04-01T16:00:00.000Z'];
    await em.flush();
    await publishNow(app, event.id);
    const registration = await createRegistration(em, event, { locale: 'en' });
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });

    await waitFor(() => sink.to(registration.email!).length === 1);
    const [mail] = sink.to(registration.email!);
    const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const calendar = parseCalendar(attachment.content.toString('utf8'));
    expect(calendar.properties.METHOD).toBe('PUBLISH');
    expect(calendar.timezones).toEqual(['Europe/Copenhagen']);
    const [vevent] = calendar.events;
    expect(vevent.uid).toBe(uidOf(app, event.id));
    expect(vevent.startTzid).toBe('Europe/Copenhagen');
    expect(vevent.start.toString()).toBe('2031-03-18T18:00:00');
    expect(vevent.rrule).toBe('FREQ=WEEKLY;COUNT=6');
    // Local wall times: 18:00 in winter and in summer.
    expect(vevent.exdates).toEqual(['2031-03-25T18:00:00', '2031-04-01T18:00:00']);
    expect(vevent.component.getFirstProperty('exdate')!.getParameter('tzid')).toBe('Europe/Copenhagen');
    expect(stampLines(vevent)).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);

    const feed = (await getFeed(app, `/calendar/events/${event.slug}.ics?lang=en`)).calendar!;
    const published = feed.events.find((e) => e.uid === vevent.uid)!;
    expect(stampLines(published)).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);
    // Property for property the event the feeds publish, but for when each file was made.
    expect(propertyLines(vevent, ['dtstamp', 'last-modified'])).toEqual(propertyLines(published, ['dtstamp', 'last-modified']));
    expect(calendar.timezones).toEqual(feed.timezones);
  });

  it('writes to an English-speaking registrant in English', async () => {
    const em = app.em();
    const event = await createEvent(em, { title: { da: 'Sprogcafé', en: 'Language café' } });
    const registration = await createRegistration(em, event, { locale: 'en', name: 'Sam', status: RegistrationStatus.WAITLISTED });
    await notify(app, { kind: 'registration-waitlisted', registrationId: registration.id });
    await waitFor(() => sink.to(registration.email!).length === 1);
    const [mail] = sink.to(registration.email!);
    expect(mail.parsed.subject).toBe('Waiting list: Language café');
    expect(mail.parsed.text).toContain('Dear Sam');
    expect(mail.parsed.text).toContain('City of Copenhagen');
    expect(mail.parsed.text).toContain('http://mangfold.test/en/privacy');
    expect(mail.parsed.attachments).toHaveLength(0);
  });

  it('sends once when the same notification runs twice, one after the other or side by side', async () => {
    const em = app.em();
    const event = await createEvent(em);
    const registration = await createRegistration(em, event, { status: RegistrationStatus.WAITLISTED });
    await notify(app, { kind: 'registration-waitlisted', registrationId: registration.id }, `dup-a-${registration.id}`);
    await notify(app, { kind: 'registration-waitlisted', registrationId: registration.id }, `dup-b-${registration.id}`);
    const third = await mailQueue.add(JobName.Notify, { kind: 'registration-waitlisted', registrationId: registration.id });
    await waitFor(async () => {
      const jobs = await Promise.all([`dup-a-${registration.id}`, `dup-b-${registration.id}`, third.id!].map((id) => mailQueue.getJob(id)));
      const done = await Promise.all(jobs.map((j) => (j ? j.isCompleted() : Promise.resolve(false))));
      return done.every(Boolean);
    }, 20_000);
    const again = await mailQueue.add(JobName.Notify, { kind: 'registration-waitlisted', registrationId: registration.id });
    await waitFor(async () => (await mailQueue.getJob(again.id!))?.isCompleted() ?? false);
    expect(sink.to(registration.email!)).toHaveLength(1);
    const rows = await deliveries(app, { registration: registration.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe(MailDeliveryStatus.SENT);
  });

  it('retries a 421 and delivers exactly once', async () => {
    const em = app.em();
    const event = await createEvent(em);
    const registration = await createRegistration(em, event);
    sink.respondWith({ code: 421, message: '4.3.2 Service shutting down, try later' });
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(async () => (await deliveries(app, { registration: registration.id }))[0]?.status === MailDeliveryStatus.SENT, 30_000);
    const [delivery] = await deliveries(app, { registration: registration.id });
    expect(delivery.attempts).toBe(2);
    expect(sink.to(registration.email!)).toHaveLength(1);
  });

  it('records a 550 on the registration and does not retry it', async () => {
    const em = app.em();
    const event = await createEvent(em);
    const registration = await createRegistration(em, event, { email: 'nobody@unknown.example' });
    sink.respondWith({ code: 550, message: '5.1.1 <nobody@unknown.example>: Recipient address rejected' });
    const before = sink.mails.length;
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id }, `bounce-${registration.id}`);
    await waitFor(async () => (await mailQueue.getJob(`bounce-${registration.id}`))?.isFailed() ?? false, 20_000);
    const job = (await mailQueue.getJob(`bounce-${registration.id}`))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/550 5\.1\.1/);
    const [delivery] = await deliveries(app, { registration: registration.id });
    expect(delivery).toMatchObject({ status: MailDeliveryStatus.FAILED, attempts: 1 });
    expect(delivery.lastError).toMatch(/550 5\.1\.1 <nobody@unknown\.example>: Recipient address rejected/);
    expect(delivery.failedAt).toBeInstanceOf(Date);
    // Asked again (a duplicate job), it stays failed and nothing is sent.
    const again = await mailQueue.add(JobName.Notify, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(async () => (await mailQueue.getJob(again.id!))?.isCompleted() ?? false);
    expect(sink.mails.length).toBe(before);
  });
});
