import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { EventStatus } from '@mangfold/calendar';
import { createAssociation, createEvent, createMember } from '../factories';
import { adminToken, eventInput } from '../calendar/helpers';
import { enqueueEventChanged, getFeed, waitForFeed } from '../feeds/feed-helpers';
import { register } from '../registrations/helpers';
import { dataOf, startTestApp, type TestApp } from '../utils';

/*
 * Bad input thrown at every mutation of the schema, and hostile but legitimate text followed from
 * the API into the database, the feeds and the HTML pages. A rejected input must get a clear
 * error and leave every table exactly as it was; an accepted one must come back verbatim and be
 * escaped wherever it is rendered.
 */

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'schema.gql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());

/** Characters no text field may hold: each must be refused, naming the field. */
const REFUSED: Record<string, string> = {
  'U+0000': 'Amina\u0000Hassan',
  'control characters': 'Amina\u0007\u001bHassan',
  'a lone surrogate': 'Amina \ud800 Hassan',
  'a C1 control': 'Amina\u0085Hassan',
};

/** Text that looks dangerous but is legitimate: stored as given, escaped where rendered. */
const KEPT: Record<string, string> = {
  html: '<script>alert("x")</script><img src=x onerror=alert(1)> & Co',
  sql: "Robert'); DROP TABLE event; -- \\ %_",
  'right-to-left override': 'Nowruz \u202Eevil\u202C fest',
  'iCalendar meta-characters': 'Fest; musik, dans\\ og\r\nDTSTART:19700101T000000Z',
  'Arabic and emoji': 'عيد الفطر 🎉 في نørrebro',
};

const SAMPLE_DATE = '2027-03-20T15:00:00Z';

/** A value of `type` for the variables, with `text` in every string. */
function valueOf(type: GraphQLInputType, text: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, text, depth);
  if (isListType(type)) return [valueOf(type.ofType, text, depth)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueOf(f.type, text, depth + 1)]));
  }
  switch (type.name) {
    case 'String':
    case 'ID':
      return text;
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return SAMPLE_DATE;
    case 'JSONObject':
      return { text };
    default:
      throw new Error(`no sample for scalar ${type.name}: teach this suite about it`);
  }
}

/** Whether any argument of the mutation reaches a String or ID. */
function takesText(type: GraphQLInputType, depth = 0): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return ['String', 'ID', 'JSONObject'].includes(named.name);
  if (isInputObjectType(named) && depth <= 4) return Object.values(named.getFields()).some((f) => takesText(f.type, depth + 1));
  return false;
}

