import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { GraphqlApiModule } from '@mangfold/graphql';
import { JobsModule } from '@mangfold/jobs';
import { Event, EventKind } from '@mangfold/calendar';
import { RegistrationStatus, RegistrationsModule, eventFieldResolvers, eventRegistrationFieldsResolver } from '@mangfold/registrations';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { createEvent, createInternationalDay, createRegistration } from '../factories';
import { attendee } from './helpers';
import { cleanRedisPrefix, createTestDatabase, graphql, testConfig, type TestDatabase } from '../utils';

/* The calendar's Event type is built in another lib; a stand-in type proves the fields mount on any type with an id. */
@ObjectType('StandInEvent')
class StandInEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  slug?: string;
}

@Resolver(() => StandInEvent)
class StandInResolver {
  @Query(() => [StandInEvent])
  standInEvents(@Args('ids', { type: () => [ID] }) ids: string[]): StandInEvent[] {
    return ids.map((id) => ({ id }));
  }
}

describe('registration fields on the Event type', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let config: AppConfig;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DbModule.forRoot(SCHEMA),
        JobsModule.forRoot(),
        GraphqlApiModule.forRoot(),
        RegistrationsModule,
      ],
      providers: [
        StandInResolver,
        eventRegistrationFieldsResolver(StandInEvent, { seatFields: true }),
        ...eventFieldResolvers(StandInEvent),
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await cleanRedisPrefix(config);
    await db.drop();
  });

  it('resolves seats, head counts and the registration window for many events in one batch', async () => {
    const em = app.get<MikroORM>(MikroORM).em.fork();
    const full = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 2, registrationRequired: true });
    const open = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 10, registrationRequired: true });
    const plain = await createEvent(em, {});
    await createRegistration(em, full, { partySize: 2, checkedIn: true });
    await createRegistration(em, full, { status: RegistrationStatus.WAITLISTED, partySize: 3 });
    await createRegistration(em, open, { partySize: 1 });

    const res = await graphql(
      url,
      `
        query ($ids: [ID!]!) {
          standInEvents(ids: $ids) {
            id
            seatsLeft
            waitlistLength
            registrationCounts {
              registrationOpen
              capacity
              confirmed
              checkedIn
              waitlisted
            }
          }
        }
      `,
      { ids: [full.id, open.id, plain.id] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.standInEvents).toEqual([
      {
        id: full.id,
        seatsLeft: 0,
        waitlistLength: 1,
        registrationCounts: { registrationOpen: true, capacity: 2, confirmed: 2, checkedIn: 2, waitlisted: 3 },
      },
      {
        id: open.id,
        seatsLeft: 9,
        waitlistLength: 0,
        registrationCounts: { registrationOpen: true, capacity: 10, confirmed: 1, checkedIn: 0, waitlisted: 0 },
      },
      {
        id: plain.id,
        seatsLeft: null,
        waitlistLength: 0,
        registrationCounts: { registrationOpen: false, capacity: null, confirmed: 0, checkedIn: 0, waitlisted: 0 },
      },
    ]);
  });

  it('gives Registration and InternationalDay their event', async () => {
    const em = app.get<MikroORM>(MikroORM).em.fork();
    const event = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true });
    const day = await createInternationalDay(em, { year: 2050 });
    const registered = await graphql(
      url,
      `
        mutation ($eventId: ID!, $input: AttendeeInput!) {
          registerForEvent(eventId: $eventId, input: $input) {
            id
            event {
              id
              slug
            }
          }
        }
      `,
      { eventId: event.id, input: attendee() },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerForEvent.event).toEqual({ id: event.id, slug: event.slug });
    const res = await graphql(
      url,
      `
        {
          internationalDay(year: 2050) {
            event {
              id
              slug
            }
          }
        }
      `,
    );
    expect(res.data!.internationalDay.event).toEqual({ id: day.event.id, slug: (await em.findOneOrFail(Event, day.event.id)).slug });
  });
});
