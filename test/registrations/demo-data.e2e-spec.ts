import { DateTime } from 'luxon';
import { Event } from '@mangfold/calendar';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { dataOf, startTestApp, type TestApp } from '../utils';
import { register, seatLedger } from './helpers';

/* `npm start` must show registrations working out of the box, whatever day it is run. */
describe('demo data for registrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder().load(app.em())).toBe(true);
  });
  afterAll(() => app.close());

  it('has an upcoming seminar with 30 seats open for registration, and a network meeting', async () => {
    const seminar = await app.em().findOneOrFail(Event, { slug: 'seminar-projektledelse-frivillige' });
    expect(seminar).toMatchObject({ capacity: 30, registrationRequired: true });
    expect(seminar.startsAt.getTime()).toBeGreaterThan(Date.now());
    expect(await seatLedger(app.em(), seminar.id)).toEqual({ seatsTaken: 12, waitlistLength: 0, confirmedSeats: 12, waitlisted: 0 });
    const r = dataOf(await register(app, seminar.id, { partySize: 2 })).registerForEvent;
    expect(r.status).toBe('CONFIRMED');

    const meeting = await app.em().findOneOrFail(Event, { slug: 'netvaerksmoede-opsoegende-arbejde' });
    expect(dataOf(await register(app, meeting.id)).registerForEvent.status).toBe('CONFIRMED');
  });

  it('has the next International Day with stands and an open window', async () => {
    const event = await app.em().findOneOrFail(Event, { slug: 'international-dag' });
    const year = DateTime.fromJSDate(event.startsAt, { zone: 'Europe/Copenhagen' }).year;
    const day = dataOf(
      await app.gql(
        `query($y: Int!) { internationalDay(year: $y) { eventId standCapacity standsTaken registrationOpen practicalInfo(lang: EN) countsByStatus { status count } } }`,
        {
          y: year,
        },
      ),
    ).internationalDay;
    expect(day).toMatchObject({
      eventId: event.id,
      standCapacity: 40,
      standsTaken: 2,
      registrationOpen: true,
      practicalInfo: expect.stringMatching(/Set-up/),
    });
    expect(day.countsByStatus).toEqual(
      expect.arrayContaining([
        { status: 'CONFIRMED', count: 2 },
        { status: 'PENDING', count: 1 },
      ]),
    );
  });
});
