import { Role, User } from '@mangfold/auth';
import { MailDelivery, MailDeliveryStatus } from '@mangfold/notifications';
import { type Registration } from '@mangfold/registrations';
import { createEvent, createRegistration, createUser, tokenFor } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const DELIVERIES = `query($filter: MailDeliveryFilter, $first: Int, $after: String) {
  mailDeliveries(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id kind status recipient registrationId eventId attempts lastError response sentAt failedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('what operators see: sent mails, failures and the queue dashboard', () => {
  let app: TestApp;
  let adminToken: string;
  let memberToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    // Tokens as login issues them (login itself belongs to the auth lib).
    adminToken = tokenFor(app, await app.em().findOneOrFail(User, { email: app.config.auth.adminEmail! }));
    memberToken = tokenFor(app, await createUser(app.em()));
  });
  afterAll(() => app.close());

  async function delivery(registration: Registration, data: Partial<MailDelivery>): Promise<void> {
    const em = app.em();
    em.create(MailDelivery, {
      key: `${data.kind}:${registration.id}:${Math.random()}`,
      kind: data.kind ?? 'registration-confirmed',
      status: data.status ?? MailDeliveryStatus.SENT,
      recipient: registration.email,
      registration: registration.id,
      event: registration.event.id,
      messageId: '<x@mangfold.test>',
      attempts: data.attempts ?? 1,
      lastError: data.lastError ?? null,
      response: data.response ?? null,
      createdAt: data.createdAt,
    } as never);
    await em.flush();
  }

  it("lists a registration's mails and failures, newest first, to admins only", async () => {
    const em = app.em();
    const event = await createEvent(em);
    const registration = await createRegistration(em, event);
    const other = await createRegistration(em, event);
    await delivery(registration, { kind: 'registration-confirmed', response: '250 OK', createdAt: new Date(Date.now() - 3000) });
    await delivery(registration, {
      kind: 'reminder',
      status: MailDeliveryStatus.FAILED,
      lastError: 'EMESSAGE: 550 5.1.1 mailbox unavailable',
      createdAt: new Date(Date.now() - 2000),
    });
    await delivery(other, { kind: 'registration-confirmed', createdAt: new Date(Date.now() - 1000) });

    const all = dataOf(await app.gql(DELIVERIES, { filter: { registrationId: registration.id } }, adminToken)).mailDeliveries;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((e: any) => [e.node.kind, e.node.status])).toEqual([
      ['reminder', 'FAILED'],
      ['registration-confirmed', 'SENT'],
    ]);
    expect(all.edges[0].node).toMatchObject({ recipient: registration.email, registrationId: registration.id, eventId: event.id });
    expect(all.edges[0].node.lastError).toContain('550 5.1.1');

    const failures = dataOf(await app.gql(DELIVERIES, { filter: { status: ['FAILED', 'RETRYING'], eventId: event.id } }, adminToken));
    expect(failures.mailDeliveries.edges.map((e: any) => e.node.kind)).toEqual(['reminder']);

    const page1 = dataOf(await app.gql(DELIVERIES, { filter: { eventId: event.id }, first: 2 }, adminToken)).mailDeliveries;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = dataOf(
      await app.gql(DELIVERIES, { filter: { eventId: event.id }, first: 2, after: page1.pageInfo.endCursor }, adminToken),
    ).mailDeliveries;
    expect(page2.edges.map((e: any) => e.node.kind)).toEqual(['registration-confirmed']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    expect(errorOf(await app.gql(DELIVERIES, {}, memberToken)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(DELIVERIES, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names the bad field of a filter', async () => {
    const bad = errorOf(await app.gql(DELIVERIES, { filter: { registrationId: 'not-an-id', kind: 'DROP TABLE' } }, adminToken));
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.fields).toMatchObject({ 'filter.registrationId': expect.any(String), 'filter.kind': expect.any(String) });
    const first = errorOf(await app.gql(DELIVERIES, { first: 500 }, adminToken));
    expect(first.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    const cursor = errorOf(await app.gql(DELIVERIES, { after: 'garbage' }, adminToken));
    expect(cursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
  });

  it('keeps the queue dashboard from anonymous callers and non-admins', async () => {
    const anonymous = await fetch(`${app.url}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const api = await fetch(`${app.url}/admin/queues/api/queues`, { redirect: 'manual' });
    expect(api.status).toBe(401);
    const member = await fetch(`${app.url}/admin/queues`, { headers: { authorization: `Bearer ${memberToken}` } });
    expect(member.status).toBe(403);
    const forged = await fetch(`${app.url}/admin/queues`, { headers: { cookie: 'mangfold_queues=eyJzdWIiOiJ4In0.AAAA' } });
    expect(forged.status).toBe(401);
    const memberLink = errorOf(await app.gql('mutation { openQueueDashboard { url } }', {}, memberToken));
    expect(memberLink.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the dashboard to an admin with a bearer token', async () => {
    const page = await fetch(`${app.url}/admin/queues`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const queues = await fetch(`${app.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['feeds', 'mail', 'maintenance', 'reminders', 'reports']);
  });

  it('opens the dashboard in a browser through a one-time link that becomes a session cookie', async () => {
    const { openQueueDashboard } = dataOf(await app.gql('mutation { openQueueDashboard { url expiresAt } }', {}, adminToken));
    const link = new URL(openQueueDashboard.url);
    expect(link.pathname).toBe('/admin/queues');
    expect(new Date(openQueueDashboard.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const exchange = await fetch(`${app.url}/admin/queues${link.search}`, { redirect: 'manual' });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get('location')).toBe('/admin/queues');
    const cookie = exchange.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mangfold_queues=[^;]+; Path=\/admin\/queues; Max-Age=3600; HttpOnly; SameSite=Strict/);
    const session = cookie.split(';')[0];

    const page = await fetch(`${app.url}/admin/queues`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    const api = await fetch(`${app.url}/admin/queues/api/queues`, { headers: { cookie: session } });
    expect(api.status).toBe(200);

    const reused = await fetch(`${app.url}/admin/queues${link.search}`, { redirect: 'manual' });
    expect(reused.status).toBe(401);
    expect(await reused.text()).toMatch(/already used/);
    // A session cookie is not a link, and a link is not a session.
    expect((await fetch(`${app.url}/admin/queues?ticket=${session.split('=')[1]}`, { redirect: 'manual' })).status).toBe(401);
    expect(
      (await fetch(`${app.url}/admin/queues`, { headers: { cookie: `mangfold_queues=${link.searchParams.get('ticket')}` } })).status,
    ).toBe(401);
  });

  it('ends the dashboard session when the admin is no longer an admin', async () => {
    const em = app.em();
    const user = await createUser(em, { role: Role.ADMIN });
    const token = tokenFor(app, user);
    const { openQueueDashboard } = dataOf(await app.gql('mutation { openQueueDashboard { url } }', {}, token));
    const exchange = await fetch(`${app.url}/admin/queues${new URL(openQueueDashboard.url).search}`, { redirect: 'manual' });
    const session = exchange.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie: session } })).status).toBe(200);
    user.role = Role.ASSOCIATION_MEMBER;
    await em.flush();
    expect((await fetch(`${app.url}/admin/queues`, { headers: { cookie: session } })).status).toBe(403);
  });
});
