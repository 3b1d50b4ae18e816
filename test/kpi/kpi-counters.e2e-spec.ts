import { MikroORM } from '@mikro-orm/postgresql';
import { AssociationKind, AssociationStatus, type Association } from '@mangfold/associations';
import { Event, EventKind, EventStatus, Occasion } from '@mangfold/calendar';
import { ContributionState, KPI_DEFINITIONS, KpiService, type KpiContributorData, type KpiValueData } from '@mangfold/kpi';
import { RegistrationStatus, registrationToken } from '@mangfold/registrations';
import { createAssociation, createEvent, createInternationalDay, createRegistration } from '../factories';
import { startTestApp, type GraphqlResponse, type TestApp } from '../utils';
import { clientIp, register } from '../registrations/helpers';
import { adminToken, buildKpiYear, yearClock } from './kpi-data';

/** mulberry32: the same sequence of changes on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261204;
const STEPS = 240;
const HOUR = 3600_000;

/**
 * What kpis(year) must say, added up from its contributor lists: those are computed from the raw
 * tables (events, organisers, associations, registrations, answers), as TFI checks a figure by hand.
 */
function expectedFigures(contributors: KpiContributorData[], aggregate: KpiValueData['aggregate']) {
  const held = contributors.filter((c) => c.state === ContributionState.HELD);
  const planned = contributors.filter((c) => c.state === ContributionState.PLANNED);
  const sum = (list: KpiContributorData[], of: (c: KpiContributorData) => number | null) => list.reduce((n, c) => n + (of(c) ?? 0), 0);
  switch (aggregate) {
    case 'count':
      return { actual: held.length, planned: planned.length, answers: null };
    case 'sum':
      return { actual: sum(held, (c) => c.count), planned: sum(planned, (c) => c.count), answers: null };
    case 'rate': {
      const answers = sum(contributors, (c) => c.count);
      return { actual: answers > 0 ? sum(contributors, (c) => c.satisfied) / answers : null, planned: null, answers };
    }
  }
}

/**
 * The KPI counters (kept by triggers) against the raw tables: after the migration's backfill, and
 * after a seeded random sequence of the changes that move KPIs, made through the GraphQL api as
 * users and TFI make them. Each suite gets an api and database of its own.
 */
