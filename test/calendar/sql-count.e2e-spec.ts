import { DateTime } from 'luxon';
import { Association, District, HousingArea } from '@mangfold/associations';
import { Event, EventOrganiser, EventStatus, Occasion, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { createAssociation, createMember } from '../factories';
import { dataOf, startTestApp, type TestApp } from '../utils';

const ALL_FIELDS = `
  query($first: Int) {
    events(first: $first) {
      edges {
        cursor
        occurrence { startsAt startsAtLocal endsAtLocal }
        node {
          id slug kind status sequence title description audience accessibility price isFree languages
          startsAt endsAt startsAtLocal endsAtLocal allDay timeZone recurrence recurrenceExceptions lastEndsAt
          capacity seatsLeft waitlistLength registrationRequired createdAt updatedAt
          location { name address postalCode city latitude longitude }
          district { slug name }
          housingArea { slug name district { slug } }
          occasion { slug name tradition dates { year startsOn endsOn } }
          organizers { id slug name kind }
          invitedOrganizers { slug }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** No N+1: the number of SQL statements of a page does not depend on its size. */
describe('SQL statements per events(first: N)', () => {
  let app: TestApp;
  let statements: string[] = [];

  beforeAll(async () => {
    // The outbox relay polls the database in the background; this test writes no jobs, so let it sleep.
    app = await startTestApp({ env: { OUTBOX_RELAY_INTERVAL_MS: '60000' } });
    const em = app.em();
    const districts = await em.find(District, {});
    const areas = await em.find(HousingArea, {}, { populate: ['district'] });
    const occasions = await em.find(Occasion, {});
    const associations: Association[] = [];
    for (let i = 0; i < 12; i++) associations.push(await createAssociation(em, { name: `Forening ${i}`, slug: `forening-${i}` }));
    const start = DateTime.fromObject({ year: 2027, month: 4, day: 1, hour: 17 }, { zone: 'Europe/Copenhagen' });
    for (let i = 0; i < 150; i++) {
      const area = areas[i % areas.length];
      const startsAt = start.plus({ hours: i * 5 }).toJSDate();
      const event = em.create(Event, {
        slug: `event-${i}`,
        status: EventStatus.PUBLISHED,
        publishedAt: new Date(),
        title: { da: `Begivenhed ${i}`, en: `Event ${i}` },
        description: { da: 'Beskrivelse', en: 'Description' },
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        lastEndsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        district: i % 3 === 0 ? area.district : districts[i % districts.length],
        housingArea: i % 3 === 0 ? area : null,
        occasion: occasions[i % occasions.length],
        capacity: 40,
        seatsTaken: i % 41,
        languages: ['da', 'en'],
      });
      em.create(EventOrganiser, {
        event,
        association: associations[i % 12],
        role: OrganiserRole.PRIMARY,
        status: OrganiserStatus.ACCEPTED,
      });
      em.create(EventOrganiser, {
        event,
        association: associations[(i + 1) % 12],
        role: OrganiserRole.CO_ORGANIZER,
        status: OrganiserStatus.ACCEPTED,
      });
      em.create(EventOrganiser, {
        event,
        association: associations[(i + 2) % 12],
        role: OrganiserRole.CO_ORGANIZER,
        status: OrganiserStatus.INVITED,
      });
    }
    await em.flush();

    // Every statement through the api's connection pool (the relay's, should it wake up, aside).
    const knex = app.em().getConnection().getKnex();
    knex.on('query', (q: { sql: string }) => {
      if (!q.sql.includes('outbox_message')) statements.push(q.sql);
    });
  });
  afterAll(() => app.close());

  const count = async (first: number, token?: string) => {
    statements = [];
    const res = dataOf(await app.gql(ALL_FIELDS, { first }, token));
    expect(res.events.edges).toHaveLength(first);
    expect(res.events.edges[0].node.organizers).toHaveLength(2);
    return statements.length;
  };

  it('is the same small number for 10 and 100 events, anonymous or logged in', async () => {
    const ten = await count(10);
    const hundred = await count(100);
    expect(hundred).toBe(ten);
    // 2 listing queries (single events, recurring series) + organisers, districts, housing areas,
    // their districts, occasions and occasion dates: one each.
    expect(ten).toBeLessThanOrEqual(8);

    const member = await createMember(app, await app.em().findOneOrFail(Association, { slug: 'forening-0' }));
    const tenAsMember = await count(10, member.token);
    const hundredAsMember = await count(100, member.token);
    expect(hundredAsMember).toBe(tenAsMember);
    // + the token check and the member's associations (for invitedOrganizers).
    expect(tenAsMember).toBeLessThanOrEqual(ten + 2);
  });

  it('adds one statement for totalCount and one for checking slug filters, for any page size', async () => {
    const counted = async (first: number, filter: Record<string, unknown>) => {
      statements = [];
      const query = ALL_FIELDS.replace('query($first: Int)', 'query($first: Int, $filter: EventFilter)')
        .replace('events(first: $first)', 'events(first: $first, filter: $filter)')
        .replace('pageInfo { hasNextPage endCursor }', 'pageInfo { hasNextPage endCursor } totalCount');
      const res = dataOf(await app.gql(query, { first, filter }));
      expect(res.events.totalCount).toBeGreaterThanOrEqual(res.events.edges.length);
      return statements.length;
    };
    const ten = await count(10);
    expect(await counted(10, {})).toBe(ten + 1);
    expect(await counted(100, {})).toBe(ten + 1);
    const slugs = { occasionSlug: 'diwali', associationSlug: 'forening-1' };
    expect(await counted(2, slugs)).toBe(await counted(10, slugs));
    expect(await counted(10, slugs)).toBeLessThanOrEqual(ten + 2);
  });

  // Events and housing areas ask for districts through the one districtById loader, so a district
  // an event already loaded is not fetched again for its housing area.
  it('fetches districts in one statement, whether an event or its housing area asks for them', async () => {
    await count(30);
    expect(statements.filter((sql) => /from "district"/.test(sql))).toHaveLength(1);
  });
});
