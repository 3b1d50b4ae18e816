import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { EventKind } from '@mangfold/calendar';
import { Association, AssociationKind } from '@mangfold/associations';
import { ParticipationActivity } from '@mangfold/registrations';
import { surveyToken } from '@mangfold/workplan';
import { createEvent, createInternationalDay, createMember, createParticipation } from '../factories';
import { dataOf, fullSelection, graphql, startTestApp, type TestApp } from '../utils';
import { register } from './helpers';

/**
 * The work plan's personal data, for the walk to look for: an assignment's requester and survey
 * comment, a project visit's internal notes (its findings published), a speaker's contact at the event.
 */
async function workPlanSecrets(app: TestApp, eventId: string, associationId: string, secrets: string[]): Promise<void> {
  const admin = await app.adminToken();
  const requester = {
    department: 'Socialforvaltningen',
    contactName: 'Rikke Rekvirentsen',
    contactEmail: 'rikke.rekvirentsen@example.org',
  };
  const frame = { specific: 's', measurable: 'm', attractive: 'a', realistic: 'r', timeBound: 't', deadline: '2039-01-01' };
  const assignment = dataOf(
    await app.gql(
      `mutation($i: RecordAssignmentInput!) { recordAssignment(input: $i) { id } }`,
      { i: { title: 'Konfliktmægling', kind: 'CONFLICT_MEDIATION', requester, frame } },
      admin,
    ),
  ).recordAssignment;
  dataOf(await app.gql(`mutation($id: ID!) { completeAssignment(id: $id) { id } }`, { id: assignment.id }, admin));
  const survey = surveyToken(app.config, assignment.id);
  dataOf(
    await app.gql(
      `mutation($t: String!) { answerRequesterSurvey(token: $t, input: { satisfied: true, comment: "Hemmelig kommentar om Rikke" }) { satisfied } }`,
      { t: survey },
    ),
  );
  const em = app.em();
  const project = await em.findOneOrFail(Association, associationId);
  project.kind = AssociationKind.PROJECT;
  await em.flush();
  dataOf(
    await app.gql(
      `mutation($i: ProjectVisitInput!) { recordProjectVisit(input: $i) { id } }`,
      {
        i: {
          projectId: associationId,
          visitedOn: '2039-02-02',
          notes: 'Intern note om lederens helbred',
          goodPractice: { da: 'Offentlig god praksis' },
          publishFindings: true,
        },
      },
      admin,
    ),
  );
  const speaker = dataOf(
    await app.gql(
      `mutation($i: SpeakerInput!) { createSpeaker(input: $i) { id } }`,
      { i: { name: 'Offentlig Taler', topics: ['mangfoldighed'], contactEmail: 'taler.privat@example.org', contactPhone: '+4599887766' } },
      admin,
    ),
  ).createSpeaker;
  dataOf(
    await app.gql(`mutation($e: ID!, $s: ID!) { linkSpeaker(eventId: $e, speakerId: $s) { id } }`, { e: eventId, s: speaker.id }, admin),
  );
  secrets.push(
    requester.contactName,
    requester.contactEmail,
    'Hemmelig kommentar om Rikke',
    survey,
    'Intern note om lederens helbred',
    'taler.privat@example.org',
    '+4599887766',
  );
}

/*
 * Privacy: no query an anonymous caller can reach returns another person's name, email or phone.
 * The walk is generic: every field of Query, every selectable leaf a few levels deep, with sample
 * arguments; a public query added later is walked too (or the test asks for a sample argument).
 */
