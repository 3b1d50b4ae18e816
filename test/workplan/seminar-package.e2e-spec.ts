import { EventKind } from '@mangfold/calendar';
import { createEvent, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const SPEAKER = `mutation($input: SpeakerInput!) { createSpeaker(input: $input) { id name topics contactEmail } }`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the seminar package: speakers, materials, good advice and pitfalls', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  it('shows speakers at seminars publicly, their contact only to members and admins', async () => {
    const speaker = dataOf(
      await app.gql(
        SPEAKER,
        {
          input: {
            name: 'Amina Taler',
            organisation: 'Foreningen Broen',
            topics: ['projektledelse', 'frivillige', 'projektledelse'],
            contactEmail: 'Amina@Example.org',
            contactPhone: '+45 11 22 33 44',
          },
        },
        admin,
      ),
    ).createSpeaker;
    expect(speaker).toMatchObject({ name: 'Amina Taler', topics: ['projektledelse', 'frivillige'], contactEmail: 'amina@example.org' });
    const seminar = await createEvent(app.em(), { kind: EventKind.SEMINAR });
    const party = await createEvent(app.em(), { kind: EventKind.CULTURAL_EVENT });
    const link = `mutation($e: ID!, $s: ID!) { linkSpeaker(eventId: $e, speakerId: $s) { id } }`;
    dataOf(await app.gql(link, { e: seminar.id, s: speaker.id }, admin));
    expect(errorOf(await app.gql(link, { e: party.id, s: speaker.id }, admin)).extensions?.fields).toHaveProperty('eventId');

    const query = `query($id: ID!) { event(id: $id) { speakers { name organisation contactEmail contactPhone } } }`;
    expect(dataOf(await app.gql(query, { id: seminar.id })).event.speakers).toEqual([
      { name: 'Amina Taler', organisation: 'Foreningen Broen', contactEmail: null, contactPhone: null },
    ]);
    const member = await createMember(app);
    expect(dataOf(await app.gql(query, { id: seminar.id }, member.token)).event.speakers[0]).toMatchObject({
      contactEmail: 'amina@example.org',
      contactPhone: '+45 11 22 33 44',
    });
    const anonymousList = await app.gql(`{ speakers { edges { node { name contactEmail } } } }`);
    expect(dataOf(anonymousList).speakers.edges).toEqual([{ node: { name: 'Amina Taler', contactEmail: null } }]);
    expect(errorOf(await app.gql(SPEAKER, { input: { name: 'X', topics: [] } }, member.token)).extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps uploaded files with a size limit and a content check, and serves published ones as attachments', async () => {
    const create = `mutation($input: MaterialInput!) { createMaterial(input: $input) { id downloadUrl } }`;
    const material = dataOf(await app.gql(create, { input: { title: { da: 'Drejebog for seminarer' } } }, admin)).createMaterial;
    expect(material.downloadUrl).toBeNull();
    const put = (body: Buffer, type: string, token = admin) =>
      fetch(`${app.url}/materials/${material.id}/file`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-file-name': encodeURIComponent('drejebog æøå.pdf') },
        body: new Uint8Array(body),
      });
    expect((await put(PDF, 'application/x-msdownload')).status).toBe(400);
    expect((await put(Buffer.from('<html><script>alert(1)</script>'), 'application/pdf')).status).toBe(400);
    expect((await put(Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 'application/pdf')).status).toBe(400);
    const member = await createMember(app);
    expect((await put(PDF, 'application/pdf', member.token)).status).toBe(403);
    const stored = await put(PDF, 'application/pdf');
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ contentType: 'application/pdf', size: PDF.length, fileName: 'drejebog æøå.pdf' });

    // Unpublished: not served to the public.
    expect((await fetch(`${app.url}/materials/${material.id}/file`)).status).toBe(404);
    const publish = `mutation($id: ID!) { updateMaterial(id: $id, input: { title: { da: "Drejebog for seminarer" }, published: true }) { downloadUrl } }`;
    expect(dataOf(await app.gql(publish, { id: material.id }, admin)).updateMaterial.downloadUrl).toContain(
      `/materials/${material.id}/file`,
    );
    const file = await fetch(`${app.url}/materials/${material.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="drejebog ___.pdf"; filename*=UTF-8''drejebog%20%C3%A6%C3%B8%C3%A5.pdf`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(dataOf(await app.gql(`{ materials { edges { node { title(lang: DA) size } } } }`)).materials.edges).toEqual([
      { node: { title: 'Drejebog for seminarer', size: PDF.length } },
    ]);
  });

  it('publishes the catalogue of good advice and pitfalls in list order', async () => {
    const create = `mutation($input: AdviceItemInput!) { createAdviceItem(input: $input) { id } }`;
    const items = [
      { kind: 'ADVICE', title: { da: 'Start i god tid' }, body: { da: 'Book lokalet et halvt år før.' }, published: true },
      {
        kind: 'PITFALL',
        title: { da: 'Glem ikke tolkning' },
        body: { da: 'Spørg deltagerne om sprog.', en: 'Ask about languages.' },
        published: true,
      },
      { kind: 'ADVICE', title: { da: 'Kladde' }, body: { da: 'Ikke klar' }, published: false },
    ];
    for (const input of items) dataOf(await app.gql(create, { input }, admin));
    const list = `{ adviceItems { edges { node { kind title(lang: EN) body(lang: EN) } } } }`;
    expect(dataOf(await app.gql(list)).adviceItems.edges.map((e: any) => e.node)).toEqual([
      { kind: 'ADVICE', title: 'Start i god tid', body: 'Book lokalet et halvt år før.' },
      { kind: 'PITFALL', title: 'Glem ikke tolkning', body: 'Ask about languages.' },
    ]);
    expect(dataOf(await app.gql(list, {}, admin)).adviceItems.edges).toHaveLength(3);
    expect(errorOf(await app.gql(create, { input: { ...items[0], body: { da: ' ' } } }, admin)).extensions?.fields).toHaveProperty('body');
  });
});
