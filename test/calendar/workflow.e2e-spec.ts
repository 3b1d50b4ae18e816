import { AssociationStatus } from '@mangfold/associations';
import { Event } from '@mangfold/calendar';
import { createAssociation, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { EVENT_FIELDS, adminToken, auditActions, createEventVia, eventInput, jobsFor, transition } from './helpers';

describe('the event workflow: create, submit, publish, co-organise, edit, cancel', () => {
  let app: TestApp;
  let admin: string;
  let owner: Awaited<ReturnType<typeof createMember>>;
  let other: Awaited<ReturnType<typeof createMember>>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
    owner = await createMember(
      app,
      await createAssociation(app.em(), { name: 'Valby Kulturbro', slug: 'valby-kulturbro', districtSlug: 'valby' }),
    );
    other = await createMember(app, await createAssociation(app.em(), { name: 'Amager Frivilligcenter', slug: 'amager-frivilligcenter' }));
  });
  afterAll(() => app.close());

  it('takes an event from draft to published, visible to the public only once published', async () => {
    const districts = dataOf(await app.gql('{ districts { id slug } housingAreas { id slug } occasions { id slug } }'));
    const akacieparken = districts.housingAreas.find((a: { slug: string }) => a.slug === 'akacieparken');
    const nowruz = districts.occasions.find((o: { slug: string }) => o.slug === 'nowruz');

    const draft = await createEventVia(
      app,
      owner.token,
      eventInput(owner.association, { housingAreaId: akacieparken.id, occasionId: nowruz.id, capacity: 40 }),
    );
    expect(draft).toMatchObject({
      status: 'DRAFT',
      slug: 'nowruz-fest-i-valby',
      sequence: 0,
      title: 'Nowruz-fest i Valby',
      startsAtLocal: '2027-03-20T15:00:00+01:00',
      endsAtLocal: '2027-03-20T18:00:00+01:00',
      timeZone: 'Europe/Copenhagen',
      district: { slug: 'valby' },
      housingArea: { slug: 'akacieparken' },
      occasion: { slug: 'nowruz' },
      seatsLeft: 40,
      organizers: [{ slug: 'valby-kulturbro', name: 'Valby Kulturbro', kind: 'ASSOCIATION' }],
    });

    const anonymous = await app.gql(`query($id: ID!) { event(id: $id) { id } }`, { id: draft.id });
    expect(dataOf(anonymous).event).toBeNull();
    const stranger = await app.gql(`query($id: ID!) { event(id: $id) { id } }`, { id: draft.id }, other.token);
    expect(dataOf(stranger).event).toBeNull();
    const asOrganiser = await app.gql(`query($slug: String!) { event(slug: $slug) { id status } }`, { slug: draft.slug }, owner.token);
    expect(dataOf(asOrganiser).event).toEqual({ id: draft.id, status: 'DRAFT' });

    // Only admins publish, and only what they may.
    const selfPublish = await app.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: draft.id }, owner.token);
    expect(errorOf(selfPublish).extensions?.code).toBe('FORBIDDEN');

    const submitted = await transition(app, owner.token, 'submitEvent', draft.id);
    expect(submitted.status).toBe('SUBMITTED');
    const queue = dataOf(await app.gql('{ moderationQueue(first: 10) { totalCount edges { node { id status } } } }', {}, admin));
    expect(queue.moderationQueue.edges.map((e: any) => e.node.id)).toContain(draft.id);
    expect(errorOf(await app.gql('{ moderationQueue { totalCount } }', {}, owner.token)).extensions?.code).toBe('FORBIDDEN');

    const published = await transition(app, admin, 'publishEvent', draft.id);
    expect(published).toMatchObject({ status: 'PUBLISHED', sequence: 1 });
    expect(published.publishedAt).toEqual(expect.any(String));
    const again = await app.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: draft.id }, admin);
    expect(errorOf(again).extensions?.code).toBe('CONFLICT');

    const pub = dataOf(await app.gql(`query($id: ID!) { event(id: $id) { id status title(lang: EN) } }`, { id: draft.id }));
    expect(pub.event).toEqual({ id: draft.id, status: 'PUBLISHED', title: 'Nowruz party in Valby' });

    expect(await jobsFor(app, draft.id)).toEqual(['notify:event-submitted', 'event-changed', 'notify:event-published']);
    expect(await auditActions(app, draft.id)).toEqual(['event.created', 'event.submitted', 'event.published']);
  });

  it('lets a rejected event be edited and submitted again, and keeps the reason for its organisers', async () => {
    const draft = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Fællesspisning' } }));
    await transition(app, owner.token, 'submitEvent', draft.id);
    const blank = await app.gql(`mutation($id: ID!) { rejectEvent(id: $id, reason: "  ") { id } }`, { id: draft.id }, admin);
    expect(errorOf(blank).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { reason: expect.any(String) } });
    const rejected = await transition(app, admin, 'rejectEvent', draft.id, 'Tilføj venligst en adresse');
    expect(rejected).toMatchObject({ status: 'REJECTED', statusReason: 'Tilføj venligst en adresse' });
    expect(await jobsFor(app, draft.id)).toEqual(['notify:event-submitted', 'notify:event-rejected']);

    const edited = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { location: { name: "Valby Medborgerhus", address: "Valgårdsvej 8" } }) { status location { name address } } }`,
        { id: draft.id },
        owner.token,
      ),
    ).updateEvent;
    expect(edited).toEqual({ status: 'REJECTED', location: { name: 'Valby Medborgerhus', address: 'Valgårdsvej 8' } });
    const resubmitted = await transition(app, owner.token, 'submitEvent', draft.id);
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', statusReason: null });
  });

  it('adds a co-organiser once it accepts the invitation, bumping sequence and telling the feeds', async () => {
    const event = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Eid-fest' } }));
    await transition(app, owner.token, 'submitEvent', event.id);
    await transition(app, admin, 'publishEvent', event.id);

    const byOutsider = await app.gql(
      `mutation($e: ID!, $a: ID!) { inviteCoOrganizer(eventId: $e, associationId: $a) { id } }`,
      { e: event.id, a: other.association.id },
      other.token,
    );
    expect(errorOf(byOutsider).extensions?.code).toBe('FORBIDDEN');

    const invited = dataOf(
      await app.gql(
        `mutation($e: ID!, $a: ID!) { inviteCoOrganizer(eventId: $e, associationId: $a) { sequence organizers { slug } invitedOrganizers { slug } } }`,
        { e: event.id, a: other.association.id },
        owner.token,
      ),
    ).inviteCoOrganizer;
    expect(invited).toEqual({
      sequence: 1,
      organizers: [{ slug: 'valby-kulturbro' }],
      invitedOrganizers: [{ slug: 'amager-frivilligcenter' }],
    });
    const twice = await app.gql(
      `mutation($e: ID!, $a: ID!) { inviteCoOrganizer(eventId: $e, associationId: $a) { id } }`,
      { e: event.id, a: other.association.id },
      owner.token,
    );
    expect(errorOf(twice).extensions?.code).toBe('CONFLICT');

    // The public sees neither the invitation nor the invitee yet.
    const publicView = dataOf(
      await app.gql(`query($id: ID!) { event(id: $id) { organizers { slug } invitedOrganizers { slug } } }`, { id: event.id }),
    );
    expect(publicView.event).toEqual({ organizers: [{ slug: 'valby-kulturbro' }], invitedOrganizers: [] });
    // The invited association sees the event among its own.
    const mine = dataOf(await app.gql('{ myEvents { edges { node { id } } } }', {}, other.token));
    expect(mine.myEvents.edges.map((e: any) => e.node.id)).toContain(event.id);

    const accepted = dataOf(
      await app.gql(
        `mutation($e: ID!) { acceptCoOrganizer(eventId: $e) { sequence organizers { slug } invitedOrganizers { slug } } }`,
        { e: event.id },
        other.token,
      ),
    ).acceptCoOrganizer;
    expect(accepted).toEqual({
      sequence: 2,
      organizers: [{ slug: 'valby-kulturbro' }, { slug: 'amager-frivilligcenter' }],
      invitedOrganizers: [],
    });
    const found = dataOf(
      await app.gql('{ events(filter: { associationSlug: "amager-frivilligcenter" }) { edges { node { id organizers { slug } } } } }'),
    );
    expect(found.events.edges.map((e: any) => e.node.id)).toEqual([event.id]);
    expect(await jobsFor(app, event.id)).toEqual([
      'notify:event-submitted',
      'event-changed',
      'notify:event-published',
      'notify:co-organizer-invited',
      'event-changed',
    ]);

    // An accepted co-organiser may edit the event…
    const edit = await app.gql(
      `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 80 }) { capacity } }`,
      { id: event.id },
      other.token,
    );
    expect(dataOf(edit).updateEvent).toEqual({ capacity: 80 });
    // …but only the organising association cancels it.
    const cancelByCo = await app.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "nej") { id } }`, { id: event.id }, other.token);
    expect(errorOf(cancelByCo).extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a published event published when edited, bumps sequence only for what subscribers see, and tells registrants of a move', async () => {
    const event = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Diwali' }, capacity: 30 }));
    await transition(app, owner.token, 'submitEvent', event.id);
    const published = await transition(app, admin, 'publishEvent', event.id);

    const capacityOnly = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 50 }) { status sequence updatedAt } }`,
        { id: event.id },
        owner.token,
      ),
    ).updateEvent;
    expect(capacityOnly.status).toBe('PUBLISHED');
    expect(capacityOnly.sequence).toBe(published.sequence);
    expect(Date.parse(capacityOnly.updatedAt)).toBeGreaterThan(Date.parse(published.updatedAt));

    const retitled = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { title: { da: "Diwali-lysfest" } }) { sequence } }`,
        { id: event.id },
        owner.token,
      ),
    ).updateEvent;
    expect(retitled.sequence).toBe(published.sequence + 1);

    const moved = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { startsAt: "2027-03-21T16:00" }) { sequence startsAtLocal endsAtLocal } }`,
        { id: event.id },
        owner.token,
      ),
    ).updateEvent;
    // Moving the start keeps the duration.
    expect(moved).toEqual({
      sequence: published.sequence + 2,
      startsAtLocal: '2027-03-21T16:00:00+01:00',
      endsAtLocal: '2027-03-21T19:00:00+01:00',
    });

    // Raising the capacity lets the registrations lib promote its waiting list.
    expect((await jobsFor(app, event.id)).slice(3)).toEqual(['promote-waitlist', 'event-changed', 'event-changed', 'notify:event-moved']);
    const trail = dataOf(
      await app.gql(
        `query($id: ID!) { eventAuditTrail(id: $id, first: 2) { edges { node { action actorEmail changes { field from to } } } pageInfo { hasNextPage } } }`,
        { id: event.id },
        admin,
      ),
    ).eventAuditTrail;
    expect(trail.pageInfo.hasNextPage).toBe(true);
    expect(trail.edges[0].node).toEqual({
      action: 'event.updated',
      actorEmail: owner.user.email,
      changes: [
        { field: 'endsAt', from: JSON.stringify('2027-03-20T17:00:00.000Z'), to: JSON.stringify('2027-03-21T18:00:00.000Z') },
        { field: 'startsAt', from: JSON.stringify('2027-03-20T14:00:00.000Z'), to: JSON.stringify('2027-03-21T15:00:00.000Z') },
      ],
    });
    expect(
      errorOf(await app.gql(`query($id: ID!) { eventAuditTrail(id: $id) { edges { cursor } } }`, { id: event.id }, owner.token)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('cancels: the event stays public as CANCELLED with a higher sequence, registrants are told, and it cannot be edited', async () => {
    const event = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Kinesisk nytår' } }));
    await transition(app, owner.token, 'submitEvent', event.id);
    const published = await transition(app, admin, 'publishEvent', event.id);

    const cancelled = await transition(app, owner.token, 'cancelEvent', event.id, 'Lokalet er ikke ledigt');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', statusReason: 'Lokalet er ikke ledigt', sequence: published.sequence + 1 });
    expect(cancelled.cancelledAt).toEqual(expect.any(String));

    const listed = dataOf(await app.gql('{ events(filter: { search: "Kinesisk" }) { edges { node { id status sequence } } } }'));
    expect(listed.events.edges).toEqual([{ node: { id: event.id, status: 'CANCELLED', sequence: published.sequence + 1 } }]);
    expect((await jobsFor(app, event.id)).slice(3)).toEqual(['event-changed', 'notify:event-cancelled']);

    const edit = await app.gql(`mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 5 }) { id } }`, { id: event.id }, owner.token);
    expect(errorOf(edit).extensions?.code).toBe('CONFLICT');
    const cancelAgain = await app.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "igen") { id } }`, { id: event.id }, owner.token);
    expect(errorOf(cancelAgain).extensions?.code).toBe('CONFLICT');
  });

  it('loses no sequence bump when organisers edit at the same moment (the event row is locked)', async () => {
    const event = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Samtidige rettelser' } }));
    const edits = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        app.gql(
          `mutation($id: ID!, $t: String!) { updateEvent(id: $id, input: { title: { da: $t } }) { sequence } }`,
          { id: event.id, t: `Rettelse ${n}` },
          owner.token,
        ),
      ),
    );
    expect(edits.map((r) => dataOf(r).updateEvent.sequence).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await app.em().findOneOrFail(Event, event.id)).sequence).toBe(5);
  });

  it('a withdrawn draft is cancelled without ever becoming public', async () => {
    const draft = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Aflyst kladde' } }));
    await transition(app, owner.token, 'cancelEvent', draft.id, 'Vi nåede det ikke');
    expect(dataOf(await app.gql(`query($id: ID!) { event(id: $id) { id } }`, { id: draft.id })).event).toBeNull();
    expect(await jobsFor(app, draft.id)).toEqual([]);
  });

  it('forbids members of other associations, and anonymous callers, from changing an event', async () => {
    const event = await createEventVia(app, owner.token, eventInput(owner.association, { title: { da: 'Hanukkah' } }));
    for (const [mutation, extra] of [
      ['updateEvent', ', input: { capacity: 1 }'],
      ['submitEvent', ''],
      ['cancelEvent', ', reason: "x"'],
    ] as const) {
      const res = await app.gql(`mutation($id: ID!) { ${mutation}(id: $id${extra}) { id } }`, { id: event.id }, other.token);
      expect(errorOf(res).extensions?.code).toBe('FORBIDDEN');
      const anon = await app.gql(`mutation($id: ID!) { ${mutation}(id: $id${extra}) { id } }`, { id: event.id });
      expect(errorOf(anon).extensions?.code).toBe('UNAUTHENTICATED');
    }
    const createForOther = await app.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: eventInput(owner.association) },
      other.token,
    );
    expect(errorOf(createForOther).extensions?.code).toBe('FORBIDDEN');
    const stored = await app.em().findOneOrFail(Event, event.id);
    expect(stored.capacity).toBeNull();
    expect(stored.status).toBe('DRAFT');
  });

  it('lets a pending association prepare drafts, but refuses to submit or publish them', async () => {
    const pending = await createMember(app, await createAssociation(app.em(), { status: AssociationStatus.PENDING }));
    const draft = await createEventVia(app, pending.token, eventInput(pending.association, { title: { da: 'Modersmålsdag' } }));
    expect(draft.status).toBe('DRAFT');
    const submit = await app.gql(`mutation($id: ID!) { submitEvent(id: $id) { id } }`, { id: draft.id }, pending.token);
    expect(errorOf(submit).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { id: expect.stringMatching(/waiting for approval/) },
    });
    const publish = await app.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: draft.id }, admin);
    expect(errorOf(publish).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { id: expect.stringMatching(/waiting for approval/) },
    });
    expect((await app.em().findOneOrFail(Event, draft.id)).status).toBe('DRAFT');
    expect(await auditActions(app, draft.id)).toEqual(['event.created']);
  });

  it('returns the full event shape', async () => {
    const res = await app.gql(`{ events(first: 1) { edges { node { ${EVENT_FIELDS} } } } }`);
    expect(dataOf(res).events.edges).toHaveLength(1);
  });
});
