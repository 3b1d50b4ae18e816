import { Association, Membership } from '@mangfold/associations';
import { TokenService, User } from '@mangfold/auth';
import { createUser, TEST_PASSWORD } from '../factories';
import { dataOf, SmtpSink, startTestApp, waitFor, type TestApp } from '../utils';

const SIGN_UP = `mutation SignUp($input: SignUpAssociationInput!) {
  signUpAssociation(input: $input) {
    accessToken expiresAt
    user { id email role name memberships { association { id name } } }
    association { id slug name kind status district { slug } housingArea { slug } cvr contactEmail showContact statusReason
      viewerCanEdit members { email name } }
  }
}`;

let counter = 0;
function signUpInput(email: string): Record<string, unknown> {
  counter += 1;
  return {
    name: `Amager Strikkeklub ${counter}`,
    kind: 'ASSOCIATION',
    email,
    password: 'a-long-enough-password',
    memberName: 'Amina Hassan',
    districtSlug: 'noerrebro',
    cvr: '12345678',
    contactEmail: 'kontakt@strik.example',
  };
}

/** The answer with what differs between any two sign-ups (ids, names, slugs, the token) masked. */
function shape(answer: Record<string, any>, input: Record<string, unknown>): unknown {
  const masked = { ...answer, accessToken: answer.accessToken && '<token>', expiresAt: answer.expiresAt && '<expires>' };
  const text = JSON.stringify(masked)
    .replaceAll(answer.association.id as string, '<association id>')
    .replaceAll(answer.user.id as string, '<user id>')
    .replaceAll(answer.association.slug as string, '<slug>')
    .replaceAll(input.name as string, '<name>')
    .replaceAll(input.email as string, '<email>');
  return JSON.parse(text);
}

async function counts(app: TestApp) {
  const em = app.em();
  return { associations: await em.count(Association, {}), users: await em.count(User, {}), memberships: await em.count(Membership, {}) };
}

describe('signing up with an address that already has an account', () => {
  let sink: SmtpSink;
  let app: TestApp;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  it.each([
    ['en', /^You already have an account/, 'Log in', /link works for 60 minutes/],
    ['da', /^Du har allerede en konto/, 'Log ind', /linket virker i 60 minutter/],
  ] as const)(
    'answers exactly as for a new address, creates nothing, and mails the holder what to do instead (%s)',
    async (locale, subject, login, reset) => {
      const holder = await createUser(app.em(), { email: `holder-${locale}@strik.example`, locale, name: 'Holder' });
      const fresh = signUpInput(`new-${locale}@strik.example`);
      const newAnswer = dataOf(await app.gql(SIGN_UP, { input: fresh })).signUpAssociation;

      const before = await counts(app);
      const existing = signUpInput(holder.email.toUpperCase());
      const res = await app.gql(SIGN_UP, { input: existing });
      expect(res.errors).toBeUndefined();
      const answer = dataOf(res).signUpAssociation;
      expect(shape(answer, { ...existing, email: holder.email })).toEqual(shape(newAnswer, fresh));
      expect(answer.association).toMatchObject({ status: 'PENDING', viewerCanEdit: true, cvr: '12345678' });

      // Nothing for the account: no association, no membership, no second user.
      expect(await counts(app)).toEqual(before);
      expect(await app.em().count(Association, { name: existing.name as string })).toBe(0);
      expect(await app.em().count(Membership, { user: holder.id })).toBe(0);
      // The stand-in token belongs to no account.
      const me = await app.gql('{ me { id } }', {}, answer.accessToken as string);
      expect(me.data?.me ?? null).toBeNull();

      await waitFor(() => sink.to(holder.email).length === 1, 20_000, 'the mail to the holder');
      const [mail] = sink.to(holder.email);
      expect(mail.parsed.subject).toMatch(subject);
      const text = mail.parsed.text!;
      expect(text).toContain(existing.name as string);
      expect(text).toContain(login);
      // The portal's login page, in the holder's language.
      expect(text).toMatch(new RegExp(`http://mangfold\\.test/portal/login${locale === 'en' ? '\\?lang=en' : ''}\\s`));
      expect(text).toMatch(reset);
      const resetUrl = /http:\/\/mangfold\.test\/reset-password\?\S+/.exec(text);
      expect(resetUrl).not.toBeNull();
      // The link opens the form in the account's language.
      const resetQuery = new URL(resetUrl![0]).searchParams;
      expect(resetQuery.get('lang')).toBe(locale);
      // The reset link works, and the password is unchanged until it is used.
      const login1 = await app.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        e: holder.email,
        p: TEST_PASSWORD,
      });
      expect(login1.errors).toBeUndefined();
      const resetRes = await app.gql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { accessToken } }', {
        t: resetQuery.get('token'),
        p: 'another-long-password',
      });
      expect(resetRes.errors).toBeUndefined();
      // The sign-up of a new address got no such mail.
      expect(sink.to(fresh.email as string).map((m) => m.parsed.subject)).not.toContainEqual(expect.stringMatching(subject));
    },
  );

  it('answers a logged-in member who names an existing address as it would a new one', async () => {
    const member = await createUser(app.em(), { email: 'member@strik.example' });
    const holder = await createUser(app.em(), { email: 'other-holder@strik.example', locale: 'en' });
    const token = app.api.get(TokenService).issue(member).accessToken;
    const fresh = signUpInput('another-new@strik.example');
    const newAnswer = dataOf(await app.gql(SIGN_UP, { input: fresh }, token)).signUpAssociation;
    const existing = signUpInput(holder.email);
    const before = await counts(app);
    const answer = dataOf(await app.gql(SIGN_UP, { input: existing }, token)).signUpAssociation;
    expect(answer.accessToken).toBeNull();
    expect(shape(answer, existing)).toEqual(shape(newAnswer, fresh));
    expect(await counts(app)).toEqual(before);
    await waitFor(() => sink.to(holder.email).length === 1, 20_000, 'the mail to the holder');
  });

  it('lets a logged-in member who gives their own address sign up as themselves', async () => {
    const member = await createUser(app.em(), { email: 'self@strik.example' });
    const token = app.api.get(TokenService).issue(member).accessToken;
    const input = signUpInput('Self@Strik.example');
    const answer = dataOf(await app.gql(SIGN_UP, { input }, token)).signUpAssociation;
    expect(answer.user.id).toBe(member.id);
    expect(answer.accessToken).toBeNull();
    const created = await app.em().findOneOrFail(Association, { id: answer.association.id });
    expect(await app.em().count(Membership, { user: member.id, association: created.id })).toBe(1);
  });
});
