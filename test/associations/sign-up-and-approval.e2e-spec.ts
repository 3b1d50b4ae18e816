import { AuditEntry } from '@mangfold/db';
import { JobName, OutboxMessage } from '@mangfold/jobs';
import { Association, AssociationStatus, Membership } from '@mangfold/associations';
import { User } from '@mangfold/auth';
import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const SIGN_UP = `mutation SignUp($input: SignUpAssociationInput!) {
  signUpAssociation(input: $input) {
    accessToken expiresAt
    user { id email role }
    association { id slug name kind status district { slug } housingArea { slug } cvr contactEmail viewerCanEdit }
  }
}`;

const UPDATE = `mutation Update($id: ID!, $input: UpdateAssociationInput!) {
  updateAssociation(id: $id, input: $input) { id slug name website description(lang: EN) cvr district { slug } housingArea { slug } }
}`;

let counter = 0;
function signUpInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Nørrebro Kulturforening ${counter}`,
    kind: 'ASSOCIATION',
    email: `founder${counter}@forening.example`,
    password: 'a-long-enough-password',
    memberName: 'Amina Hassan',
    districtSlug: 'noerrebro',
    description: { da: 'Vi laver fællesspisning.', en: 'We host shared dinners.' },
    cvr: '12345678',
    ...overrides,
  };
}

async function counts(app: TestApp): Promise<{ associations: number; users: number; memberships: number }> {
  const em = app.em();
  return {
    associations: await em.count(Association, {}),
    users: await em.count(User, {}),
    memberships: await em.count(Membership, {}),
  };
}

describe('signing up, approval and editing an association', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sign up → pending → admin approves → member logs in → edits its association', async () => {
    const input = signUpInput({ name: 'Mjølnerparkens Madklub', housingAreaSlug: 'mjoelnerparken', districtSlug: undefined });
    const signUp = dataOf(await app.gql(SIGN_UP, { input })).signUpAssociation;
    expect(signUp.association).toMatchObject({
      slug: 'mjoelnerparkens-madklub',
      name: 'Mjølnerparkens Madklub',
      kind: 'ASSOCIATION',
      status: 'PENDING',
      // The housing area implies its district.
      district: { slug: 'noerrebro' },
      housingArea: { slug: 'mjoelnerparken' },
      // The applicant is logged in by signing up, and sees what members see.
      cvr: '12345678',
      viewerCanEdit: true,
    });
    expect(signUp.user).toMatchObject({ email: input.email, role: 'ASSOCIATION_MEMBER' });
    expect(signUp.accessToken).toEqual(expect.any(String));
    const id = signUp.association.id as string;

    // Pending: invisible to the public, visible to the applicant.
    expect(
      dataOf(await app.gql('query($s: String) { association(slug: $s) { id } }', { s: 'mjoelnerparkens-madklub' })).association,
    ).toBeNull();
    const publicList = dataOf(await app.gql('{ associations(first: 100) { edges { node { id } } } }')).associations;
    expect(publicList.edges.map((e: any) => e.node.id)).not.toContain(id);
    const mine = dataOf(await app.gql('query($id: ID) { association(id: $id) { status cvr viewerCanEdit } }', { id }, signUp.accessToken));
    expect(mine.association).toEqual({ status: 'PENDING', cvr: '12345678', viewerCanEdit: true });

    // The admin's approval queue shows it; approving records who and when and tells the members.
    const admin = await app.adminToken();
    const queue = dataOf(
      await app.gql('{ associations(filter: { status: PENDING }, orderBy: OLDEST_FIRST) { totalCount edges { node { id } } } }', {}, admin),
    ).associations;
    expect(queue.edges.map((e: any) => e.node.id)).toContain(id);
    const approved = dataOf(
      await app.gql(
        'mutation($id: ID!) { approveAssociation(id: $id) { status statusChangedAt statusChangedBy { email } } }',
        { id },
        admin,
      ),
    ).approveAssociation;
    expect(approved.status).toBe('APPROVED');
    expect(approved.statusChangedBy.email).toBe(app.config.auth.adminEmail);
    expect(Date.parse(approved.statusChangedAt)).toBeGreaterThan(Date.now() - 60_000);

    const em = app.em();
    const notify = await em.find(OutboxMessage, { name: JobName.Notify });
    expect(notify.map((m) => m.payload)).toContainEqual({ kind: 'association-approved', associationId: id });
    const auditRow = await em.findOneOrFail(AuditEntry, { entityId: id, action: 'association.approved' });
    expect(auditRow.changes).toEqual({ status: { from: 'PENDING', to: 'APPROVED' } });

    // Now public.
    expect(
      dataOf(await app.gql('query($s: String) { association(slug: $s) { id status } }', { s: 'mjoelnerparkens-madklub' })).association,
    ).toEqual({
      id,
      status: 'APPROVED',
    });

    // The member logs in and edits.
    const token = await app.login(input.email as string, input.password as string);
    const updated = dataOf(
      await app.gql(
        UPDATE,
        {
          id,
          input: { name: 'Mjølnerparkens Madklub og Café', website: 'https://madklub.example', description: { en: 'Dinners and coffee.' } },
        },
        token,
      ),
    ).updateAssociation;
    expect(updated).toMatchObject({
      name: 'Mjølnerparkens Madklub og Café',
      slug: 'mjoelnerparkens-madklub',
      website: 'https://madklub.example',
      description: 'Dinners and coffee.',
      cvr: '12345678',
    });
    const row = await app.em().findOneOrFail(Association, id);
    // The Danish description is kept when only English changes.
    expect(row.description).toEqual({ da: 'Vi laver fællesspisning.', en: 'Dinners and coffee.' });
    const changed = await app.em().find(OutboxMessage, { name: JobName.AssociationChanged });
    expect(changed.map((m) => m.payload)).toContainEqual({ associationId: id });
    const edit = await app.em().findOneOrFail(AuditEntry, { entityId: id, action: 'association.updated' });
    expect(edit.changes).toMatchObject({ name: { from: 'Mjølnerparkens Madklub', to: 'Mjølnerparkens Madklub og Café' } });
  });

  it('refuses another association member with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const owner = await createMember(app);
    const other = await createMember(app);
    const before = await app.em().findOneOrFail(Association, owner.association.id);

    const forbidden = errorOf(await app.gql(UPDATE, { id: owner.association.id, input: { name: 'Hijacked' } }, other.token));
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const anonymous = errorOf(await app.gql(UPDATE, { id: owner.association.id, input: { name: 'Hijacked' } }));
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
    const addAnon = errorOf(
      await app.gql('mutation($a: ID!) { addAssociationMember(associationId: $a, email: "x@example.org") { id } }', {
        a: owner.association.id,
      }),
    );
    expect(addAnon.extensions?.code).toBe('UNAUTHENTICATED');
    const addOther = errorOf(
      await app.gql(
        'mutation($a: ID!) { addAssociationMember(associationId: $a, email: "x@example.org") { id } }',
        { a: owner.association.id },
        other.token,
      ),
    );
    expect(addOther.extensions?.code).toBe('FORBIDDEN');
    expect((await app.em().findOneOrFail(Association, owner.association.id)).name).toBe(before.name);

    // Admin-only operations refuse members.
    for (const op of [
      'mutation($id: ID!) { approveAssociation(id: $id) { id } }',
      'mutation($id: ID!) { rejectAssociation(id: $id, reason: "no") { id } }',
      'mutation($id: ID!) { suspendAssociation(id: $id, reason: "no") { id } }',
    ]) {
      expect(errorOf(await app.gql(op, { id: owner.association.id }, owner.token)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(op, { id: owner.association.id })).extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets an admin edit any association; an unknown id is NOT_FOUND', async () => {
    const { association } = await createMember(app);
    const admin = await app.adminToken();
    const res = dataOf(await app.gql(UPDATE, { id: association.id, input: { cvr: 'DK 8765 4321' } }, admin)).updateAssociation;
    expect(res.cvr).toBe('87654321');
    const missing = errorOf(await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Ghost' } }, admin));
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    const garbage = errorOf(await app.gql(UPDATE, { id: 'not-an-id', input: { name: 'Ghost' } }, admin));
    expect(garbage.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['invalid email', { email: 'not-an-email' }, 'email'],
    ['short password', { password: 'short' }, 'password'],
    ['bad CVR (7 digits)', { cvr: '1234567' }, 'cvr'],
    ['bad CVR (letters)', { cvr: '1234567A' }, 'cvr'],
    ['bad slug', { slug: 'Not A Slug!' }, 'slug'],
    ['bad website', { website: 'javascript:alert(1)' }, 'website'],
    ['bad contact email', { contactEmail: 'nope' }, 'contactEmail'],
    ['unknown district', { districtSlug: 'atlantis' }, 'districtSlug'],
    ['housing area outside the district', { districtSlug: 'valby', housingAreaSlug: 'tingbjerg' }, 'housingAreaSlug'],
    ['too short a name', { name: 'x' }, 'name'],
    ['a description too long', { description: { da: 'x'.repeat(5001) } }, 'description.da'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, overrides, field) => {
    const before = await counts(app);
    const error = errorOf(await app.gql(SIGN_UP, { input: signUpInput(overrides) }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.extensions?.fields ?? {})).toContain(field);
    expect(await counts(app)).toEqual(before);
  });

  it('refuses a duplicate slug with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const first = signUpInput({ slug: 'amager-dans' });
    dataOf(await app.gql(SIGN_UP, { input: first }));
    const before = await counts(app);

    const slug = errorOf(await app.gql(SIGN_UP, { input: signUpInput({ slug: 'amager-dans' }) }));
    expect(slug.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { slug: 'is already taken' } });
    // An address that has an account is never named (sign-up-existing-email.e2e-spec): only the slug is.
    const both = errorOf(await app.gql(SIGN_UP, { input: signUpInput({ slug: 'amager-dans', email: first.email }) }));
    expect(both.extensions?.fields).toEqual({ slug: 'is already taken' });
    expect(await counts(app)).toEqual(before);
  });

  it('asks an anonymous caller for email and password', async () => {
    const before = await counts(app);
    const error = errorOf(await app.gql(SIGN_UP, { input: signUpInput({ email: null, password: null }) }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'is required', password: 'is required' } });
    expect(await counts(app)).toEqual(before);
  });

  it('generates a unique slug from the name', async () => {
    const a = dataOf(await app.gql(SIGN_UP, { input: signUpInput({ name: 'Østerbro Æblehave' }) })).signUpAssociation.association;
    const b = dataOf(await app.gql(SIGN_UP, { input: signUpInput({ name: 'Østerbro Æblehave' }) })).signUpAssociation.association;
    expect(a.slug).toBe('oesterbro-aeblehave');
    expect(b.slug).toBe('oesterbro-aeblehave-2');
  });

  it('lets a logged-in member sign up a second association as its first member', async () => {
    const { user, token } = await createMember(app);
    const res = dataOf(
      await app.gql(SIGN_UP, { input: signUpInput({ email: null, password: null, name: 'Andet Projekt', kind: 'PROJECT' }) }, token),
    );
    expect(res.signUpAssociation.user.id).toBe(user.id);
    expect(res.signUpAssociation.accessToken).toBeNull();
    const me = dataOf(await app.gql('{ me { memberships { association { name status } } } }', {}, token)).me;
    expect(me.memberships.map((m: any) => m.association.name)).toContain('Andet Projekt');
  });

  it('rejects with a reason the members are told; a reason is required; invalid transitions are CONFLICT', async () => {
    const admin = await app.adminToken();
    const { association } = dataOf(await app.gql(SIGN_UP, { input: signUpInput() })).signUpAssociation;

    const blank = errorOf(
      await app.gql('mutation($id: ID!) { rejectAssociation(id: $id, reason: "  ") { id } }', { id: association.id }, admin),
    );
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { reason: expect.any(String) } });

    const rejected = dataOf(
      await app.gql(
        'mutation($id: ID!) { rejectAssociation(id: $id, reason: "Not based in Copenhagen") { status statusReason } }',
        { id: association.id },
        admin,
      ),
    ).rejectAssociation;
    expect(rejected).toEqual({ status: 'REJECTED', statusReason: 'Not based in Copenhagen' });
    const notify = await app.em().find(OutboxMessage, { name: JobName.Notify });
    expect(notify.map((m) => m.payload)).toContainEqual({
      kind: 'association-rejected',
      associationId: association.id,
      reason: 'Not based in Copenhagen',
    });

    const again = errorOf(
      await app.gql('mutation($id: ID!) { rejectAssociation(id: $id, reason: "again") { id } }', { id: association.id }, admin),
    );
    expect(again.extensions?.code).toBe('CONFLICT');
    const suspend = errorOf(
      await app.gql('mutation($id: ID!) { suspendAssociation(id: $id, reason: "x") { id } }', { id: association.id }, admin),
    );
    expect(suspend.extensions?.code).toBe('CONFLICT');

    // TFI can change its mind; an approved association is suspended, not rejected, and reinstated by approval.
    dataOf(await app.gql('mutation($id: ID!) { approveAssociation(id: $id) { id } }', { id: association.id }, admin));
    const rejectApproved = errorOf(
      await app.gql('mutation($id: ID!) { rejectAssociation(id: $id, reason: "x") { id } }', { id: association.id }, admin),
    );
    expect(rejectApproved).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/suspend/) });
    const suspended = dataOf(
      await app.gql(
        'mutation($id: ID!) { suspendAssociation(id: $id, reason: "Spam events") { status statusReason } }',
        { id: association.id },
        admin,
      ),
    ).suspendAssociation;
    expect(suspended).toEqual({ status: 'SUSPENDED', statusReason: 'Spam events' });
    expect(dataOf(await app.gql('query($id: ID) { association(id: $id) { id } }', { id: association.id })).association).toBeNull();
    const changed = await app.em().find(OutboxMessage, { name: JobName.AssociationChanged });
    expect(changed.map((m) => m.payload)).toContainEqual({ associationId: association.id });
    const history = await app.em().find(AuditEntry, { entityId: association.id }, { orderBy: { at: 'asc' } });
    expect(history.map((h) => h.action)).toEqual([
      'association.signed-up',
      'association.rejected',
      'association.approved',
      'association.suspended',
    ]);
    expect((await app.em().findOneOrFail(Association, association.id)).status).toBe(AssociationStatus.SUSPENDED);
  });

  it('validates updates field by field and changes nothing on a bad one', async () => {
    const { association, token } = await createMember(app);
    const before = await app.em().findOneOrFail(Association, association.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: null }, 'name'],
      [{ kind: null }, 'kind'],
      [{ slug: null }, 'slug'],
      [{ cvr: '123' }, 'cvr'],
      [{ contactPhone: 'call me' }, 'contactPhone'],
      [{ housingAreaSlug: 'nowhere' }, 'housingAreaSlug'],
    ];
    for (const [input, field] of cases) {
      const error = errorOf(await app.gql(UPDATE, { id: association.id, input: { website: 'https://changed.example', ...input } }, token));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.extensions?.fields ?? {})).toEqual([field]);
    }
    const after = await app.em().findOneOrFail(Association, association.id);
    expect(after.website).toBe(before.website);
    expect(after.updatedAt).toEqual(before.updatedAt);

    // Null clears optional fields; a slug already taken is refused.
    await app.gql(UPDATE, { id: association.id, input: { website: 'https://x.example', cvr: '11223344' } }, token);
    const cleared = dataOf(await app.gql(UPDATE, { id: association.id, input: { website: null, cvr: null } }, token)).updateAssociation;
    expect(cleared).toMatchObject({ website: null, cvr: null });
    const other = await createMember(app);
    const taken = errorOf(await app.gql(UPDATE, { id: association.id, input: { slug: other.association.slug } }, token));
    expect(taken.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { slug: 'is already taken' } });

    // A housing area in another district than the association's is refused; with its district it is fine.
    await app.gql(UPDATE, { id: association.id, input: { districtSlug: 'valby' } }, token);
    const mismatch = errorOf(
      await app.gql(UPDATE, { id: association.id, input: { districtSlug: 'valby', housingAreaSlug: 'tingbjerg' } }, token),
    );
    expect(Object.keys(mismatch.extensions?.fields ?? {})).toEqual(['housingAreaSlug']);
    const moved = dataOf(await app.gql(UPDATE, { id: association.id, input: { housingAreaSlug: 'tingbjerg' } }, token)).updateAssociation;
    expect(moved).toMatchObject({ district: { slug: 'broenshoej-husum' }, housingArea: { slug: 'tingbjerg' } });
  });
});
