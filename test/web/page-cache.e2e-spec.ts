import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import type { Association } from '@mangfold/associations';
import { sitePaths } from '@mangfold/config';
import { PageCache, pageExpiry } from '@mangfold/web';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createMember } from '../factories';
import { adminToken, eventInput, publishedEvent, transition, createEventVia } from '../calendar/helpers';
import { CANCEL, register } from '../registrations/helpers';
import { dataOf, graphql, startTestApp, waitFor, type TestApp } from '../utils';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers that differ between any two answers, cached or not. */
const PER_ANSWER = ['date', 'x-request-id', 'connection', 'keep-alive'];

async function fetchPage(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
}

function stable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_ANSWER.includes(name)));
}

/**
 * Pages live until the next 10-second boundary. A test that checks a page is held before changing
 * the data starts with a few seconds left, so the page cannot expire between the two steps.
 */
async function awayFromBoundary(): Promise<void> {
  const left = pageExpiry(Date.now()) - Date.now();
  if (left < 6_000) await new Promise((resolve) => setTimeout(resolve, left + 20));
}

/**
 * The whole-page cache of the public event pages: served only to anonymous GET/HEAD, identical to
 * what Express sends, and never older than the data: every change kind shows on the very next
 * request in the api that wrote it, and in another api as soon as PostgreSQL's notification arrives.
 */