function operation(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** Every table's rows as one digest each (the outbox by count: the relay marks rows dispatched in the background). */
async function snapshot(app: TestApp): Promise<Record<string, string>> {
  const em = app.em();
  const tables: { name: string }[] = await em.execute(
    `select tablename as name from pg_tables where schemaname = current_schema() order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const digest =
      name === 'outbox_message'
        ? `select count(*)::text as d from outbox_message`
        : `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from "${name}" t`;
    const [row]: { d: string }[] = await em.execute(digest);
    result[name] = row.d;
  }
  return result;
}

describe('input safety', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
  });
  afterAll(() => app.close());

  it('knows how to build arguments for every mutation, and all but two take text', () => {
    // A new mutation without text arguments must be looked at here (and tested with its own bad input).
    const withoutText = mutations.filter((m) => !m.args.some((a) => takesText(a.type))).map((m) => m.name);
    expect(withoutText.sort()).toEqual(['generateStatusReport', 'openQueueDashboard']);
    for (const m of mutations) for (const a of m.args) expect(() => valueOf(a.type, 'x')).not.toThrow();
  });

  it.each(Object.entries(REFUSED))(
    'refuses %s in every text argument of every mutation, naming the field, and writes nothing',
    async (_, text) => {
      const before = await snapshot(app);
      const unexpected: string[] = [];
      for (const m of mutations.filter((field) => field.args.some((a) => takesText(a.type)))) {
        const variables = Object.fromEntries(m.args.map((a) => [a.name, valueOf(a.type, text)]));
        const res = await app.gql(operation(m), variables, admin);
        const error = res.errors?.[0];
        const fields = error?.extensions?.fields;
        if (error?.extensions?.code !== 'BAD_USER_INPUT' || !fields || Object.keys(fields).length === 0) {
          unexpected.push(`${m.name}: ${JSON.stringify(res.errors ?? res.data)}`);
        }
      }
      expect(unexpected).toEqual([]);
      expect(await snapshot(app)).toEqual(before);
    },
  );

  it('answers arguments of the wrong type with BAD_USER_INPUT before anything runs', async () => {
    const before = await snapshot(app);
    const unexpected: string[] = [];
    for (const m of mutations.filter((field) => field.args.length > 0)) {
      const variables = Object.fromEntries(m.args.map((a) => [a.name, valueOf(a.type, 'Amina')]));
      // A number where text is expected, text where a number is, an object where an enum is, …
      const first = m.args[0];
      const named = getNamedType(first.type);
      variables[first.name] = isInputObjectType(named)
        ? 'not an object'
        : isScalarType(named) && named.name === 'String'
          ? { no: 1 }
          : [[{}]];
      const res = await app.gql(operation(m), variables, admin);
      if (res.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT') unexpected.push(`${m.name}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    expect(unexpected).toEqual([]);
    expect(await snapshot(app)).toEqual(before);
  });

  it('refuses texts over the size limits with a clear error and writes nothing', async () => {
    const association = await createAssociation(app.em(), {});
    const member = await createMember(app, association);
    const before = await snapshot(app);
    const long = await app.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: eventInput(association, { title: { da: 'x'.repeat(5_000), en: 'x' } }) },
      member.token,
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'title.da': expect.any(String) } });
    const huge = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
      body: JSON.stringify({
        query: `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        variables: { input: eventInput(association, { description: { da: 'x'.repeat(300_000) } }) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot(app)).toEqual(before);
  });

  it.each(Object.entries(KEPT))('stores %s verbatim and gives it back through the API', async (_, text) => {
    const association = await createAssociation(app.em(), {});
    const member = await createMember(app, association);
    const created = dataOf(
      await app.gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { title description location { name } } }`,
        {
          input: eventInput(association, { title: { da: text, en: text }, description: { da: text, en: text }, location: { name: text } }),
        },
        member.token,
      ),
    ).createEvent;
    expect(created).toEqual({ title: text, description: text, location: { name: text } });
    const updated = dataOf(
      await app.gql(
        `mutation($id: ID!, $input: UpdateAssociationInput!) { updateAssociation(id: $id, input: $input) { name } }`,
        {
          id: association.id,
          input: { name: text },
        },
        member.token,
      ),
    ).updateAssociation;
    expect(updated.name).toBe(text);
  });

  it('escapes hostile text in the iCalendar feed and on the registration page', async () => {
    await app.startWorker();
    const texts = Object.values(KEPT);
    const event = await createEvent(app.em(), {
      slug: 'hostile-text',
      status: EventStatus.PUBLISHED,
      title: { da: texts[0], en: texts[3] },
      description: { da: texts[1], en: texts[2] },
      capacity: 10,
    });
    await enqueueEventChanged(app, event.id);
    const feed = (await waitForFeed(app, '/calendar/events/hostile-text.ics', (cal) => cal.events.length === 1)).calendar!;
    // One event, its texts exactly as stored: no injected property, no broken line.
    expect(feed.events).toHaveLength(1);
    // iCalendar TEXT has one line break (\n) and each description ends with the event's page.
    const asICal = (text: string) => text.replace(/\r\n/g, '\n');
    expect(feed.events[0].summary).toBe(texts[0]);
    expect(feed.events[0].description!.startsWith(`${texts[1]}\n`)).toBe(true);
    expect(feed.events[0].start.year).toBe(event.startsAt.getUTCFullYear());
    const en = (await getFeed(app, '/calendar/events/hostile-text.ics?lang=en')).calendar!;
    expect(en.events[0].summary).toBe(asICal(texts[3]));
    expect(en.events[0].description!.startsWith(`${texts[2]}\n`)).toBe(true);

    const registration = dataOf(await register(app, event.id, { name: texts[0], organisation: texts[1] })).registerForEvent;
    expect(registration.name).toBe(texts[0]);
    const page = await (await fetch(registration.managementUrl.replace('http://mangfold.test', app.url))).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    // The page shows the event's Danish title, escaped (a `>` in text needs no escaping).
    expect(page).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it('answers malformed feed URLs with a 4xx and a plain explanation, never a 500', async () => {
    for (const path of [
      '/calendar.ics?lang=%FF',
      '/calendar.ics?lang=d%00a',
      '/calendar.ics?lang=%E2%80%AEen',
      '/calendar/districts/%C3%28.ics',
      '/calendar/associations/%ED%A0%80.ics',
      '/calendar/kinds/%FF%FE.ics',
      '/calendar/occasions/%3Cscript%3E.ics',
      '/calendar/registrations/%00.ics',
    ]) {
      const res = await fetch(`${app.url}${path}`);
      const body = await res.text();
      // The path in the compared object names the URL when one fails.
      expect({ path, clientError: res.status >= 400 && res.status < 500 }).toEqual({ path, clientError: true });
      expect(body.length).toBeGreaterThan(0);
      expect(body).not.toContain('<script>');
    }
  });
});
