import { AuditEntry } from '@mangfold/db';
import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, buildKpiYear } from './kpi-data';

const KPIS = `query Kpis($year: Int!) {
  kpis(year: $year) {
    key year title(lang: EN) unit target actual planned answers status asOf
    contributors { type id slug name state associationKind eventKind startsAt count satisfied }
    byDistrict: breakdown(by: DISTRICT) { dimension key name(lang: EN) actual planned answers }
    byHousingArea: breakdown(by: HOUSING_AREA) { key actual planned answers }
    byOccasion: breakdown(by: OCCASION) { key actual planned answers }
    byKind: breakdown(by: ASSOCIATION_KIND) { key actual planned answers }
  }
}`;

const FIGURES = `query Figures($year: Int!) { kpis(year: $year) { key target actual planned answers status } }`;

type Kpi = Record<string, any>;

/** key → "actual/planned" per group, so a breakdown compares as a set. */
const groups = (list: { key: string | null; actual: number | null; planned: number | null; answers?: number | null }[]) =>
  Object.fromEntries(list.map((g) => [g.key ?? '(none)', `${g.actual}/${g.planned}`]));

describe('KPIs (KPIS.md) over a year of data', () => {
  let app: TestApp;
  let token: string;
  let data: Awaited<ReturnType<typeof buildKpiYear>>;
  let year: number;
  let kpis: Record<string, Kpi>;

  const figures = async (y: number) =>
    Object.fromEntries(dataOf(await app.gql<{ kpis: Kpi[] }>(FIGURES, { year: y }, token)).kpis.map((k) => [k.key, k]));

  beforeAll(async () => {
    app = await startTestApp();
    token = await adminToken(app);
    data = await buildKpiYear(app.em());
    year = data.year;
    const res = dataOf(await app.gql<{ kpis: Kpi[] }>(KPIS, { year }, token));
    kpis = Object.fromEntries(res.kpis.map((k) => [k.key, k]));
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  const held = (k: Kpi) =>
    k.contributors
      .filter((c: any) => c.state === 'HELD')
      .map((c: any) => c.id)
      .sort();
  const planned = (k: Kpi) =>
    k.contributors
      .filter((c: any) => c.state === 'PLANNED')
      .map((c: any) => c.id)
      .sort();
  const ids = (...things: { id: string }[]) => things.map((t) => t.id).sort();

  it('lists every KPI of KPIS.md in report order, with the seeded targets', () => {
    expect(Object.keys(kpis)).toEqual([
      'associations-involved',
      'international-day-held',
      'international-day-participants',
      'seminars-held',
      'network-meetings-held',
      'voluntary-initiatives',
      'satisfaction-rate',
      'attendance',
      'requester-satisfaction',
      'project-visits',
      'atlases',
      'employment-network-events',
      'crime-prevention-events',
      'project-management-seminars',
    ]);
    expect(Object.values(kpis).map((k) => k.target)).toEqual([4, 1, null, 2, 2, 2, 0.667, null, 0.667, 100, 4, 2, 1, 2]);
    expect(kpis['associations-involved']).toMatchObject({
      year,
      unit: 'ASSOCIATIONS',
      title: 'Local associations running cultural events',
    });
    expect(kpis['satisfaction-rate'].unit).toBe('RATE');
  });

  it('counts distinct approved local associations that (co-)organised a held cultural event marking an occasion', () => {
    const a = data.associations;
    const k = kpis['associations-involved'];
    // a1 (two events, counted once), a3 and a2 as accepted co-organisers (a2 of an embassy's event), newYear (1 January 00:00).
    expect(k).toMatchObject({ actual: 4, planned: 1, status: 'MET' });
    expect(held(k)).toEqual(ids(a.a1, a.a2, a.a3, a.newYear));
    // Not the embassy, the municipal unit, a pending association, an invited co-organiser, an event without an
    // occasion, a cancelled one, last year's New Year's Eve party or drafts; planned: plannedOnly.
    expect(planned(k)).toEqual(ids(a.plannedOnly));
    expect(k.contributors.every((c: any) => c.type === 'ASSOCIATION')).toBe(true);
    expect(k.contributors.find((c: any) => c.id === a.a2.id)).toMatchObject({
      name: 'Beta Projekt',
      slug: a.a2.slug,
      associationKind: 'PROJECT',
    });
  });

  it('counts the held International Day and its confirmed participants by kind', () => {
    const p = data.participations;
    expect(kpis['international-day-held']).toMatchObject({ actual: 1, planned: 0, status: 'MET' });
    expect(held(kpis['international-day-held'])).toEqual(ids(data.day.event));
    const participants = kpis['international-day-participants'];
    expect(participants).toMatchObject({ actual: 3, planned: 0, target: null, status: 'NO_TARGET' });
    expect(held(participants)).toEqual(ids(p.embassy, p.a1, p.other));
    expect(participants.contributors.find((c: any) => c.id === p.embassy.id)).toMatchObject({
      type: 'PARTICIPATION',
      name: p.embassy.organisationName,
      associationKind: 'EMBASSY',
    });
    expect(participants.contributors.find((c: any) => c.id === p.a1.id).name).toBe('Alfa Forening');
    expect(groups(participants.byKind)).toEqual({ EMBASSY: '1/0', ASSOCIATION: '1/0', OTHER: '1/0' });
  });

  it('counts held seminars and network meetings, leaving out cancelled, draft and rejected ones', () => {
    const e = data.events;
    expect(kpis['seminars-held']).toMatchObject({ actual: 2, planned: 1, status: 'MET' });
    expect(held(kpis['seminars-held'])).toEqual(ids(e.s1, e.s2));
    expect(planned(kpis['seminars-held'])).toEqual(ids(e.s3));
    expect(kpis['network-meetings-held']).toMatchObject({ actual: 1, planned: 1, status: 'ON_TRACK' });
    expect(held(kpis['network-meetings-held'])).toEqual(ids(e.v1));
    expect(planned(kpis['network-meetings-held'])).toEqual(ids(e.n2));
    expect(kpis['seminars-held'].contributors.find((c: any) => c.id === e.s1.id)).toMatchObject({
      type: 'EVENT',
      slug: e.s1.slug,
      eventKind: 'SEMINAR',
      startsAt: e.s1.startsAt.toISOString(),
      count: null,
    });
  });

  it('counts events with at least two approved voluntary organisations that accepted', () => {
    const k = kpis['voluntary-initiatives'];
    expect(k).toMatchObject({ actual: 1, planned: 1, status: 'ON_TRACK' });
    expect(held(k)).toEqual(ids(data.events.v1));
    expect(planned(k)).toEqual(ids(data.events.v2));
    // Two voluntary organisers of one event count it once under their kind.
    expect(groups(k.byKind)).toEqual({ VOLUNTARY_ORGANISATION: '1/1' });
  });

  it('rates satisfaction over the answers to the year’s published events, met with 10 answers', () => {
    const k = kpis['satisfaction-rate'];
    // s1: 7 of 10 satisfied; the cancelled s4's 5 unhappy answers and last year's p1 do not count.
    expect(k).toMatchObject({ actual: 0.7, planned: null, answers: 10, status: 'MET' });
    expect(k.contributors).toEqual([expect.objectContaining({ id: data.events.s1.id, state: 'HELD', count: 10, satisfied: 7 })]);
    expect(k.byDistrict).toEqual([{ dimension: 'DISTRICT', key: 'indre-by', name: 'Inner City', actual: 0.7, planned: null, answers: 10 }]);
  });

  it('counts check-ins at held events and confirmed registrations for planned ones', () => {
    const k = kpis.attendance;
    expect(k).toMatchObject({ actual: 6, planned: 4, status: 'NO_TARGET' });
    expect(k.contributors).toEqual([
      expect.objectContaining({ id: data.events.s1.id, state: 'HELD', count: 6 }),
      expect.objectContaining({ id: data.events.s3.id, state: 'PLANNED', count: 4 }),
    ]);
  });

  it('breaks associations-involved down by district, housing area, occasion and kind', () => {
    const k = kpis['associations-involved'];
    expect(groups(k.byDistrict)).toEqual({ oesterbro: '1/0', noerrebro: '2/1', valby: '1/0', '(none)': '1/0' });
    // In the order of the districts, "no district" last.
    expect(k.byDistrict.map((g: any) => g.key)).toEqual(['oesterbro', 'noerrebro', 'valby', null]);
    expect(k.byDistrict[3].name).toBe('No district');
    expect(groups(k.byHousingArea)).toEqual({ mjoelnerparken: '2/0', '(none)': '3/1' });
    expect(groups(k.byOccasion)).toEqual({ 'eid-al-fitr': '3/0', nowruz: '1/0', diwali: '1/0', holi: '0/1' });
    expect(groups(k.byKind)).toEqual({ ASSOCIATION: '2/1', PROJECT: '1/0', VOLUNTARY_ORGANISATION: '1/0' });
    expect(groups(kpis['seminars-held'].byKind)).toEqual({ MUNICIPAL_UNIT: '2/1' });
  });

  it('gives the associations detail: who counted with which events, and who to follow up with', async () => {
    const a = data.associations;
    const e = data.events;
    const res = dataOf(
      await app.gql(
        `query($year: Int!) { associationsInvolved(year: $year) {
          year target held planned status
          associations { association { id name kind } events { id title(lang: DA) state role occasion { slug name(lang: EN) } } }
          followUp { association { id } events { id state role } }
        } }`,
        { year },
        token,
      ),
    ).associationsInvolved;
    expect(res).toMatchObject({ year, target: 4, held: 4, planned: 1, status: 'MET' });
    expect(res.associations.map((x: any) => [x.association.id, x.events.map((ev: any) => `${ev.id}:${ev.role}`)])).toEqual([
      [a.a1.id, [`${e.c1.id}:PRIMARY`, `${e.c3.id}:PRIMARY`]],
      [a.a2.id, [`${e.c2.id}:CO_ORGANIZER`]],
      [a.a3.id, [`${e.c1.id}:CO_ORGANIZER`]],
      [a.newYear.id, [`${e.b2.id}:PRIMARY`]],
    ]);
    expect(res.associations[0].events[0]).toMatchObject({
      title: e.c1.title.da,
      state: 'HELD',
      occasion: { slug: 'eid-al-fitr', name: 'Eid al-Fitr' },
    });
    expect(res.followUp.map((x: any) => [x.association.id, x.events.map((ev: any) => `${ev.id}:${ev.state}`)])).toEqual([
      [a.plannedOnly.id, [`${e.c8.id}:PLANNED`]],
      [a.draftOnly.id, [`${e.c11.id}:SUBMITTED`, `${e.c9.id}:DRAFT`]],
    ]);
  });

  it('puts an event in the year of its local start: 31 December 23:30 is last year, 1 January 00:00 this year', async () => {
    const last: Record<string, Kpi> = Object.fromEntries(
      dataOf(await app.gql<{ kpis: Kpi[] }>(KPIS, { year: year - 1 }, token)).kpis.map((k) => [k.key, k]),
    );
    expect(held(last['associations-involved'])).toEqual(ids(data.associations.lastYear));
    // A year that is over: whatever fell short is MISSED; targets were copied from the defaults (no earlier year).
    expect(Object.fromEntries(Object.values(last).map((k) => [k.key, [k.actual, k.planned, k.target, k.status]]))).toEqual({
      'associations-involved': [1, 0, 4, 'MISSED'],
      'international-day-held': [0, 0, 1, 'MISSED'],
      'international-day-participants': [0, 0, null, 'NO_TARGET'],
      'seminars-held': [1, 0, 2, 'MISSED'],
      'network-meetings-held': [0, 0, 2, 'MISSED'],
      'voluntary-initiatives': [0, 0, 2, 'MISSED'],
      // Every answer satisfied, but only 3 of the 10 needed.
      'satisfaction-rate': [1, null, 0.667, 'MISSED'],
      attendance: [3, 0, null, 'NO_TARGET'],
      // The work plan's KPIs (test/workplan/workplan-kpis) have no data in this year.
      'requester-satisfaction': [null, null, 0.667, 'MISSED'],
      'project-visits': [0, 0, 100, 'MISSED'],
      atlases: [0, 0, 4, 'MISSED'],
      'employment-network-events': [0, 0, 2, 'MISSED'],
      'crime-prevention-events': [0, 0, 1, 'MISSED'],
      'project-management-seminars': [0, 0, 2, 'MISSED'],
    });
  });

  it('moves the status with the target: MET, ON_TRACK, AT_RISK; a rate below its target is AT_RISK', async () => {
    const set = (key: string, target: number) =>
      app.gql(
        `mutation($key: String!, $year: Int!, $target: Float!) { setKpiTarget(key: $key, year: $year, target: $target) { key target status } }`,
        {
          key,
          year,
          target,
        },
        token,
      );
    expect(dataOf(await set('associations-involved', 5)).setKpiTarget).toEqual({
      key: 'associations-involved',
      target: 5,
      status: 'ON_TRACK',
    });
    expect(dataOf(await set('associations-involved', 6)).setKpiTarget.status).toBe('AT_RISK');
    expect(dataOf(await set('international-day-participants', 3)).setKpiTarget.status).toBe('MET');
    expect(dataOf(await set('satisfaction-rate', 0.75)).setKpiTarget.status).toBe('AT_RISK');
    const audits = await app.em().find(AuditEntry, { action: 'kpi-target.set' }, { orderBy: { at: 'asc' } });
    expect(audits).toHaveLength(4);
    expect(audits[0].changes).toEqual({ key: 'associations-involved', year, from: 4, to: 5 });

    // A new year copies this year's targets when first asked; later edits of this year leave it alone.
    const next = await figures(year + 1);
    expect(next['associations-involved']).toMatchObject({ target: 6, actual: 0, planned: 0, status: 'AT_RISK' });
    expect(next['international-day-participants'].target).toBe(3);
    expect(next['satisfaction-rate']).toMatchObject({ target: 0.75, actual: null, answers: 0, status: 'AT_RISK' });
    dataOf(await set('associations-involved', 4));
    expect((await figures(year + 1))['associations-involved'].target).toBe(6);
    expect((await figures(year))['associations-involved'].status).toBe('MET');
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await figures(year);
    const attempt = async (key: string, y: number, target: number, field: string) => {
      const error = errorOf(
        await app.gql(
          `mutation($key: String!, $year: Int!, $target: Float!) { setKpiTarget(key: $key, year: $year, target: $target) { key } }`,
          {
            key,
            year: y,
            target,
          },
          token,
        ),
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.extensions?.fields ?? {})).toEqual([field]);
    };
    await attempt('no-such-kpi', year, 3, 'key');
    await attempt('satisfaction-rate', year, 1.5, 'target');
    await attempt('seminars-held', year, 2.5, 'target');
    await attempt('seminars-held', year, -1, 'target');
    await attempt('seminars-held', 1999, 3, 'year');
    const error = errorOf(await app.gql(FIGURES, { year: 3000 }, token));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { year: expect.any(String) } });
    expect(await figures(year)).toEqual(before);
  });

  it('is for admins only', async () => {
    const member = await createMember(app);
    for (const [query, variables] of [
      [FIGURES, { year }],
      ['query($year: Int!) { associationsInvolved(year: $year) { held } }', { year }],
      ['mutation { setKpiTarget(key: "seminars-held", year: 2026, target: 9) { key } }', {}],
    ] as const) {
      expect(errorOf(await app.gql(query, variables)).extensions?.code).toBe('UNAUTHENTICATED');
      expect(errorOf(await app.gql(query, variables, member.token)).extensions?.code).toBe('FORBIDDEN');
    }
  });
});