describe('the page cache', () => {
  let app: TestApp;
  let other: NestExpressApplication;
  let otherUrl: string;
  let admin: string;
  let member: { token: string; association: Association };
  let cache: PageCache;

  const get = (path: string, init: RequestInit = {}) => fetchPage(app.url, path, init);
  const held = (path: string, target: PageCache = cache) => target.get(path, Date.now()) !== undefined;
  /** GETs each page (filling the cache) and checks each is held now. */
  async function prime(paths: string[], base = app.url, target = cache): Promise<void> {
    await awayFromBoundary();
    for (const path of paths) {
      expect((await fetchPage(base, path)).status).toBe(200);
      expect(held(path, target)).toBe(true);
    }
  }

  async function newEvent(overrides: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    return publishedEvent(app, member.token, admin, eventInput(member.association, overrides));
  }

  beforeAll(async () => {
    app = await startTestApp();
    // A second api process of the same deployment: same database, same Redis prefix.
    other = await createApiApp(app.config);
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as AddressInfo).port}`;
    cache = app.api.get(PageCache);
    admin = await adminToken(app);
    member = await createMember(app);
  });
  afterAll(async () => {
    await other.close();
    await app.close();
  });

  describe('serves the same answer Express sends', () => {
    let slug: string;
    beforeAll(async () => {
      slug = (await newEvent({ title: { da: 'Cachet fest', en: 'Cached party' } })).slug;
    });

    it('with identical status, headers and bytes on a miss and on a hit, in both languages', async () => {
      for (const path of [sitePaths.event('da', slug), sitePaths.event('en', slug), sitePaths.events('da'), sitePaths.events('en')]) {
        await awayFromBoundary();
        cache.clear();
        const miss = await get(path);
        expect(held(path)).toBe(true);
        const hit = await get(path);
        expect(hit.status).toBe(200);
        expect(stable(hit.headers)).toEqual(stable(miss.headers));
        expect(hit.body).toBe(miss.body);
        expect(hit.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(hit.headers['cache-control']).toBe('public, max-age=60');
        expect(hit.headers['x-request-id']).toBeTruthy();
        expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
        expect(hit.headers['set-cookie']).toBeUndefined();
      }
    });

    it('answers HEAD from the cache with the GET headers and no body, and never fills it from a HEAD', async () => {
      const path = sitePaths.event('da', slug);
      await awayFromBoundary();
      cache.clear();
      const headMiss = await get(path, { method: 'HEAD' });
      expect(headMiss.status).toBe(200);
      expect(headMiss.body).toBe('');
      expect(held(path)).toBe(false);
      const full = await get(path);
      expect(held(path)).toBe(true);
      const head = await get(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(stable(head.headers)).toEqual(stable(full.headers));
    });

    it('answers concurrent first requests for one page alike, from one render', async () => {
      const path = sitePaths.events('da');
      await awayFromBoundary();
      cache.clear();
      const answers = await Promise.all(Array.from({ length: 10 }, () => get(path)));
      expect(held(path)).toBe(true);
      const expected = await get(path);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body).toBe(expected.body);
        expect(stable(answer.headers)).toEqual(stable(expected.headers));
      }
    });

    it('keeps each language and query variant apart', async () => {
      await awayFromBoundary();
      cache.clear();
      const variants = [
        sitePaths.events('da'),
        `${sitePaths.events('da')}?lang=en`,
        sitePaths.events('en'),
        `${sitePaths.events('da')}?free=yes`,
      ];
      for (const path of variants) await get(path);
      for (const path of variants) expect(held(path)).toBe(true);
      const [da, daLangEn, en] = await Promise.all(variants.slice(0, 3).map((p) => get(p)));
      expect(da.body).toContain('<html lang="da"');
      expect(en.body).toContain('<html lang="en"');
      expect(daLangEn.body).toBe((await get(`${sitePaths.events('da')}?lang=en`)).body);
      expect(cache.size.pages).toBe(variants.length);
    });

    it('answers a conditional request with the 304 Express sends, or the page when it changed', async () => {
      const path = sitePaths.event('da', slug);
      // fetch adds "Cache-Control: no-cache" to a conditional request unless one is given.
      const conditional = (etag: string) => get(path, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
      await awayFromBoundary();
      cache.clear();
      const first = await get(path);
      cache.clear();
      const fromExpress = await conditional(first.headers.etag);
      expect(fromExpress.status).toBe(304);
      expect(held(path)).toBe(false);
      await get(path);
      expect(held(path)).toBe(true);
      const fromCache = await conditional(first.headers.etag);
      expect(fromCache.status).toBe(304);
      expect(fromCache.body).toBe('');
      expect(stable(fromCache.headers)).toEqual(stable(fromExpress.headers));
      const changed = await conditional('W/"an-older-page"');
      expect(changed.status).toBe(200);
      expect(changed.body).toBe(first.body);
    });
  });

  describe('never serves or keeps anything personal', () => {
    let slug: string;
    const MARK = 'from the page cache';
    /** Puts a marked page in the cache under `path`, so an answer from the cache is recognisable. */
    function plant(path: string): void {
      cache.clear();
      expect(cache.store(path, cache.ticket(Date.now()), Buffer.from(MARK), { 'Content-Type': 'text/plain' }, Date.now())).not.toBeNull();
    }

    beforeAll(async () => {
      slug = (await newEvent({ capacity: 20, registrationRequired: true })).slug;
    });

    it('answers a request with a session cookie or an Authorization header without the cache, and keeps nothing of it', async () => {
      const path = sitePaths.event('da', slug);
      await awayFromBoundary();
      plant(path);
      expect((await get(path)).body).toBe(MARK);
      const personal: Record<string, string>[] = [{ cookie: 'mangfold_session=abc' }, { authorization: `Bearer ${member.token}` }];
      for (const headers of personal) {
        const answer = await get(path, { headers });
        expect(answer.status).toBe(200);
        expect(answer.body).not.toBe(MARK);
        cache.clear();
        await get(path, { headers });
        expect(held(path)).toBe(false);
        plant(path);
      }
    });

    it('answers a POST (the registration form) without the cache and keeps neither its page nor a form error', async () => {
      const path = sitePaths.event('da', slug);
      await awayFromBoundary();
      plant(path);
      const posted = await get(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: '', email: 'not-an-email' }).toString(),
      });
      expect(posted.status).toBe(422);
      expect(posted.body).not.toBe(MARK);
      expect(posted.headers['cache-control']).toBe('no-store');
      cache.clear();
      await get(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: '', email: 'not-an-email' }).toString(),
      });
      expect(cache.size.pages).toBe(0);
    });

    it('keeps no answer but a 200: unknown events (404) and unknown filters (400)', async () => {
      await awayFromBoundary();
      cache.clear();
      expect((await get(sitePaths.event('da', 'no-such-event'))).status).toBe(404);
      expect((await get(`${sitePaths.events('da')}?district=nowhere`)).status).toBe(400);
      expect(cache.size.pages).toBe(0);
    });

    it('leaves the portal, the manage and survey pages and other query strings alone', async () => {
      await awayFromBoundary();
      cache.clear();
      for (const path of [
        '/portal',
        '/portal/login',
        '/registrations/manage?token=secret',
        '/assignments/survey?token=secret',
        `${sitePaths.event('da', slug)}/plakat`,
        `${sitePaths.events('da')}?token=secret`,
        '/',
      ])
        await get(path);
      expect(cache.size.pages).toBe(0);
    });
  });

  describe('shows every change on the next request in the api that made it', () => {
    it('an edited event', async () => {
      const event = await newEvent({ title: { da: 'Gammel titel', en: 'Old title' } });
      const pages = [sitePaths.event('da', event.slug), sitePaths.event('en', event.slug), sitePaths.events('da'), sitePaths.events('en')];
      await prime(pages);
      expect((await get(pages[0])).body).toContain('Gammel titel');
      dataOf(
        await app.gql(
          'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
          {
            id: event.id,
            input: { title: { da: 'Ny titel', en: 'New title' } },
          },
          member.token,
        ),
      );
      expect((await get(pages[0])).body).toContain('Ny titel');
      expect((await get(pages[1])).body).toContain('New title');
      expect((await get(pages[2])).body).toContain('Ny titel');
      expect((await get(pages[3])).body).not.toContain('Old title');
    });

    it('a cancelled event', async () => {
      const event = await newEvent({ title: { da: 'Snart aflyst', en: 'Soon cancelled' } });
      const page = sitePaths.event('da', event.slug);
      await prime([page, sitePaths.events('da')]);
      expect((await get(page)).body).not.toContain('Aflyst');
      await transition(app, member.token, 'cancelEvent', event.id, 'Regn');
      expect((await get(page)).body).toContain('Aflyst');
      const list = (await get(sitePaths.events('da'))).body;
      expect(list.slice(list.indexOf('Snart aflyst'))).toContain('Aflyst');
    });

    it('a published event, and one taken off the site', async () => {
      const draft = await createEventVia(
        app,
        member.token,
        eventInput(member.association, { title: { da: 'Ny udgivelse', en: 'Just out' } }),
      );
      await transition(app, member.token, 'submitEvent', draft.id);
      const page = sitePaths.event('da', draft.slug);
      expect((await get(page)).status).toBe(404);
      await prime([sitePaths.events('da')]);
      expect((await get(sitePaths.events('da'))).body).not.toContain('Ny udgivelse');
      await transition(app, admin, 'publishEvent', draft.id);
      expect((await get(page)).status).toBe(200);
      expect((await get(sitePaths.events('da'))).body).toContain('Ny udgivelse');

      // No mutation takes an event off the site: an admin's SQL does, and the trigger still tells.
      await prime([page, sitePaths.events('da')]);
      await app.em().getConnection().execute(`update event set status = 'DRAFT' where id = ?`, [draft.id]);
      expect((await get(page)).status).toBe(404);
      expect((await get(sitePaths.events('da'))).body).not.toContain('Ny udgivelse');
    });

    it('seats left after a registration, on the form and by mutation, and after a cancellation', async () => {
      const event = await newEvent({ capacity: 5, registrationRequired: true });
      const page = sitePaths.event('da', event.slug);
      await prime([page, `${sitePaths.events('da')}?seats=yes`]);
      expect((await get(page)).body).toContain('5 ledige pladser');

      const registered = dataOf(await register(app, event.id, { partySize: 2 })).registerForEvent;
      expect((await get(page)).body).toContain('3 ledige pladser');

      await prime([page]);
      const form = await get(page, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'Sara Nielsen', email: 'sara@example.org', partySize: '3', consent: 'yes' }).toString(),
      });
      expect(form.status).toBe(200);
      expect((await get(page)).body).toContain('Alle pladser er taget');
      expect((await get(`${sitePaths.events('da')}?seats=yes`)).body).not.toContain(event.slug);

      await prime([page]);
      dataOf(await graphql(app.url, CANCEL, { token: registered.managementToken }));
      expect((await get(page)).body).toContain('2 ledige pladser');
      expect((await get(`${sitePaths.events('da')}?seats=yes`)).body).toContain(event.slug);
    });

    it('an organiser accepting, and one leaving', async () => {
      const event = await newEvent();
      const co = await createMember(app);
      const name = co.association.name;
      const page = sitePaths.event('da', event.slug);
      await prime([page]);
      expect((await get(page)).body).not.toContain(name);
      dataOf(
        await app.gql(
          'mutation($e: ID!, $a: ID!) { inviteCoOrganizer(eventId: $e, associationId: $a) { id } }',
          {
            e: event.id,
            a: co.association.id,
          },
          member.token,
        ),
      );
      await prime([page]);
      dataOf(await app.gql('mutation($e: ID!) { acceptCoOrganizer(eventId: $e) { id } }', { e: event.id }, co.token));
      expect((await get(page)).body).toContain(name);

      // Nothing in the api lets an organiser leave yet; SQL does, and the trigger tells.
      await prime([page]);
      await app
        .em()
        .getConnection()
        .execute(`delete from event_organizer where event_id = ? and association_id = ?`, [event.id, co.association.id]);
      expect((await get(page)).body).not.toContain(name);
    });

    it('a renamed association, on the event page, the list and its filter form', async () => {
      const event = await newEvent();
      const page = sitePaths.event('da', event.slug);
      await prime([page, sitePaths.events('da')]);
      dataOf(
        await app.gql(
          'mutation($id: ID!, $input: UpdateAssociationInput!) { updateAssociation(id: $id, input: $input) { id } }',
          {
            id: member.association.id,
            input: { name: 'Omdøbt Forening' },
          },
          member.token,
        ),
      );
      expect((await get(page)).body).toContain('Omdøbt Forening');
      const list = (await get(sitePaths.events('da'))).body;
      expect(list).toContain('Omdøbt Forening');
      expect(list).toMatch(/<option[^>]*>Omdøbt Forening<\/option>/);
    });

    it('renamed reference data (an occasion)', async () => {
      const event = await newEvent({ occasionSlug: 'nowruz' });
      const page = sitePaths.event('en', event.slug);
      await prime([page, sitePaths.events('en')]);
      const occasion = dataOf(await app.gql('{ occasion(slug: "nowruz") { id } }')).occasion;
      dataOf(
        await app.gql(
          'mutation($id: ID!, $input: UpdateOccasionInput!) { updateOccasion(id: $id, input: $input) { id } }',
          {
            id: occasion.id,
            input: { name: { da: 'Nowruz', en: 'Nowruz (page cache)' } },
          },
          admin,
        ),
      );
      expect((await get(page)).body).toContain('Nowruz (page cache)');
      expect((await get(sitePaths.events('en'))).body).toContain('Nowruz (page cache)');
    });
  });

  describe('in another api process', () => {
    let otherCache: PageCache;
    beforeAll(() => {
      otherCache = other.get(PageCache);
    });

    it('shows a change made through the first api once its notification arrives', async () => {
      const event = await newEvent({ title: { da: 'Fjern titel', en: 'Remote title' } });
      const page = sitePaths.event('da', event.slug);
      await prime([page, sitePaths.events('da')], otherUrl, otherCache);
      dataOf(
        await app.gql(
          'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
          {
            id: event.id,
            input: { title: { da: 'Fjern titel rettet', en: 'Remote title edited' } },
          },
          member.token,
        ),
      );
      await waitFor(
        async () => (await fetchPage(otherUrl, page)).body.includes('Fjern titel rettet'),
        10_000,
        'the other api shows the edit',
      );
      await waitFor(
        async () => (await fetchPage(otherUrl, sitePaths.events('da'))).body.includes('Fjern titel rettet'),
        10_000,
        'the other api lists the edit',
      );
    });

    it('shows a change made outside both apis (psql), in each', async () => {
      const event = await newEvent({ title: { da: 'Uden om', en: 'Around' } });
      const page = sitePaths.event('da', event.slug);
      await prime([page]);
      await prime([page], otherUrl, otherCache);
      const psql = new Client({ connectionString: app.config.db.url });
      await psql.connect();
      try {
        await psql.query(`update event set title = jsonb_set(title, '{da}', '"Uden om, rettet"') where id = $1`, [event.id]);
      } finally {
        await psql.end();
      }
      for (const base of [app.url, otherUrl])
        await waitFor(async () => (await fetchPage(base, page)).body.includes('Uden om, rettet'), 10_000, `${base} shows the edit`);
    });
  });
});
