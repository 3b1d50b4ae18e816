import { AssociationKind, AssociationStatus, HousingArea } from '@mangfold/associations';
import { Event, EventKind, EventStatus } from '@mangfold/calendar';
import { Area, surveyToken } from '@mangfold/workplan';
import { createAssociation, createEvent } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { ANSWER, COMPLETE, recordAssignment } from './helpers';

const KPIS = `query($year: Int!) {
  kpis(year: $year) {
    key actual planned answers target status
    contributors { type id slug state count satisfied }
    focus: breakdown(by: WORK_PLAN_FOCUS) { key name(lang: EN) actual }
    housing: breakdown(by: HOUSING_AREA) { key actual }
  }
}`;
const VISIT = `mutation($input: ProjectVisitInput!) { recordProjectVisit(input: $input) { id inFocusHousingArea onSafety onEmployment findingsPublished } }`;
const THEMES = `mutation($id: ID!, $slugs: [String!]!) { setEventThemes(eventId: $id, themeSlugs: $slugs) { id } }`;

type Kpi = Record<string, any>;
const local = (iso: string) => new Date(iso);

/*
 * A year of the work plan's data, counted by hand (Y: last year, so everything in it is over):
 *   requester-satisfaction: 6 answers in Y (4 satisfied) + 1 unanswered → 4/6 = 0.667, 6 ≥ 5 answers: MET
 *   project-visits: 4 in Y → MISSED against 100; focus: housing areas 2, safety 1, employment 2, none 1
 *   employment-network-events: 2 network meetings (one starting 31 Dec 23:30 local) → MET
 *   crime-prevention-events: a cultural event and a seminar → 2, MET
 *   project-management-seminars: 1 seminar (the cancelled and the draft meeting do not count) → MISSED
 *   atlases (this year): noerrebro and valby published with actors; tingbjerg published without; amager not → 2, AT_RISK
 */
