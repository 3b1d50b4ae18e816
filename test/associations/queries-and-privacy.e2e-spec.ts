import { Association, AssociationKind, AssociationStatus, HousingArea } from '@mangfold/associations';
import { TEST_PASSWORD, createAssociation, createMember, createUser } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const FIELDS = `id slug name kind status website contactEmail contactPhone showContact cvr statusReason statusChangedAt
  viewerCanEdit members { id email lastLoginAt memberships { id } } district { slug } housingArea { slug }`;

describe('reading associations: visibility, privacy, filters and pages', () => {
  let app: TestApp;
  let open: Association;
  let discreet: Association;
  let pending: Association;
  let rejected: Association;
  let memberToken: string;
  let memberEmail: string;

  beforeAll(async () => {
    app = await startTestApp();
    const em = app.em();
    discreet = await createAssociation(em, {
      name: 'Privacy Diskret Forening',
      slug: 'privacy-diskret',
      districtSlug: 'valby',
      contactEmail: 'kontakt@diskret.example',
      showContact: false,
    });
    open = await createAssociation(em, {
      name: 'Privacy Åben Forening',
      slug: 'privacy-aaben',
      kind: AssociationKind.PROJECT,
      districtSlug: 'noerrebro',
      contactEmail: 'hej@aaben.example',
      showContact: true,
    });
    pending = await createAssociation(em, { name: 'Privacy Afventer', slug: 'privacy-afventer', status: AssociationStatus.PENDING });
    rejected = await createAssociation(em, { name: 'Privacy Afvist', slug: 'privacy-afvist', status: AssociationStatus.REJECTED });
    await em.nativeUpdate(Association, { id: { $in: [discreet.id, open.id] } }, { contactPhone: '+45 33 66 33 66', cvr: '29189846' });
    await em.nativeUpdate(Association, { id: rejected.id }, { statusReason: 'Outside Copenhagen' });
    await em.nativeUpdate(Association, { id: open.id }, { housingArea: await em.findOneOrFail(HousingArea, { slug: 'mjoelnerparken' }) });
    const member = await createMember(app, discreet);
    memberToken = member.token;
    memberEmail = member.user.email;
  });
  afterAll(() => app.close());

  const bySlug = async (slug: string, token?: string) =>
    dataOf(await app.gql(`query($s: String) { association(slug: $s) { ${FIELDS} } }`, { s: slug }, token)).association;

  it('shows the public only approved associations, without private data', async () => {
    const res = await app.gql(`{ associations(first: 100, filter: { search: "Privacy" }) { totalCount edges { node { ${FIELDS} } } } }`);
    const list = dataOf(res).associations;
    expect(list.edges.map((e: any) => e.node.slug).sort()).toEqual(['privacy-aaben', 'privacy-diskret']);
    expect(list.totalCount).toBe(2);
    const aaben = list.edges.find((e: any) => e.node.slug === 'privacy-aaben').node;
    const diskret = list.edges.find((e: any) => e.node.slug === 'privacy-diskret').node;
    expect(diskret).toMatchObject({
      contactEmail: null,
      contactPhone: null,
      showContact: null,
      cvr: null,
      statusReason: null,
      statusChangedAt: null,
      members: null,
      viewerCanEdit: false,
      district: { slug: 'valby' },
    });
    // Opted in: contact details are public, nothing else is.
    expect(aaben).toMatchObject({ contactEmail: 'hej@aaben.example', contactPhone: '+45 33 66 33 66', cvr: null, members: null });
    const text = JSON.stringify(res);
    expect(text).not.toContain(memberEmail);
    expect(text).not.toContain('kontakt@diskret.example');
    expect(text).not.toMatch(/scrypt\$/);

    expect(await bySlug('privacy-afventer')).toBeNull();
    expect(await bySlug('privacy-afvist')).toBeNull();
    expect(dataOf(await app.gql('query($id: ID) { association(id: $id) { id } }', { id: pending.id })).association).toBeNull();
  });

  it('shows a member its own association in full, and other associations as the public sees them', async () => {
    const own = await bySlug('privacy-diskret', memberToken);
    expect(own).toMatchObject({
      contactEmail: 'kontakt@diskret.example',
      contactPhone: '+45 33 66 33 66',
      showContact: false,
      cvr: '29189846',
      viewerCanEdit: true,
    });
    expect(own.members).toEqual([{ id: expect.any(String), email: memberEmail, lastLoginAt: null, memberships: expect.any(Array) }]);
    const other = await bySlug('privacy-aaben', memberToken);
    expect(other).toMatchObject({ cvr: null, members: null, viewerCanEdit: false });
    // A member cannot list associations by status.
    const refused = errorOf(await app.gql('{ associations(filter: { status: PENDING }) { totalCount } }', {}, memberToken));
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    expect(
      dataOf(await app.gql('{ associations(filter: { status: APPROVED }) { totalCount } }', {}, memberToken)).associations.totalCount,
    ).toBeGreaterThan(0);
  });

  it("hides a fellow member's memberships and last login from other members", async () => {
    const fellow = await createUser(app.em());
    const admin = await app.adminToken();
    dataOf(
      await app.gql(
        'mutation($a: ID!, $e: String!) { addAssociationMember(associationId: $a, email: $e) { id } }',
        { a: discreet.id, e: fellow.email },
        admin,
      ),
    );
    await app.login(fellow.email, TEST_PASSWORD);
    const own = await bySlug('privacy-diskret', memberToken);
    const seenFellow = own.members.find((m: any) => m.email === fellow.email);
    expect(seenFellow).toMatchObject({ memberships: null, lastLoginAt: null });
    const self = own.members.find((m: any) => m.email === memberEmail);
    expect(self.memberships).toHaveLength(1);
    // Admins see when members last logged in.
    const asAdmin = await bySlug('privacy-diskret', admin);
    expect(asAdmin.members.find((m: any) => m.email === fellow.email).lastLoginAt).toEqual(expect.any(String));
  });

  it('shows admins everything, every status, filtered by status', async () => {
    const admin = await app.adminToken();
    const full = await bySlug('privacy-afvist', admin);
    expect(full).toMatchObject({ status: 'REJECTED', statusReason: 'Outside Copenhagen', viewerCanEdit: true, cvr: null, members: [] });
    const list = async (status: string) =>
      dataOf(
        await app.gql(
          `{ associations(first: 100, filter: { status: ${status}, search: "Privacy" }) { edges { node { slug } } } }`,
          {},
          admin,
        ),
      ).associations.edges.map((e: any) => e.node.slug);
    expect(await list('PENDING')).toEqual(['privacy-afventer']);
    expect(await list('REJECTED')).toEqual(['privacy-afvist']);
    const all = dataOf(await app.gql('{ associations(first: 100, filter: { search: "privacy" }) { totalCount } }', {}, admin)).associations;
    expect(all.totalCount).toBe(4);
  });

  it('filters on kind, district, housing area and name', async () => {
    const slugs = async (filter: string) =>
      dataOf(await app.gql(`{ associations(first: 100, filter: { ${filter} }) { edges { node { slug } } } }`)).associations.edges.map(
        (e: any) => e.node.slug,
      );
    expect(await slugs('kind: PROJECT, search: "privacy"')).toEqual(['privacy-aaben']);
    expect(await slugs('districtSlug: "valby", search: "privacy"')).toEqual(['privacy-diskret']);
    expect(await slugs('housingAreaSlug: "mjoelnerparken"')).toEqual(['privacy-aaben']);
    expect(await slugs('search: "ÅBEN"')).toEqual(['privacy-aaben']);
    // Wildcards are taken literally.
    expect(await slugs('search: "%"')).toEqual([]);
    // A district that does not exist is a mistake to report, not an empty list.
    const unknown = await app.gql('{ associations(filter: { districtSlug: "atlantis" }) { totalCount } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { districtSlug: expect.any(String) } });
  });

  it('pages through a connection with opaque cursors, in case-insensitive name order and by sign-up time', async () => {
    const em = app.em();
    const signedUp = Date.parse('2026-01-01T12:00:00Z');
    for (const [i, name] of ['Side e', 'Side a', 'Side D', 'Side B', 'Side c'].entries()) {
      const a = await createAssociation(em, { name });
      await em.nativeUpdate(Association, { id: a.id }, { createdAt: new Date(signedUp + i * 60_000) });
    }
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = dataOf(
        await app.gql(
          'query($after: String) { associations(first: 2, after: $after, filter: { search: "Side " }) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }',
          { after },
        ),
      ).associations;
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      names.push(...page.edges.map((e: any) => e.node.name));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['Side a', 'Side B', 'Side c', 'Side D', 'Side e']);
    expect(pages).toBe(3);

    const newest = dataOf(
      await app.gql(
        '{ associations(first: 2, orderBy: NEWEST_FIRST, filter: { search: "Side " }) { edges { node { name } } pageInfo { endCursor } } }',
      ),
    ).associations;
    expect(newest.edges.map((e: any) => e.node.name)).toEqual(['Side c', 'Side B']);
    const rest = dataOf(
      await app.gql(
        'query($a: String) { associations(first: 10, after: $a, orderBy: NEWEST_FIRST, filter: { search: "Side " }) { edges { node { name } } } }',
        {
          a: newest.pageInfo.endCursor,
        },
      ),
    ).associations;
    expect(rest.edges.map((e: any) => e.node.name)).toEqual(['Side D', 'Side a', 'Side e']);
  });

  it('refuses bad paging arguments and ambiguous lookups with BAD_USER_INPUT', async () => {
    for (const [args, field] of [
      ['first: 0', 'first'],
      ['first: 101', 'first'],
      ['after: "bm9wZQ"', 'after'],
    ]) {
      const error = errorOf(await app.gql(`{ associations(${args}) { totalCount } }`));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.any(String) } });
    }
    expect(errorOf(await app.gql('{ association { id } }')).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await app.gql(`{ association(id: "${open.id}", slug: "privacy-aaben") { id } }`)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(dataOf(await app.gql('{ association(id: "not-a-uuid") { id } }')).association).toBeNull();
  });

  it('answers in the language asked for, falling back per field', async () => {
    await app.em().nativeUpdate(Association, { id: open.id }, { description: { da: 'Kun dansk' } });
    const res = dataOf(await app.gql('{ association(slug: "privacy-aaben") { da: description(lang: DA) en: description(lang: EN) } }'));
    expect(res.association).toEqual({ da: 'Kun dansk', en: 'Kun dansk' });
  });
});
