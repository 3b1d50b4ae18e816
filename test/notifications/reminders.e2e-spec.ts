import type { Queue } from 'bullmq';
import { Event, EventStatus } from '@mangfold/calendar';
import { type JobName, QueueName, type JobPayloads } from '@mangfold/jobs';
import { feedbackJobId, reminderJobId } from '@mangfold/notifications';
import { CancelledBy, Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent, createRegistration, type EventData } from '../factories';
import { parseCalendar, SmtpSink, stampLines, startTestApp, waitFor, type TestApp } from '../utils';
import { notify, queueOf } from './helpers';

describe('reminders and feedback requests', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let reminders: Queue;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url, FEEDBACK_DELAY_MINUTES: '0' } });
    reminders = queueOf(app, QueueName.Reminders);
  });
  afterAll(async () => {
    await reminders.close();
    await app.close();
    await sink.stop();
  });

  async function eventWith(startsInMs: number, offsets: number[] | null, data: EventData = {}): Promise<Event> {
    const em = app.em();
    const startsAt = new Date(Math.ceil((Date.now() + startsInMs) / 1000) * 1000);
    const event = await createEvent(em, { startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), ...data });
    event.reminderOffsetsMinutes = offsets;
    await em.flush();
    return event;
  }

  async function reminderJob(registrationId: string, offset: number) {
    const job = await reminders.getJob(reminderJobId(registrationId, offset));
    return (
      job && {
        state: await job.getState(),
        data: job.data as JobPayloads[JobName.SendReminder],
        dueAt: job.timestamp + (job.opts.delay ?? 0),
      }
    );
  }

  const subjects = (email: string) => sink.to(email).map((m) => m.parsed.subject);

  it('schedules reminders when a registration is confirmed and delivers each at its due time, none for offsets already past', async () => {
    const event = await eventWith(66_000, [1, 60, 7 * 24 * 60]);
    const registration = await createRegistration(app.em(), event, { name: 'Mona' });
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(() => sink.to(registration.email!).length === 1);

    const job = await reminderJob(registration.id, 1);
    expect(job).toMatchObject({
      state: 'delayed',
      data: { registrationId: registration.id, offsetMinutes: 1, startsAt: event.startsAt.toISOString() },
    });
    const dueAt = event.startsAt.getTime() - 60_000;
    expect(Math.abs(job!.dueAt - dueAt)).toBeLessThan(1_000);
    expect(await reminderJob(registration.id, 60)).toBeUndefined();
    expect(await reminderJob(registration.id, 7 * 24 * 60)).toBeUndefined();

    await waitFor(() => sink.to(registration.email!).length === 2, 20_000, 'the reminder');
    const reminder = sink.to(registration.email!)[1];
    expect(reminder.parsed.subject).toMatch(/^Påmindelse: .+ om 1 minut$/);
    expect(reminder.parsed.text).toContain('Kære Mona');
    expect(reminder.receivedAt.getTime()).toBeGreaterThanOrEqual(dueAt);
  });

  it('moves the reminders with the event and tells the registrants the new time with a calendar update', async () => {
    const event = await eventWith(30 * 60_000, [1]);
    const registration = await createRegistration(app.em(), event, { locale: 'en' });
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(async () => (await reminderJob(registration.id, 1))?.state === 'delayed');
    await waitFor(() => sink.to(registration.email!).length === 1);

    const em = app.em();
    const moved = await em.findOneOrFail(Event, event.id);
    moved.startsAt = new Date(Math.ceil((Date.now() + 66_000) / 1000) * 1000);
    moved.endsAt = new Date(moved.startsAt.getTime() + 3600_000);
    moved.location.name = 'New hall';
    moved.sequence += 1;
    await em.flush();
    await notify(app, { kind: 'event-moved', eventId: event.id });

    await waitFor(() => sink.to(registration.email!).length === 2, 20_000, 'the moved notice');
    const notice = sink.to(registration.email!)[1];
    expect(notice.parsed.subject).toMatch(/^New time or place: /);
    expect(notice.parsed.text).toContain('New hall');
    const calendar = parseCalendar(notice.parsed.attachments[0].content.toString('utf8'));
    expect(calendar.properties.METHOD).toBe('PUBLISH');
    expect(calendar.timezones).toEqual(['Europe/Copenhagen']);
    expect(calendar.events[0].startTzid).toBe('Europe/Copenhagen');
    expect(calendar.events[0].sequence).toBe(1);
    expect(calendar.events[0].location).toBe('New hall');
    expect(stampLines(calendar.events[0])).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);

    const job = await reminderJob(registration.id, 1);
    expect(job).toMatchObject({ state: 'delayed', data: { startsAt: moved.startsAt.toISOString() } });
    const dueAt = moved.startsAt.getTime() - 60_000;
    await waitFor(() => sink.to(registration.email!).length === 3, 20_000, 'the moved reminder');
    const reminder = sink.to(registration.email!)[2];
    expect(reminder.parsed.subject).toMatch(/^Reminder: .+ in 1 minute$/);
    expect(reminder.receivedAt.getTime()).toBeGreaterThanOrEqual(dueAt);
  });

  it('removes the reminders of a cancelled registration and confirms the cancellation', async () => {
    const event = await eventWith(30 * 60_000, [1, 10]);
    const registration = await createRegistration(app.em(), event);
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(async () => (await reminderJob(registration.id, 10))?.state === 'delayed');
    expect((await reminderJob(registration.id, 1))?.state).toBe('delayed');
    expect(await reminders.getJob(feedbackJobId(registration.id))).toBeDefined();

    const em = app.em();
    const cancelled = await em.findOneOrFail(Registration, registration.id);
    cancelled.status = RegistrationStatus.CANCELLED;
    cancelled.cancelledAt = new Date();
    cancelled.cancelledBy = CancelledBy.REGISTRANT;
    await em.flush();
    await notify(app, { kind: 'registration-cancelled', registrationId: registration.id });

    await waitFor(() => subjects(registration.email!).some((s) => s?.startsWith('Afmeldt: ')), 10_000, 'the cancellation mail');
    expect(await reminderJob(registration.id, 1)).toBeUndefined();
    expect(await reminderJob(registration.id, 10)).toBeUndefined();
    expect(await reminders.getJob(feedbackJobId(registration.id))).toBeUndefined();
  });

  it("removes every registrant's reminders when the event is cancelled, and tells each of them once", async () => {
    const event = await eventWith(30 * 60_000, [1]);
    const em = app.em();
    const confirmed = [await createRegistration(em, event), await createRegistration(em, event, { locale: 'en' })];
    const waitlisted = await createRegistration(em, event, { status: RegistrationStatus.WAITLISTED });
    for (const r of confirmed) await notify(app, { kind: 'registration-confirmed', registrationId: r.id });
    await waitFor(async () => (await Promise.all(confirmed.map((r) => reminderJob(r.id, 1)))).every((j) => j?.state === 'delayed'));

    const cancelled = await em.findOneOrFail(Event, event.id);
    cancelled.status = EventStatus.CANCELLED;
    cancelled.cancelledAt = new Date();
    await em.flush();
    await notify(app, { kind: 'event-cancelled', eventId: event.id, reason: 'Sygdom' });
    await notify(app, { kind: 'event-cancelled', eventId: event.id, reason: 'Sygdom' });

    for (const r of [...confirmed, waitlisted]) {
      await waitFor(() => subjects(r.email!).some((s) => /^(Aflyst|Event cancelled): /.test(s ?? '')), 10_000, `the notice to ${r.email}`);
    }
    for (const r of confirmed) expect(await reminderJob(r.id, 1)).toBeUndefined();
    const notice = sink.to(confirmed[0].email!).find((m) => m.parsed.subject?.startsWith('Aflyst'))!;
    expect(notice.parsed.text).toContain('Sygdom');
    const calendar = parseCalendar(notice.parsed.attachments[0].content.toString('utf8'));
    expect(calendar.properties.METHOD).toBe('PUBLISH');
    expect(calendar.events[0].status).toBe('CANCELLED');
    expect(stampLines(calendar.events[0])).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);
    // Fanned out twice (a duplicate notification); still one notice each.
    const fanOuts = await Promise.all(
      [...confirmed, waitlisted].map((r) =>
        app
          .em()
          .getConnection()
          .execute(`select count(*)::int as n from mail_delivery where key = ?`, [`event-cancelled:${r.id}`]),
      ),
    );
    expect(fanOuts.map((rows) => rows[0].n)).toEqual([1, 1, 1]);
    for (const r of [...confirmed, waitlisted])
      expect(subjects(r.email!).filter((s) => /^(Aflyst|Event cancelled): /.test(s ?? ''))).toHaveLength(1);
  });

  it('asks for feedback once the event is over, only those who were checked in when check-in was used', async () => {
    const event = await eventWith(1_000, null);
    const em = app.em();
    const ended = await em.findOneOrFail(Event, event.id);
    ended.endsAt = new Date(event.startsAt.getTime() + 3_000);
    ended.lastEndsAt = ended.endsAt;
    await em.flush();
    const came = await createRegistration(em, event, { checkedIn: true });
    const stayedAway = await createRegistration(em, event);
    for (const r of [came, stayedAway]) await notify(app, { kind: 'registration-confirmed', registrationId: r.id });

    await waitFor(() => subjects(came.email!).some((s) => s?.startsWith('Hvordan var ')), 20_000, 'the feedback request');
    const request = sink.to(came.email!).find((m) => m.parsed.subject?.startsWith('Hvordan var '))!;
    expect(request.receivedAt.getTime()).toBeGreaterThanOrEqual(ended.endsAt.getTime());
    expect(request.parsed.text).toMatch(/http:\/\/mangfold\.test\/registrations\/manage\?token=\S+#feedback/);
    await waitFor(async () => (await reminders.getJob(feedbackJobId(stayedAway.id)))?.isCompleted() ?? false);
    const skipped = await reminders.getJob(feedbackJobId(stayedAway.id));
    expect(skipped!.returnvalue).toBe('skipped: not checked in');
    expect(subjects(stayedAway.email!).filter((s) => s?.startsWith('Hvordan var '))).toHaveLength(0);
  });
});
