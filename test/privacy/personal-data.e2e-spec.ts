import { Queue } from 'bullmq';
import { EventKind } from '@mangfold/calendar';
import { JobName, QueueName, redisOptionsFromUrl } from '@mangfold/jobs';
import {
  Feedback,
  Participation,
  ParticipationStatus,
  PersonalDataService,
  Registration,
  RegistrationStatus,
} from '@mangfold/registrations';
import { createEvent, createFeedback, createInternationalDay, createMember, createParticipation, createRegistration } from '../factories';
import { BY_TOKEN, register } from '../registrations/helpers';
import { dataOf, errorOf, startTestApp, waitFor, type TestApp } from '../utils';

const DAY = 24 * 3600_000;

describe('personal data (GDPR)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true', PERSONAL_DATA_RETENTION_DAYS: '90' } });
  });
  afterAll(() => app.close());

  it('anonymises registrants 90 days after the event, keeping what the KPIs count', async () => {
    const em = app.em();
    const old = await createEvent(em, {
      kind: EventKind.SEMINAR,
      capacity: 10,
      startsAt: new Date(Date.now() - 100 * DAY),
      endsAt: new Date(Date.now() - 100 * DAY + 7200_000),
    });
    const recent = await createEvent(em, {
      kind: EventKind.SEMINAR,
      capacity: 10,
      startsAt: new Date(Date.now() - 30 * DAY),
      endsAt: new Date(Date.now() - 30 * DAY + 7200_000),
    });
    const gone = await createRegistration(em, old, { name: 'Gammel Deltager', email: 'gammel@example.org', checkedIn: true });
    await createRegistration(em, old, { status: RegistrationStatus.CANCELLED, name: 'Afmeldt', email: 'afmeldt@example.org' });
    await createFeedback(em, gone, { satisfied: true, score: 5, comment: 'Tak til Fatima for en god dag' });
    const kept = await createRegistration(em, recent, { name: 'Ny Deltager', email: 'ny@example.org' });
    const oldDay = await createInternationalDay(em, { year: 2020, startsAt: new Date(Date.now() - 200 * DAY) });
    const contact = await createParticipation(em, oldDay, { status: ParticipationStatus.CONFIRMED });

    const result = await app.api.get(PersonalDataService).purgeExpired();
    expect(result.registrations).toBe(2);
    expect(result.participations).toBe(1);

    const check = app.em();
    const anonymised = await check.find(Registration, { event: old.id });
    for (const r of anonymised) {
      expect(r).toMatchObject({ name: null, email: null, phone: null, organisation: null });
      expect(r.anonymizedAt).toBeInstanceOf(Date);
    }
    // What the KPIs count survives: the rows, statuses, check-ins and satisfaction.
    expect(anonymised.map((r) => r.status).sort()).toEqual([RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED]);
    expect(anonymised.find((r) => r.id === gone.id)!.checkedInAt).toBeInstanceOf(Date);
    const answer = await check.findOneOrFail(Feedback, { registration: gone.id });
    expect(answer).toMatchObject({ satisfied: true, score: 5, comment: null });
    expect((await check.findOneOrFail(Registration, kept.id)).email).toBe('ny@example.org');
    expect(await check.findOneOrFail(Participation, contact.id)).toMatchObject({
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    });

    // Idempotent: a second run finds nothing left to do.
    expect((await app.api.get(PersonalDataService).purgeExpired()).registrations).toBe(0);
  });

  it('runs the purge nightly from the worker', async () => {
    await app.startWorker();
    const queue = new Queue(QueueName.Maintenance, {
      connection: redisOptionsFromUrl(app.config.redis.url),
      prefix: app.config.redis.prefix,
    });
    try {
      await waitFor(
        async () => (await queue.getJobSchedulers()).some((s) => s.name === JobName.PurgePersonalData),
        10_000,
        'purge scheduler',
      );
      const scheduler = (await queue.getJobSchedulers()).find((s) => s.name === JobName.PurgePersonalData)!;
      expect(scheduler.pattern).toBe('45 3 * * *');
      expect(scheduler.tz).toBe('Europe/Copenhagen');
    } finally {
      await queue.close();
    }
  });

  it('lets a registrant erase their data with the management link, freeing the seat for the waiting list', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 1, registrationRequired: true });
    const first = dataOf(
      await register(app, event.id, { name: 'Slet Mig', email: 'slet.mig@example.org', phone: '+4512345678' }, { ip: '10.9.0.1' }),
    ).registerForEvent;
    const second = dataOf(await register(app, event.id, {}, { ip: '10.9.0.2' })).registerForEvent;
    expect([first.status, second.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    const erased = await app.gql('mutation($t: String!) { eraseRegistration(token: $t) }', { t: first.managementToken });
    expect(dataOf(erased).eraseRegistration).toBe(true);
    expect(errorOf(await app.gql(BY_TOKEN, { token: first.managementToken })).extensions?.code).toBe('NOT_FOUND');

    const em = app.em();
    const row = await em.findOneOrFail(Registration, first.id);
    expect(row).toMatchObject({ status: RegistrationStatus.CANCELLED, name: null, email: null, phone: null });
    expect((await em.findOneOrFail(Registration, second.id)).status).toBe(RegistrationStatus.CONFIRMED);
    // Erasing again with the dead link reveals nothing.
    expect(
      errorOf(await app.gql('mutation($t: String!) { eraseRegistration(token: $t) }', { t: first.managementToken })).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('exports everything held about an address to admins only', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true });
    dataOf(
      await register(app, event.id, { name: 'Nadia Export', email: 'Nadia.Export@example.org', phone: '+4588888888' }, { ip: '10.9.0.3' }),
    );
    const query = 'query($e: String!) { personalDataExport(email: $e) }';

    const doc = dataOf(await app.gql(query, { e: 'NADIA.export@example.org' }, await app.adminToken())).personalDataExport;
    expect(doc.email).toBe('nadia.export@example.org');
    expect(doc.account).toBeNull();
    expect(doc.registrations).toHaveLength(1);
    expect(doc.registrations[0]).toMatchObject({
      name: 'Nadia Export',
      phone: '+4588888888',
      status: 'CONFIRMED',
      event: { id: event.id },
    });

    const member = await createMember(app);
    expect(errorOf(await app.gql(query, { e: 'nadia.export@example.org' }, member.token)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(query, { e: 'nadia.export@example.org' })).extensions?.code).toBe('UNAUTHENTICATED');
    const bad = errorOf(await app.gql(query, { e: 'not-an-address' }, await app.adminToken()));
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.fields).toHaveProperty('email');
  });
});