function counterSuite() {
  const ctx = {} as { app: TestApp; admin: string; kpis: KpiService };

  beforeAll(async () => {
    ctx.app = await startTestApp();
    ctx.admin = await adminToken(ctx.app);
    ctx.kpis = ctx.app.api.get(KpiService);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** Every KPI of kpis(year) equals the recomputation from the raw tables, for each year and moment asked. */
  async function expectCountersTrue(moments: Date[], years: number[], step: number): Promise<void> {
    for (const year of years) {
      for (const at of moments) {
        const raw = await ctx.kpis.contributors(year, at);
        const values = await ctx.kpis.kpis(year, at);
        const got = values.map((v) => ({ key: v.key, actual: v.actual, planned: v.planned, answers: v.answers }));
        const want = KPI_DEFINITIONS.map((d) => ({ key: d.key, ...expectedFigures(raw.get(d.key) ?? [], d.aggregate) }));
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          throw new Error(`after step ${step}, year ${year} at ${at.toISOString()}:\n${JSON.stringify({ got, want }, null, 1)}`);
        }
      }
    }
  }
  return { ctx, expectCountersTrue };
}

describe('KPI counters', () => {
  const { ctx, expectCountersTrue } = counterSuite();

  it('agree with the raw tables after a random sequence of registrations, check-ins, answers, organiser and status changes', async () => {
    const { app, admin, kpis } = ctx;
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const em = app.em();
    const now = new Date();
    const { year, past } = yearClock(now);
    const occasions = await em.find(Occasion, {}, { orderBy: { slug: 'asc' } });

    const associations: Association[] = [];
    const kinds = [
      AssociationKind.ASSOCIATION,
      AssociationKind.PROJECT,
      AssociationKind.VOLUNTARY_ORGANISATION,
      AssociationKind.VOLUNTARY_ORGANISATION,
      AssociationKind.VOLUNTARY_ORGANISATION,
      AssociationKind.EMBASSY,
      AssociationKind.OTHER,
      AssociationKind.ASSOCIATION,
    ];
    for (const [i, kind] of kinds.entries()) {
      associations.push(
        await createAssociation(em, {
          name: `Tæller ${i}`,
          slug: `counter-${i}`,
          kind,
          status: i % 4 === 3 ? AssociationStatus.PENDING : AssociationStatus.APPROVED,
        }),
      );
    }

    // Upcoming events open for registration (check-in opens 24 hours before: some start within it),
    // and events already held whose confirmed registrants can answer.
    const eventKinds = [EventKind.CULTURAL_EVENT, EventKind.SEMINAR, EventKind.NETWORK_MEETING, EventKind.CULTURAL_EVENT];
    const upcoming: Event[] = [];
    for (let i = 0; i < 8; i++) {
      const startsAt = new Date(now.getTime() + (i % 2 === 0 ? 2 : 24 * (i + 2)) * HOUR);
      upcoming.push(
        await createEvent(em, {
          kind: eventKinds[i % eventKinds.length],
          status: i < 4 ? EventStatus.PUBLISHED : i % 2 === 0 ? EventStatus.SUBMITTED : EventStatus.DRAFT,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * HOUR),
          capacity: 2 + (i % 3),
          registrationRequired: true,
          occasionSlug: i % 2 === 0 ? occasions[i % occasions.length].slug : undefined,
          organiser: associations[i % associations.length],
          coOrganisers: i % 3 === 0 ? [associations[(i + 2) % associations.length]] : [],
        }),
      );
    }
    const held: Event[] = [];
    const answerable: string[] = [];
    for (let i = 0; i < 6; i++) {
      const startsAt = past(5 + i * 5);
      const event = await createEvent(em, {
        kind: eventKinds[i % eventKinds.length],
        status: i === 5 ? EventStatus.SUBMITTED : EventStatus.PUBLISHED,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        occasionSlug: i % 3 !== 2 ? occasions[(i + 3) % occasions.length].slug : undefined,
        organiser: associations[(i + 1) % associations.length],
        coOrganisers: i % 2 === 0 ? [associations[(i + 4) % associations.length]] : [],
      });
      held.push(event);
      for (let r = 0; r < 5; r++) {
        const registration = await createRegistration(em, event, {
          status: r === 4 ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED,
          checkedIn: r < 3,
        });
        answerable.push(registrationToken(app.config, registration));
      }
    }
    const events = [...upcoming, ...held];
    const day = await createInternationalDay(em, { year, startsAt: new Date(now.getTime() + 20 * 24 * HOUR), standCapacity: 3 });
    events.push(day.event);

    const tokens: string[] = [];
    const registrationIds: string[] = [];
    const participations: string[] = [];
    const outcomes = new Map<string, number>();
    let clients = 0;
    const gql = async (name: string, query: string, variables: Record<string, unknown>, token?: string): Promise<GraphqlResponse> => {
      const res = await app.gql(query, variables, token);
      const code = res.errors?.[0]?.extensions?.code;
      // Refusals (closed, full, not allowed in this state) are part of the game; a crash is not.
      if (code === 'INTERNAL_SERVER_ERROR' || (res.errors && !code)) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
      const outcome = `${name}:${code ?? 'ok'}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      return res;
    };
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

    const steps: [number, () => Promise<void>][] = [
      [
        6,
        async () => {
          // Several at once, as a queue at the door does: the counters take the same locks as the seats.
          const event = pick(upcoming);
          const results = await Promise.all(
            [0, 1, 2].slice(0, 1 + Math.floor(random() * 3)).map(async () => {
              // From an address of its own each: the public rate limit is per client.
              const res = await register(app, event.id, { name: 'Tæller' }, { ip: clientIp(++clients) });
              const code = res.errors?.[0]?.extensions?.code;
              if (code === 'INTERNAL_SERVER_ERROR' || (res.errors && !code)) throw new Error(`register: ${JSON.stringify(res.errors)}`);
              outcomes.set(`register:${code ?? 'ok'}`, (outcomes.get(`register:${code ?? 'ok'}`) ?? 0) + 1);
              return res;
            }),
          );
          for (const r of results) {
            const created = r.data?.registerForEvent as { id: string; managementToken: string } | undefined;
            if (created) {
              tokens.push(created.managementToken);
              registrationIds.push(created.id);
            }
          }
        },
      ],
      [
        3,
        async () => {
          if (tokens.length) await gql('cancel', `mutation($t: String!) { cancelRegistration(token: $t) { id } }`, { t: pick(tokens) });
        },
      ],
      [
        4,
        async () => {
          if (!registrationIds.length) return;
          const undo = random() < 0.25;
          await gql(
            undo ? 'undoCheckIn' : 'checkIn',
            `mutation($r: ID!) { ${undo ? 'undoCheckIn' : 'checkIn'}(registrationId: $r) { id } }`,
            { r: pick(registrationIds) },
            admin,
          );
        },
      ],
      [
        4,
        async () => {
          await gql('feedback', `mutation($t: String!, $i: FeedbackInput!) { submitFeedback(token: $t, input: $i) { id } }`, {
            t: pick(answerable),
            i: { satisfied: random() < 0.7, score: 1 + Math.floor(random() * 5) },
          });
        },
      ],
      [
        2,
        async () => {
          const waiting = await app
            .em()
            .find(Event, { id: { $in: events.map((e) => e.id) }, status: { $in: [EventStatus.DRAFT, EventStatus.SUBMITTED] } });
          if (!waiting.length) return;
          const event = pick(waiting);
          const op = event.status === EventStatus.DRAFT && random() < 0.5 ? 'submitEvent' : 'publishEvent';
          await gql(op, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: event.id }, admin);
        },
      ],
      [
        1,
        async () => {
          await gql('cancelEvent', `mutation($id: ID!) { cancelEvent(id: $id, reason: "Aflyst") { id } }`, { id: pick(events).id }, admin);
        },
      ],
      [
        3,
        async () => {
          // Moves and changes that decide which year, kind and "held" an event counts in.
          const event = pick(events);
          const change = pick(['time', 'time', 'kind', 'occasion', 'noOccasion']);
          const startsIn = pick([-400, -30, -2, 1, 3, 48, 400]) * 24 * HOUR + Math.floor(random() * 10) * HOUR;
          const input =
            change === 'time'
              ? { startsAt: at(startsIn), endsAt: at(startsIn + 2 * HOUR) }
              : change === 'kind'
                ? { kind: pick(eventKinds) }
                : { occasionId: change === 'occasion' ? pick(occasions).id : null };
          await gql(
            `updateEvent:${change}`,
            `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { id } }`,
            {
              id: event.id,
              i: input,
            },
            admin,
          );
        },
      ],
      [
        4,
        async () => {
          const event = pick(events);
          const association = pick(associations);
          // TFI invites, and answers for the association (as its members would).
          const vars = { a: association.id, e: event.id };
          await gql(
            'inviteCoOrganizer',
            `mutation($a: ID!, $e: ID!) { inviteCoOrganizer(associationId: $a, eventId: $e) { id } }`,
            vars,
            admin,
          );
          const answer = random() < 0.75 ? 'acceptCoOrganizer' : 'declineCoOrganizer';
          await gql(answer, `mutation($a: ID!, $e: ID!) { ${answer}(associationId: $a, eventId: $e) { id } }`, vars, admin);
        },
      ],
      [
        3,
        async () => {
          const association = pick(associations);
          const op = pick(['approveAssociation', 'approveAssociation', 'suspendAssociation', 'rejectAssociation', 'kind']);
          if (op === 'kind') {
            await gql(
              'updateAssociation:kind',
              `mutation($id: ID!, $i: UpdateAssociationInput!) { updateAssociation(id: $id, input: $i) { id } }`,
              {
                id: association.id,
                i: { kind: pick(kinds) },
              },
              admin,
            );
          } else if (op === 'approveAssociation') {
            await gql(op, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: association.id }, admin);
          } else {
            await gql(op, `mutation($id: ID!) { ${op}(id: $id, reason: "Tæller") { id } }`, { id: association.id }, admin);
          }
        },
      ],
      [
        4,
        async () => {
          const op = pick(['register', 'register', 'confirm', 'confirm', 'decline', 'cancel', 'cancel', 'capacity']);
          if (op === 'register' || !participations.length) {
            const res = await gql(
              'registerForInternationalDay',
              `mutation($y: Int!, $i: ParticipationInput!) { registerForInternationalDay(year: $y, input: $i) { id } }`,
              {
                y: year,
                i: {
                  organisationName: `Deltager ${Math.floor(random() * 1e9)}`,
                  participantKind: pick([AssociationKind.EMBASSY, AssociationKind.OTHER, AssociationKind.ASSOCIATION]),
                  activities: ['STAND'],
                  representatives: 2,
                  contactName: 'Kontakt',
                  contactEmail: 'kontakt@example.org',
                },
              },
              admin,
            );
            const created = res.data?.registerForInternationalDay as { id: string } | undefined;
            if (created) participations.push(created.id);
          } else if (op === 'capacity') {
            await gql(
              'updateInternationalDay',
              `mutation($y: Int!, $i: UpdateInternationalDayInput!) { updateInternationalDay(year: $y, input: $i) { id } }`,
              { y: year, i: { standCapacity: 2 + Math.floor(random() * 6) } },
              admin,
            );
          } else if (op === 'decline') {
            await gql(
              'declineParticipation',
              `mutation($id: ID!) { declineParticipation(id: $id, reason: "Nej") { id } }`,
              {
                id: pick(participations),
              },
              admin,
            );
          } else {
            const name = op === 'confirm' ? 'confirmParticipation' : 'cancelParticipation';
            await gql(name, `mutation($id: ID!) { ${name}(id: $id) { id } }`, { id: pick(participations) }, admin);
          }
        },
      ],
    ];
    const totalWeight = steps.reduce((sum, [w]) => sum + w, 0);
    const moments = [now, new Date(now.getTime() + 4 * HOUR), new Date(now.getTime() + 30 * 24 * HOUR)];

    await expectCountersTrue(moments, [year], 0);
    for (let step = 1; step <= STEPS; step++) {
      let roll = random() * totalWeight;
      const [, run] = steps.find(([w]) => (roll -= w) < 0) ?? steps[steps.length - 1];
      await run();
      if (step % 60 === 0) await expectCountersTrue(moments, [year - 1, year, year + 1], step);
    }

    // The sequence reached every kind of change, and each of them changed something at least once.
    const succeeded = new Set([...outcomes.keys()].filter((k) => k.endsWith(':ok')).map((k) => k.split(':')[0]));
    const required = [
      'register',
      'cancel',
      'checkIn',
      'undoCheckIn',
      'feedback',
      'publishEvent',
      'cancelEvent',
      'updateEvent',
      'acceptCoOrganizer',
      'declineCoOrganizer',
      'approveAssociation',
      'suspendAssociation',
      'updateAssociation',
      'registerForInternationalDay',
      'confirmParticipation',
      'cancelParticipation',
    ];
    expect(required.filter((name) => !succeeded.has(name))).toEqual([]);
    const final = await kpis.kpis(year, now);
    expect(final.some((k) => (k.actual ?? 0) > 0)).toBe(true);
  });
});

describe('KPI counters when the migration runs', () => {
  const { ctx, expectCountersTrue } = counterSuite();

  it('are backfilled from the data already there when the migration runs, and dropped by its down', async () => {
    const { app, kpis } = ctx;
    const migrator = app.api.get(MikroORM).getMigrator();
    const counters = (await migrator.getExecutedMigrations()).find((m) => m.name.endsWith('_kpi_counters'))!;
    // Only this migration goes down and up again; the later ones do not touch the counters.
    await migrator.down({ migrations: [counters.name] });
    const tables = async () =>
      (
        await app
          .em()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from pg_tables where tablename like 'kpi\\_%count' or tablename = 'kpi_association_year'`,
          )
      )[0].n;
    expect(await tables()).toBe(0);
    const now = new Date();
    await buildKpiYear(app.em(), now);
    await migrator.up({ migrations: [counters.name] });
    expect(await tables()).toBe(3);
    const { year } = yearClock(now);
    await expectCountersTrue([now, new Date(now.getTime() + 30 * 24 * HOUR)], [year - 1, year], 0);
    const values = await kpis.kpis(year, now);
    expect(values.find((v) => v.key === 'associations-involved')!.actual).toBeGreaterThan(0);
  });
});
