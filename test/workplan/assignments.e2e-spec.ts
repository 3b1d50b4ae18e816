import { AssignmentsService, surveyToken } from '@mangfold/workplan';
import { createMember } from '../factories';
import { dataOf, errorOf, SmtpSink, startTestApp, waitFor, type TestApp } from '../utils';
import { ANSWER, COMPLETE, recordAssignment, surveyLinkOf, assignmentInput, RECORD } from './helpers';

const KPI = `query($year: Int!) { kpis(year: $year) { key actual answers target status contributors { type id name state count satisfied } } }`;

describe('assignments (rekvireringsopgaver) and the requester survey', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    admin = await app.adminToken();
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  it('records, completes, mails the survey once, takes one answer, and counts it in requester-satisfaction', async () => {
    const recorded = await recordAssignment(app, admin, 'a', {
      requester: { department: 'Sundheds- og Omsorgsforvaltningen', contactName: 'Hanne Rekvirent', contactEmail: 'Hanne@KK.example.org' },
    });
    expect(recorded).toMatchObject({
      status: 'AGREED',
      kind: 'ADVICE',
      requester: {
        department: 'Sundheds- og Omsorgsforvaltningen',
        contactName: 'Hanne Rekvirent',
        contactEmail: 'hanne@kk.example.org',
        language: 'da',
      },
      frame: { deadline: '2026-06-30' },
      survey: null,
    });

    const done = dataOf(await app.gql(COMPLETE, { id: recorded.id }, admin)).completeAssignment;
    expect(done.status).toBe('COMPLETED');
    // Completing again is refused and queues nothing more.
    expect(errorOf(await app.gql(COMPLETE, { id: recorded.id }, admin)).extensions?.code).toBe('CONFLICT');

    const [mail] = await sink.waitFor(1);
    expect(mail.envelope.to).toEqual(['hanne@kk.example.org']);
    expect(mail.parsed.subject).toContain('Rådgivning om rekruttering a');
    expect(mail.parsed.text).toContain('Kære Hanne Rekvirent');
    const link = surveyLinkOf(mail.parsed.text ?? '');
    expect(mail.parsed.html).toContain('/assignments/survey?');

    const page = await fetch(link.replace(app.config.http.publicBaseUrl, app.url));
    expect(page.status).toBe(200);
    // The site's own policy: no inline style or script, never framed.
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self';");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/assignments/survey">');
    expect(html).not.toContain('<script');

    const token = new URL(link).searchParams.get('token')!;
    const post = (satisfied: string, comment: string) =>
      fetch(`${app.url}/assignments/survey`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, lang: 'da', satisfied, comment }).toString(),
      });
    const answered = await post('yes', 'Meget brugbart, tak til Ali');
    expect(answered.status).toBe(303);
    const after = await fetch(`${app.url}${answered.headers.get('location')}`);
    expect(await after.text()).toContain('Tak for dit svar.');

    const again = await post('no', 'Ændret mening');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Undersøgelsen er allerede besvaret');
    const viaApi = errorOf(await app.gql(ANSWER, { token, input: { satisfied: false } }));
    expect(viaApi.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });

    const stored = dataOf(
      await app.gql(`query($id: ID!) { assignment(id: $id) { survey { satisfied comment answeredAt } } }`, { id: recorded.id }, admin),
    );
    expect(stored.assignment.survey).toMatchObject({ satisfied: true, comment: 'Meget brugbart, tak til Ali' });

    const year = new Date().getUTCFullYear();
    const kpi = dataOf(await app.gql(KPI, { year }, admin)).kpis.find((k: { key: string }) => k.key === 'requester-satisfaction');
    expect(kpi).toMatchObject({ actual: 1, answers: 1, target: 0.667, status: 'ON_TRACK' });
    expect(kpi.contributors).toEqual([
      { type: 'ASSIGNMENT', id: recorded.id, name: 'Rådgivning om rekruttering a', state: 'HELD', count: 1, satisfied: 1 },
    ]);

    // However long we wait, no second mail goes out for it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to('hanne@kk.example.org')).toHaveLength(1);
  });

  it('answers the survey in English through the API, once', async () => {
    const a = await recordAssignment(app, admin, 'en', {
      requester: {
        department: 'Kultur- og Fritidsforvaltningen',
        contactName: 'John Requester',
        contactEmail: 'john@kk.example.org',
        language: 'EN',
      },
    });
    dataOf(await app.gql(COMPLETE, { id: a.id }, admin));
    await waitFor(() => sink.to('john@kk.example.org').length === 1, 20_000, 'the English survey mail');
    const mail = sink.to('john@kk.example.org')[0];
    expect(mail.parsed.subject).toBe('How did “Rådgivning om rekruttering en” go?');
    const token = new URL(surveyLinkOf(mail.parsed.text ?? '')).searchParams.get('token')!;
    const answer = dataOf(await app.gql(ANSWER, { token, input: { satisfied: false, comment: '  ' } })).answerRequesterSurvey;
    expect(answer).toMatchObject({ assignmentTitle: 'Rådgivning om rekruttering en', satisfied: false });
    expect(errorOf(await app.gql(ANSWER, { token, input: { satisfied: true } })).extensions?.code).toBe('CONFLICT');
    const page = await (await fetch(`${app.url}/assignments/survey?token=${encodeURIComponent(token)}`)).text();
    expect(page).toContain('Thank you for your answer.');
    expect(page).not.toContain('<form');
  });

  it('refuses forged, unknown and not-yet-completed survey tokens', async () => {
    const open = await recordAssignment(app, admin, 'open');
    const notCompleted = surveyToken(app.config, open.id);
    for (const token of [notCompleted, `${open.id}.${'A'.repeat(43)}`, 'nonsense']) {
      expect(errorOf(await app.gql(ANSWER, { token, input: { satisfied: true } })).extensions?.code).toBe('NOT_FOUND');
      const page = await fetch(`${app.url}/assignments/survey?token=${encodeURIComponent(token)}`);
      expect(page.status).toBe(404);
    }
  });

  it('validates the frame and guards every operation: admins write and read, others are refused', async () => {
    const bad = errorOf(
      await app.gql(
        RECORD,
        { input: assignmentInput('bad', { frame: { ...(assignmentInput(0).frame as object), deadline: '30/06/2026', specific: '' } }) },
        admin,
      ),
    );
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.extensions?.fields as object).sort()).toEqual(['frame.deadline', 'frame.specific']);

    const member = await createMember(app);
    const a = await recordAssignment(app, admin, 'guarded');
    for (const [doc, vars] of [
      [RECORD, { input: assignmentInput('m') }],
      [COMPLETE, { id: a.id }],
      ['query($id: ID!) { assignment(id: $id) { id } }', { id: a.id }],
      ['{ assignments { totalCount edges { node { id } } } }', {}],
    ] as const) {
      expect(errorOf(await app.gql(doc, vars, member.token)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(doc, vars)).extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lists assignments newest first in pages, filtered by status', async () => {
    const list = `query($after: String, $f: AssignmentFilter) { assignments(first: 2, after: $after, filter: $f) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = dataOf(await app.gql(list, { after }, admin)).assignments;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    // a, en, open and guarded, recorded above: newest first.
    expect(seen).toHaveLength(4);
    const completed = dataOf(await app.gql(list, { f: { status: 'COMPLETED' } }, admin)).assignments.edges;
    expect(completed.every((e: any) => e.node.status === 'COMPLETED')).toBe(true);
    expect(completed.length).toBe(2);
  });

  it('anonymises the requester and the comment after the retention period, keeping the answer', async () => {
    const service = app.api.get(AssignmentsService);
    const a = await recordAssignment(app, admin, 'old');
    const longAgo = new Date(Date.now() - 200 * 24 * 3600_000);
    dataOf(await app.gql(COMPLETE, { id: a.id, at: longAgo.toISOString() }, admin));
    await waitFor(() => sink.to('rekvirent-old@kk.example.org').length === 1, 20_000, 'the survey mail');
    const token = new URL(surveyLinkOf(sink.to('rekvirent-old@kk.example.org')[0].parsed.text ?? '')).searchParams.get('token')!;
    dataOf(await app.gql(ANSWER, { token, input: { satisfied: true, comment: 'Tak til Mette Hansen' } }));

    expect(await service.purgeExpired()).toBeGreaterThanOrEqual(1);
    const row = dataOf(
      await app.gql(
        `query($id: ID!) { assignment(id: $id) { requester { department contactName contactEmail } survey { satisfied comment } } }`,
        { id: a.id },
        admin,
      ),
    ).assignment;
    expect(row).toEqual({
      requester: { department: 'Beskæftigelses- og Integrationsforvaltningen', contactName: null, contactEmail: null },
      survey: { satisfied: true, comment: null },
    });
    expect(await service.purgeExpired()).toBe(0);
  });
});
