import { AuditEntry } from '@mangfold/db';
import { JobName, OutboxMessage } from '@mangfold/jobs';
import { Association, AssociationStatus, Membership } from '@mangfold/associations';
import { User, createPasswordResetToken } from '@mangfold/auth';
import { TEST_PASSWORD, createMember, createUser } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const ADD = 'mutation($a: ID!, $e: String!) { addAssociationMember(associationId: $a, email: $e) { id email role } }';
const REMOVE = 'mutation($a: ID!, $u: ID!) { removeAssociationMember(associationId: $a, userId: $u) { id members { email } } }';

describe('association members', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const memberAddedJobs = async () =>
    (await app.em().find(OutboxMessage, { name: JobName.Notify }))
      .map((m) => m.payload as { kind: string; associationId?: string; userId?: string })
      .filter((p) => p.kind === 'member-added');

  it('adds someone without an account: an account with no usable password, told by mail, who sets one by reset', async () => {
    const { association, token } = await createMember(app);
    const added = dataOf(await app.gql(ADD, { a: association.id, e: ' New.Member@Forening.example ' }, token)).addAssociationMember;
    expect(added).toMatchObject({ email: 'new.member@forening.example', role: 'ASSOCIATION_MEMBER' });
    expect(await memberAddedJobs()).toContainEqual({ kind: 'member-added', associationId: association.id, userId: added.id });
    expect(await app.em().count(AuditEntry, { entityId: association.id, action: 'association.member-added' })).toBe(1);

    // Nobody knows the generated password, so logging in needs a reset first.
    expect(
      errorOf(await app.gql('mutation { login(email: "new.member@forening.example", password: "correct-horse-battery") { accessToken } }'))
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const { token: reset } = await createPasswordResetToken(app.em(), added.id);
    dataOf(
      await app.gql('mutation($t: String!) { resetPassword(token: $t, newPassword: "my-own-password-1") { accessToken } }', { t: reset }),
    );
    const memberToken = await app.login('new.member@forening.example', 'my-own-password-1');
    const edited = dataOf(
      await app.gql(
        'mutation($id: ID!) { updateAssociation(id: $id, input: { website: "https://ny.example" }) { website } }',
        { id: association.id },
        memberToken,
      ),
    );
    expect(edited.updateAssociation.website).toBe('https://ny.example');
  });

  it('adds an existing account without creating another, and refuses adding it twice', async () => {
    const { association, token } = await createMember(app);
    const existing = await createUser(app.em());
    const users = await app.em().count(User, {});
    const added = dataOf(await app.gql(ADD, { a: association.id, e: existing.email.toUpperCase() }, token)).addAssociationMember;
    expect(added.id).toBe(existing.id);
    expect(await app.em().count(User, {})).toBe(users);
    // The new member keeps its own password.
    await app.login(existing.email, TEST_PASSWORD);

    const twice = errorOf(await app.gql(ADD, { a: association.id, e: existing.email }, token));
    expect(twice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.stringMatching(/already a member/) } });
    expect(await app.em().count(Membership, { association: association.id })).toBe(2);
  });

  it('refuses a bad email with BAD_USER_INPUT and writes nothing', async () => {
    const { association, token } = await createMember(app);
    const before = { users: await app.em().count(User, {}), jobs: (await memberAddedJobs()).length };
    const error = errorOf(await app.gql(ADD, { a: association.id, e: 'not-an-email' }, token));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.any(String) } });
    expect({ users: await app.em().count(User, {}), jobs: (await memberAddedJobs()).length }).toEqual(before);
  });

  it('lets an admin add members to any association; unknown associations are NOT_FOUND', async () => {
    const { association } = await createMember(app);
    const admin = await app.adminToken();
    dataOf(await app.gql(ADD, { a: association.id, e: 'admin-added@forening.example' }, admin));
    expect(
      errorOf(await app.gql(ADD, { a: '00000000-0000-4000-8000-000000000000', e: 'x@forening.example' }, admin)).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('lets nobody but TFI add members to a rejected or suspended association', async () => {
    const { association, token } = await createMember(app);
    await app.em().nativeUpdate(Association, { id: association.id }, { status: AssociationStatus.SUSPENDED });
    const refused = errorOf(await app.gql(ADD, { a: association.id, e: 'spam-target@forening.example' }, token));
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    expect(await app.em().count(User, { email: 'spam-target@forening.example' })).toBe(0);
    dataOf(await app.gql(ADD, { a: association.id, e: 'spam-target@forening.example' }, await app.adminToken()));
  });

  it('removes members, never the last one, and only for members and admins', async () => {
    const owner = await createMember(app);
    const second = await createMember(app, owner.association);
    const outsider = await createMember(app);

    expect(errorOf(await app.gql(REMOVE, { a: owner.association.id, u: second.user.id }, outsider.token)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await app.gql(REMOVE, { a: owner.association.id, u: outsider.user.id }, owner.token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { userId: expect.any(String) },
    });

    const after = dataOf(await app.gql(REMOVE, { a: owner.association.id, u: second.user.id }, owner.token)).removeAssociationMember;
    expect(after.members.map((m: any) => m.email)).toEqual([owner.user.email]);
    // The removed member lost its rights.
    const update = 'mutation($id: ID!) { updateAssociation(id: $id, input: { website: "https://x.example" }) { id } }';
    expect(errorOf(await app.gql(update, { id: owner.association.id }, second.token)).extensions?.code).toBe('FORBIDDEN');

    const last = errorOf(await app.gql(REMOVE, { a: owner.association.id, u: owner.user.id }, owner.token));
    expect(last.extensions?.code).toBe('CONFLICT');
    expect(await app.em().count(Membership, { association: owner.association.id })).toBe(1);
  });
});
