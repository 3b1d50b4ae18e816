import { AssociationKind, HousingArea } from '@mangfold/associations';
import { createAssociation, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { sitePaths } from '@mangfold/config';

const VISIT = `mutation($input: ProjectVisitInput!) { recordProjectVisit(input: $input) { id notes findingsPublished visitorName goodPractice(lang: DA) project { id } } }`;
const UPDATE = `mutation($id: ID!, $input: ProjectVisitInput!) { updateProjectVisit(id: $id, input: $input) { id findingsPublished } }`;
const FINDINGS = `query($slug: String!) { association(slug: $slug) { visitFindings { visitedOn goodPractice(lang: EN) } } }`;

describe('project-bank visits and the atlas areas', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  it('records visits for admins only and publishes their findings, never their notes', async () => {
    const project = await createAssociation(app.em(), { name: 'Lektiecaféen', kind: AssociationKind.PROJECT, districtSlug: 'noerrebro' });
    const input = {
      projectId: project.id,
      visitedOn: '2026-03-04',
      notes: 'Leder overvejer at stoppe',
      goodPractice: { da: 'Forældre inddrages fra første dag', en: 'Parents take part from day one' },
    };
    const visit = dataOf(await app.gql(VISIT, { input }, admin)).recordProjectVisit;
    expect(visit).toMatchObject({ notes: 'Leder overvejer at stoppe', findingsPublished: false, project: { id: project.id } });
    expect(visit.visitorName).toBe('TFI admin');
    // Unpublished: nothing public yet.
    expect(dataOf(await app.gql(FINDINGS, { slug: project.slug })).association.visitFindings).toEqual([]);

    dataOf(await app.gql(UPDATE, { id: visit.id, input: { ...input, publishFindings: true } }, admin));
    const findings = await app.gql(FINDINGS, { slug: project.slug });
    expect(dataOf(findings).association.visitFindings).toEqual([
      { visitedOn: '2026-03-04', goodPractice: 'Parents take part from day one' },
    ]);
    expect(JSON.stringify(findings)).not.toContain('Leder overvejer');
    // The project's page in the project bank shows the published finding in each language, never the notes.
    for (const [lang, text] of [
      ['da', 'Forældre inddrages fra første dag'],
      ['en', 'Parents take part from day one'],
    ] as const) {
      const page = await (await fetch(`${app.url}${sitePaths.project(lang, project.slug)}`)).text();
      expect(page).toContain(text);
      expect(page).not.toContain('Leder overvejer');
    }

    const member = await createMember(app);
    expect(errorOf(await app.gql(VISIT, { input }, member.token)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(`{ projectVisits { totalCount } }`, {}, member.token)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(`{ projectVisits { totalCount } }`)).extensions?.code).toBe('UNAUTHENTICATED');
    const list = dataOf(
      await app.gql(`query($p: ID) { projectVisits(projectId: $p) { edges { node { id notes } } } }`, { p: project.id }, admin),
    );
    expect(list.projectVisits.edges).toEqual([{ node: { id: visit.id, notes: 'Leder overvejer at stoppe' } }]);
    const noText = errorOf(
      await app.gql(VISIT, { input: { projectId: project.id, visitedOn: '2026-03-05', publishFindings: true } }, admin),
    );
    expect(noText.extensions?.fields).toHaveProperty('publishFindings');
    expect(errorOf(await app.gql(VISIT, { input: { ...input, visitedOn: '4/3/2026' } }, admin)).extensions?.fields).toHaveProperty(
      'visitedOn',
    );
  });

  it('lists the seeded atlas areas, lets admins add one and publish it; actors are public once published', async () => {
    const areas = dataOf(await app.gql(`{ areas { slug name(lang: DA) atlasPublished districts { slug } housingAreas { slug } } }`)).areas;
    expect(areas).toEqual([
      { slug: 'noerrebro', name: 'Nørrebro', atlasPublished: false, districts: [{ slug: 'noerrebro' }], housingAreas: [] },
      { slug: 'valby', name: 'Valby', atlasPublished: false, districts: [{ slug: 'valby' }], housingAreas: [] },
      {
        slug: 'amager',
        name: 'Amager',
        atlasPublished: false,
        districts: [{ slug: 'amager-oest' }, { slug: 'amager-vest' }],
        housingAreas: [],
      },
      { slug: 'tingbjerg', name: 'Tingbjerg', atlasPublished: false, districts: [], housingAreas: [{ slug: 'tingbjerg' }] },
    ]);
    const create = `mutation($input: AreaInput!) { createArea(input: $input) { id slug atlasPublished housingAreas { slug } } }`;
    const input = { slug: 'mimersgade', name: { da: 'Mimersgadekvarteret' }, districtSlugs: [], housingAreaSlugs: ['mimersgade'] };
    const area = dataOf(await app.gql(create, { input }, admin)).createArea;
    expect(area).toMatchObject({ slug: 'mimersgade', atlasPublished: false, housingAreas: [{ slug: 'mimersgade' }] });
    expect(errorOf(await app.gql(create, { input }, admin)).extensions?.code).toBe('CONFLICT');
    expect(
      errorOf(await app.gql(create, { input: { ...input, slug: 'x-y', housingAreaSlugs: ['nowhere'] } }, admin)).extensions?.fields,
    ).toHaveProperty('housingAreaSlugs');
    const member = await createMember(app);
    expect(errorOf(await app.gql(create, { input: { ...input, slug: 'other' } }, member.token)).extensions?.code).toBe('FORBIDDEN');

    const em = app.em();
    const actor = await createAssociation(em, { name: 'Mimers Beboerforening' });
    actor.housingArea = await em.findOneOrFail(HousingArea, { slug: 'mimersgade' });
    await em.flush();
    const ACTORS = `{ area(slug: "mimersgade") { atlasPublished actors { edges { node { name } } } } }`;
    const atlasPage = async () => (await fetch(`${app.url}${sitePaths.atlas('da')}`)).text();
    expect(await atlasPage()).not.toContain('Mimersgadekvarteret');
    expect(dataOf(await app.gql(ACTORS)).area).toEqual({ atlasPublished: false, actors: { edges: [] } });
    expect(dataOf(await app.gql(ACTORS, {}, admin)).area.actors.edges).toEqual([{ node: { name: 'Mimers Beboerforening' } }]);
    dataOf(await app.gql(`mutation($id: ID!) { publishAtlas(areaId: $id) { id } }`, { id: area.id }, admin));
    expect(dataOf(await app.gql(ACTORS)).area).toEqual({
      atlasPublished: true,
      actors: { edges: [{ node: { name: 'Mimers Beboerforening' } }] },
    });
    // The public atlas page lists the published area with its actors, each a link to its page.
    const page = await atlasPage();
    expect(page).toMatch(/TFI’s atlasser over områderne[\s\S]*Mimersgadekvarteret[\s\S]*Mimers Beboerforening/);
    expect(page).toContain(`href="${sitePaths.association('da', actor.slug)}"`);
  });
});