describe('privacy of anonymous queries', () => {
  let app: TestApp;
  const secrets: string[] = [];
  const samples: Record<string, unknown> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const em = app.em();
    const event = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 1, registrationRequired: true });
    const day = await createInternationalDay(em, { year: 2039 });
    const people = [
      { name: 'Fatima Privatsen', email: 'fatima.privatsen@example.org', phone: '+4511110001', organisation: 'Hemmelig Forening' },
      { name: 'Gustav Skjultsen', email: 'gustav.skjultsen@example.org', phone: '+4511110002', organisation: 'Skjult ApS' },
    ];
    const registrations = [];
    for (const p of people) {
      registrations.push(dataOf(await register(app, event.id, p)).registerForEvent);
      secrets.push(p.name, p.email, p.phone, p.organisation);
    }
    const { association } = await createMember(app);
    const participation = await createParticipation(em, day, { association, activities: [ParticipationActivity.FOOD] });
    secrets.push(participation.contactName!, participation.contactEmail!);
    secrets.push(registrations[0].managementToken, registrations[0].calendarToken);
    await workPlanSecrets(app, event.id, association.id, secrets);

    Object.assign(samples, {
      year: 2039,
      eventId: event.id,
      id: event.id,
      registrationId: registrations[0].id,
      associationId: association.id,
      slug: event.slug,
      token: `${registrations[0].id}.${'A'.repeat(43)}`,
      first: 10,
      email: people[0].email,
      key: 'associations-involved',
    });
  });
  afterAll(() => app.close());

  function argument(arg: GraphQLArgument): string | undefined {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!(arg.name in samples)) {
      if (required) throw new Error(`privacy walk: add a sample value for the required argument "${arg.name}"`);
      return undefined;
    }
    return `${arg.name}: ${literal(samples[arg.name], arg.type)}`;
  }

  function literal(value: unknown, type: GraphQLInputType): string {
    const named = getNamedType(type);
    if (isListType(isNonNullType(type) ? type.ofType : type)) return `[${literal(value, named)}]`;
    if (isInputObjectType(named)) throw new Error(`privacy walk: no sample for input object ${named.name}`);
    return typeof value === 'number' ? String(value) : JSON.stringify(value);
  }

  it('walks every query field anonymously and finds no one’s personal data or secrets', async () => {
    const schema = app.api.get(GraphQLSchemaHost).schema;
    const query = schema.getQueryType()!;
    const answered: string[] = [];
    for (const field of Object.values(query.getFields())) {
      const args = field.args.map(argument).filter(Boolean);
      const named = getNamedType(field.type);
      const body = isObjectType(named) ? `{ ${fullSelection(named, 3)} }` : '';
      const document = `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${body} }`;
      const res = await graphql(app.url, document);
      const text = JSON.stringify(res);
      for (const secret of secrets) {
        if (text.includes(secret)) throw new Error(`anonymous ${field.name} returned personal data or a secret: ${secret}\n${text}`);
      }
      if (res.data?.[field.name] !== undefined && res.data[field.name] !== null) answered.push(field.name);
    }
    // The walk reached the public queries of this lib with data, so it proved something.
    expect(answered).toEqual(expect.arrayContaining(['internationalDay', 'eventRegistrationCounts', 'speakers', 'themes', 'areas']));
  });

  it("keeps the work plan's personal data out of the public feeds", async () => {
    for (const path of ['/calendar.ics', `/calendar/events/${samples.slug as string}.ics`]) {
      const body = await (await fetch(`${app.url}${path}`)).text();
      expect(body).toContain('BEGIN:VCALENDAR');
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
  });

  it('keeps the organiser and participant queries closed to anonymous callers', async () => {
    const closed = [
      `{ eventRegistrations(eventId: "${samples.eventId as string}") { totalCount } }`,
      `{ registrationSettings(eventId: "${samples.eventId as string}") { allowWaitlistSkipping } }`,
      `{ participations(year: 2039) { totalCount } }`,
      `{ participation(id: "${samples.eventId as string}") { id } }`,
    ];
    for (const document of closed) {
      const res = await graphql(app.url, document);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(res.data ?? null)).toBe('null');
    }
  });

  it('answers an anonymous registration with someone else’s email without their details or links', async () => {
    const res = await register(app, samples.eventId as string, { email: 'FATIMA.PRIVATSEN@example.org', name: 'Not Fatima' });
    const text = JSON.stringify(res);
    for (const secret of secrets.filter((s) => s !== 'fatima.privatsen@example.org')) expect(text).not.toContain(secret);
    expect(dataOf(res).registerForEvent).toMatchObject({ alreadyRegistered: true, name: null, managementToken: null });
  });
});