describe("the work plan's KPIs over a hand-computed year", () => {
  let app: TestApp;
  let admin: string;
  const Y = new Date().getUTCFullYear() - 1;
  const NOW = Y + 1;
  const ids: Record<string, string> = {};
  let last: Record<string, Kpi>;
  let current: Record<string, Kpi>;

  const kpis = async (year: number) =>
    Object.fromEntries(dataOf(await app.gql<{ kpis: Kpi[] }>(KPIS, { year }, admin)).kpis.map((k) => [k.key, k]));
  const contributorIds = (k: Kpi) => k.contributors.map((c: { id: string }) => c.id).sort();

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.adminToken();
    const em = app.em();

    // Assignments: completed at these local times; answered true/false, or not at all.
    const assignments: [string, string, boolean | null][] = [
      ['a1', `${Y}-02-01T10:00:00+01:00`, true],
      ['a2', `${Y}-03-01T10:00:00+01:00`, true],
      ['a3', `${Y}-06-01T10:00:00+02:00`, true],
      ['a4', `${Y}-01-01T00:30:00+01:00`, true],
      ['a5', `${Y}-09-01T10:00:00+02:00`, false],
      ['a6', `${Y}-10-01T10:00:00+02:00`, false],
      ['a7', `${Y}-12-31T23:30:00+01:00`, null],
      ['before', `${Y - 1}-12-31T23:30:00+01:00`, true],
    ];
    for (const [name, at, answer] of assignments) {
      const a = await recordAssignment(app, admin, name);
      ids[name] = a.id;
      dataOf(await app.gql(COMPLETE, { id: a.id, at: local(at).toISOString() }, admin));
      if (answer !== null) dataOf(await app.gql(ANSWER, { token: surveyToken(app.config, a.id), input: { satisfied: answer } }));
    }
    ids.open = (await recordAssignment(app, admin, 'open')).id;

    // Projects and their visits.
    const mjolnerparken = await em.findOneOrFail(HousingArea, { slug: 'mjoelnerparken' });
    const haraldsgade = await em.findOneOrFail(HousingArea, { slug: 'haraldsgade' });
    const p1 = await createAssociation(em, { name: 'Projekt Mjølner', kind: AssociationKind.PROJECT, districtSlug: 'noerrebro' });
    const p2 = await createAssociation(em, { name: 'Projekt Valby', kind: AssociationKind.PROJECT, districtSlug: 'valby' });
    const p3 = await createAssociation(em, { name: 'Projekt Harald', kind: AssociationKind.PROJECT });
    const amager = await createAssociation(em, { name: 'Amager Forening', districtSlug: 'amager-vest' });
    const pending = await createAssociation(em, { name: 'Ventende', districtSlug: 'noerrebro', status: AssociationStatus.PENDING });
    p1.housingArea = mjolnerparken;
    p3.housingArea = haraldsgade;
    await em.flush();
    Object.assign(ids, { p1: p1.id, p2: p2.id, p3: p3.id, amager: amager.id, pending: pending.id });
    const visit = async (name: string, projectId: string, visitedOn: string, flags: Record<string, boolean> = {}) => {
      const v = dataOf(await app.gql(VISIT, { input: { projectId, visitedOn, notes: 'Intern note', ...flags } }, admin)).recordProjectVisit;
      ids[name] = v.id;
      return v;
    };
    expect(await visit('v1', p1.id, `${Y}-03-01`, { onSafety: true })).toMatchObject({ inFocusHousingArea: true, onSafety: true });
    await visit('v2', p1.id, `${Y}-09-01`, { onEmployment: true });
    expect(await visit('v3', p2.id, `${Y}-05-05`)).toMatchObject({ inFocusHousingArea: false, onSafety: false, onEmployment: false });
    expect(await visit('v4', p3.id, `${Y}-12-31`, { onEmployment: true })).toMatchObject({ inFocusHousingArea: false });
    await visit('v5', p2.id, `${Y - 1}-12-31`);
    const notAProject = errorOf(await app.gql(VISIT, { input: { projectId: amager.id, visitedOn: `${Y}-04-04` } }, admin));
    expect(notAProject.extensions?.fields).toHaveProperty('projectId');

    // Themed events.
    const event = async (name: string, kind: EventKind, startsAt: string, themes: string[], status = EventStatus.PUBLISHED) => {
      const start = local(startsAt);
      const cancelled = status === EventStatus.CANCELLED;
      const e = await createEvent(app.em(), {
        kind,
        status: cancelled ? EventStatus.PUBLISHED : status,
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * 3600_000),
      });
      dataOf(await app.gql(THEMES, { id: e.id, slugs: themes }, admin));
      if (cancelled) await app.em().nativeUpdate(Event, { id: e.id }, { status: EventStatus.CANCELLED, cancelledAt: new Date() });
      ids[name] = e.id;
    };
    await event('e1', EventKind.NETWORK_MEETING, `${Y}-03-10T17:00:00+01:00`, ['employment-outreach']);
    await event('e2', EventKind.SEMINAR, `${Y}-04-10T17:00:00+02:00`, ['employment-outreach']);
    await event('e3', EventKind.CULTURAL_EVENT, `${Y}-05-10T17:00:00+02:00`, ['crime-prevention']);
    await event('e4', EventKind.SEMINAR, `${Y}-06-10T17:00:00+02:00`, ['crime-prevention', 'project-management']);
    await event('e5', EventKind.NETWORK_MEETING, `${Y}-07-10T17:00:00+02:00`, ['project-management'], EventStatus.CANCELLED);
    await event('e6', EventKind.NETWORK_MEETING, `${Y}-08-10T17:00:00+02:00`, ['project-management'], EventStatus.DRAFT);
    await event('e7', EventKind.NETWORK_MEETING, `${Y}-12-31T23:30:00+01:00`, ['employment-outreach']);
    await event('e8', EventKind.NETWORK_MEETING, `${Y - 1}-12-31T22:00:00+01:00`, ['employment-outreach']);
    // This year: one planned project-management meeting (the factory's default: in 14 days).
    const planned = await createEvent(app.em(), { kind: EventKind.NETWORK_MEETING });
    dataOf(await app.gql(THEMES, { id: planned.id, slugs: ['project-management'] }, admin));
    ids.planned = planned.id;

    // Atlases, published this year.
    const areas = new Map((await app.em().find(Area, {})).map((a) => [a.slug, a.id]));
    for (const slug of ['noerrebro', 'valby', 'tingbjerg']) {
      dataOf(await app.gql(`mutation($id: ID!) { publishAtlas(areaId: $id) { atlasPublished } }`, { id: areas.get(slug) }, admin));
    }
    ids.noerrebro = areas.get('noerrebro')!;
    ids.valby = areas.get('valby')!;

    last = await kpis(Y);
    current = await kpis(NOW);
  }, 120_000);
  afterAll(() => app.close());

  it('requester-satisfaction: the share of answered surveys of assignments completed in the year, met with 5 answers', () => {
    const k = last['requester-satisfaction'];
    expect(k).toMatchObject({ actual: 4 / 6, answers: 6, target: 0.667, status: 'MET' });
    expect(contributorIds(k)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5, ids.a6, ids.a7].sort());
    expect(k.contributors.find((c: { id: string }) => c.id === ids.a7)).toMatchObject({ type: 'ASSIGNMENT', count: 0, satisfied: 0 });
    expect(k.contributors.find((c: { id: string }) => c.id === ids.a5)).toMatchObject({ count: 1, satisfied: 0 });
    expect(current['requester-satisfaction']).toMatchObject({ actual: null, answers: 0, status: 'AT_RISK' });
  });

  it('project-visits: the visits of the year, broken down by the work plan’s focus and by housing area', () => {
    const k = last['project-visits'];
    expect(k).toMatchObject({ actual: 4, planned: 0, target: 100, status: 'MISSED' });
    expect(contributorIds(k)).toEqual([ids.v1, ids.v2, ids.v3, ids.v4].sort());
    expect(k.contributors.find((c: { id: string }) => c.id === ids.v1)).toMatchObject({ type: 'VISIT', slug: 'projekt-mjoelner' });
    expect(Object.fromEntries(k.focus.map((g: any) => [g.key ?? '(none)', g.actual]))).toEqual({
      HOUSING_AREAS: 2,
      SAFETY: 1,
      EMPLOYMENT: 2,
      '(none)': 1,
    });
    expect(k.focus.find((g: any) => g.key === 'SAFETY').name).toBe('Projects on safety');
    expect(Object.fromEntries(k.housing.map((g: any) => [g.key ?? '(none)', g.actual]))).toEqual({
      mjoelnerparken: 2,
      haraldsgade: 1,
      '(none)': 1,
    });
    // The calendar's KPIs have no focus groups.
    expect(last['seminars-held'].focus).toEqual([]);
  });

  it('counts held events by theme and kind: employment network meetings, crime prevention, project management', () => {
    expect(last['employment-network-events']).toMatchObject({ actual: 2, planned: 0, target: 2, status: 'MET' });
    expect(contributorIds(last['employment-network-events'])).toEqual([ids.e1, ids.e7].sort());
    expect(last['crime-prevention-events']).toMatchObject({ actual: 2, target: 1, status: 'MET' });
    expect(contributorIds(last['crime-prevention-events'])).toEqual([ids.e3, ids.e4].sort());
    expect(last['project-management-seminars']).toMatchObject({ actual: 1, target: 2, status: 'MISSED' });
    expect(contributorIds(last['project-management-seminars'])).toEqual([ids.e4]);
    expect(current['project-management-seminars']).toMatchObject({ actual: 0, planned: 1, status: 'AT_RISK' });
    expect(current['project-management-seminars'].contributors).toEqual([
      expect.objectContaining({ id: ids.planned, type: 'EVENT', state: 'PLANNED' }),
    ]);
  });

  it('atlases: areas whose atlas is published and has at least one actor', async () => {
    expect(current.atlases).toMatchObject({ actual: 2, target: 4, status: 'AT_RISK' });
    expect(contributorIds(current.atlases)).toEqual([ids.noerrebro, ids.valby].sort());
    expect(last.atlases.actual).toBe(0);
    dataOf(await app.gql(`mutation($id: ID!) { unpublishAtlas(areaId: $id) { atlasPublished } }`, { id: ids.valby }, admin));
    expect((await kpis(NOW)).atlases.actual).toBe(1);
  });

  it('keeps the work plan’s KPIs in a status report', async () => {
    const made = dataOf(
      await app.gql(
        `mutation($y: Int!) { generateStatusReport(year: $y, period: AD_HOC) { id kpis { key actual status } } }`,
        { y: Y },
        admin,
      ),
    ).generateStatusReport;
    const byKey = Object.fromEntries(made.kpis.map((k: Kpi) => [k.key, [k.actual, k.status]]));
    expect(byKey).toMatchObject({
      'requester-satisfaction': [4 / 6, 'MET'],
      'project-visits': [4, 'MISSED'],
      'employment-network-events': [2, 'MET'],
      'crime-prevention-events': [2, 'MET'],
      'project-management-seminars': [1, 'MISSED'],
      atlases: [0, 'MISSED'],
    });
    const csv = await (await fetch(`${app.url}/reports/${made.id}.csv?lang=en`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(csv).toContain('BREAKDOWN,project-visits');
    expect(csv).toContain('Projects in the five housing areas');
    const html = await (await fetch(`${app.url}/reports/${made.id}?lang=en`, { headers: { authorization: `Bearer ${admin}` } })).text();
    for (const title of [
      'Satisfied requesters',
      'Project visits',
      'TFI atlases',
      'Network events on employment',
      'Crime-prevention events',
      'Project-management seminars',
    ]) {
      expect(html).toContain(title);
    }
  });

  it('never lets the association of a pending project be an actor', async () => {
    const actors = dataOf(
      await app.gql(`{ area(slug: "noerrebro") { atlasPublished actors { edges { node { id name } } } } }`),
    ).area.actors.edges.map((e: any) => e.node.id);
    expect(actors).toContain(ids.p1);
    expect(actors).not.toContain(ids.pending);
    const amager = dataOf(await app.gql(`{ area(slug: "amager") { atlasPublished actors { edges { node { id } } } } }`)).area;
    expect(amager).toEqual({ atlasPublished: false, actors: { edges: [] } });
  });
});
