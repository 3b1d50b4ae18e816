import { AuditEntry } from '@mangfold/db';
import { Event } from '@mangfold/calendar';
import { OutboxMessage } from '@mangfold/jobs';
import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { createEventVia, eventInput } from './helpers';

describe('bad event input is refused with BAD_USER_INPUT naming the field, and writes nothing', () => {
  let app: TestApp;
  let member: Awaited<ReturnType<typeof createMember>>;
  let reference: { districts: { id: string; slug: string }[]; housingAreas: { id: string; slug: string; district: { slug: string } }[] };

  beforeAll(async () => {
    app = await startTestApp();
    member = await createMember(app);
    reference = dataOf(await app.gql<typeof reference>('{ districts { id slug } housingAreas { id slug district { slug } } }'));
  });
  afterAll(() => app.close());

  const counts = async () => {
    const em = app.em();
    return [await em.count(Event, {}), await em.count(AuditEntry, {}), await em.count(OutboxMessage, {})];
  };

  const tryCreate = async (overrides: Record<string, unknown>) => {
    const before = await counts();
    const res = await app.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: eventInput(member.association, overrides) },
      member.token,
    );
    expect(await counts()).toEqual(before);
    const error = errorOf(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    return error.extensions!.fields!;
  };

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an end before the start', { startsAt: '2027-05-01T18:00', endsAt: '2027-05-01T17:00' }, 'endsAt', /after startsAt/],
    ['an end equal to the start', { startsAt: '2027-05-01T18:00:00+02:00', endsAt: '2027-05-01T16:00:00Z' }, 'endsAt', /after startsAt/],
    ['an invalid RRULE', { recurrence: 'FREQ=SOMETIMES' }, 'recurrence', /FREQ must be/],
    ['an RRULE that does not start at startsAt', { recurrence: 'FREQ=WEEKLY;BYDAY=MO' }, 'recurrence', /first occurrence/],
    ['an RRULE with an unknown part', { recurrence: 'FREQ=WEEKLY;COLOR=RED' }, 'recurrence', /COLOR is not an RRULE property/],
    ['an unknown time zone', { timeZone: 'Europe/Valby' }, 'timeZone', /IANA time zone/],
    ['an offset instead of a zone', { timeZone: '+02:00' }, 'timeZone', /IANA time zone/],
    ['a title that is too long', { title: { da: 'x'.repeat(201) } }, 'title.da', /200 characters/],
    ['a blank title', { title: { da: '   ', en: '' } }, 'title', /at least one language/],
    ['a latitude out of range', { location: { latitude: 91, longitude: 12 } }, 'location.latitude', /not be greater than 90/],
    ['a longitude without latitude', { location: { longitude: 12.5 } }, 'location.latitude', /required with a longitude/],
    ['a negative capacity', { capacity: -1 }, 'capacity', /not be less than 0/],
    ['a start that is not a time', { startsAt: 'next friday' }, 'startsAt', /local date-time/],
    ['an impossible date', { startsAt: '2027-02-30T18:00' }, 'startsAt', /local date-time/],
    ['a date for a timed event', { startsAt: '2027-05-01', endsAt: '2027-05-02' }, 'startsAt', /needs a time of day/],
    ['a time for an all-day event', { allDay: true, startsAt: '2027-05-01T10:00', endsAt: undefined }, 'startsAt', /must be a date/],
    ['a timed event without end', { endsAt: undefined }, 'endsAt', /required/],
    ['an event longer than a year', { startsAt: '2027-01-01T10:00', endsAt: '2028-06-01T10:00' }, 'endsAt', /at most 366 days/],
    ['an unknown district', { districtId: '6b1d8e8e-2f7c-4a1e-9d8e-1b2c3d4e5f60' }, 'districtId', /not the id of a district/],
    ['a malformed occasion id', { occasionId: 'diwali' }, 'occasionId', /id of an occasion/],
    ['a language that is not a code', { languages: ['Danish'] }, 'languages', /ISO 639/],
    ['an exception without recurrence', { recurrenceExceptions: ['2027-03-27T15:00'] }, 'recurrenceExceptions', /recurring event/],
    ['a slug with spaces', { slug: 'nowruz fest' }, 'slug', /lower-case letters/],
    [
      'registration closing before it opens',
      { registrationOpensAt: '2027-03-10T10:00:00Z', registrationClosesAt: '2027-03-01T10:00:00Z' },
      'registrationClosesAt',
      /after registrationOpensAt/,
    ],
  ])('refuses %s', async (_, overrides, field, message) => {
    const fields = await tryCreate(overrides);
    expect(fields[field]).toMatch(message);
  });

  it('refuses a local time that does not exist (the hour skipped when summer time starts), saying what it would be', async () => {
    const fields = await tryCreate({ startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T05:00' });
    expect(fields.startsAt).toMatch(/2027-03-28T02:30 does not exist in Europe\/Copenhagen.*2027-03-28T03:30/);
  });

  it('refuses a housing area in another district than the one given', async () => {
    const tingbjerg = reference.housingAreas.find((a) => a.slug === 'tingbjerg')!;
    const valby = reference.districts.find((d) => d.slug === 'valby')!;
    const fields = await tryCreate({ housingAreaId: tingbjerg.id, districtId: valby.id });
    expect(fields.housingAreaId).toMatch(/another district/);
  });

  it('refuses an exception that is not an occurrence', async () => {
    const fields = await tryCreate({ recurrence: 'FREQ=WEEKLY;COUNT=3', recurrenceExceptions: ['2027-03-27T15:00', '2027-03-28T15:00'] });
    expect(fields).toEqual({ 'recurrenceExceptions.1': expect.stringMatching(/not an occurrence/) });
  });

  it('reports several bad fields at once', async () => {
    const fields = await tryCreate({ timeZone: 'Mars/Olympus', capacity: -5, location: { latitude: -100, longitude: 0 } });
    expect(Object.keys(fields).sort()).toEqual(['capacity', 'location.latitude', 'timeZone']);
  });

  it('refuses a taken slug and an unknown association', async () => {
    await createEventVia(app, member.token, eventInput(member.association, { slug: 'eid-i-valby' }));
    expect((await tryCreate({ slug: 'eid-i-valby' })).slug).toMatch(/taken/);
    expect((await tryCreate({ associationId: '00000000-0000-4000-8000-000000000000' })).associationId).toMatch(
      /not the id of an association/,
    );
  });

  it('gives later events with the same title their own slug', async () => {
    const a = await createEventVia(app, member.token, eventInput(member.association, { title: { en: 'Chinese New Year' } }));
    const b = await createEventVia(app, member.token, eventInput(member.association, { title: { en: 'Chinese New Year' } }));
    expect([a.slug, b.slug]).toEqual(['chinese-new-year', 'chinese-new-year-2']);
  });

  it('checks updates the same way, and leaves the event as it was', async () => {
    const event = await createEventVia(app, member.token, eventInput(member.association, { title: { da: 'Lucia' } }));
    const res = await app.gql(
      `mutation($id: ID!) { updateEvent(id: $id, input: { endsAt: "2027-03-20T14:00", capacity: -3 }) { id } }`,
      { id: event.id },
      member.token,
    );
    expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { capacity: expect.any(String) } });
    const res2 = await app.gql(
      `mutation($id: ID!) { updateEvent(id: $id, input: { endsAt: "2027-03-20T14:00" }) { id } }`,
      { id: event.id },
      member.token,
    );
    expect(errorOf(res2).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { endsAt: expect.stringMatching(/after startsAt/) } });
    const stored = await app.em().findOneOrFail(Event, event.id);
    expect(stored.endsAt.toISOString()).toBe('2027-03-20T17:00:00.000Z');
    expect(stored.sequence).toBe(0);
  });

  it('refuses malformed ids and cursors as input errors, not server errors', async () => {
    const byId = await app.gql('{ event(id: "not-a-uuid") { id } }');
    expect(errorOf(byId).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
    const submit = await app.gql('mutation { submitEvent(id: "42") { id } }', {}, member.token);
    expect(errorOf(submit).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
    const cursor = await app.gql('{ events(after: "bm9wZQ") { edges { cursor } } }');
    expect(errorOf(cursor).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    const page = await app.gql('{ events(first: 5000) { edges { cursor } } }');
    expect(errorOf(page).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    const window = await app.gql('{ events(filter: { from: "2027-05-01T00:00:00Z", to: "2027-04-01T00:00:00Z" }) { edges { cursor } } }');
    expect(errorOf(window).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { to: expect.any(String) } });
    const missing = await app.gql('{ event(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(dataOf(missing).event).toBeNull();
  });
});
