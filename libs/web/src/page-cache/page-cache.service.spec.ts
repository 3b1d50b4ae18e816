import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '@mangfold/config';
import { DatabaseChanges } from '@mangfold/db';
import { PAGE_LIFETIME_STEP_MS, PageCache, pageExpiry } from './page-cache.service';
import { notModified, pageCacheKey } from './page-http.handler';

const AT = Date.UTC(2026, 11, 4, 16, 59, 55, 500);
const page = (bytes = 10) => Buffer.alloc(bytes, 'x');

function cacheWith(changes = new DatabaseChanges()): PageCache {
  const cache = new PageCache(changes, { db: { url: undefined } } as unknown as AppConfig);
  void cache.onApplicationBootstrap(); // subscribes at once; without a url there is nothing to listen to
  return cache;
}

describe('PageCache', () => {
  it('ends every page at the next 10-second boundary, so none outlives a full minute, hour or day', () => {
    expect(PAGE_LIFETIME_STEP_MS).toBe(10_000);
    expect(pageExpiry(AT)).toBe(Date.UTC(2026, 11, 4, 17, 0, 0));
    expect(pageExpiry(Date.UTC(2026, 11, 4, 22, 59, 59, 999))).toBe(Date.UTC(2026, 11, 4, 23, 0, 0));
    // Midnight in Copenhagen (UTC+1 in December) is a boundary too.
    expect(pageExpiry(Date.UTC(2026, 11, 4, 23, 0, 0))).toBe(Date.UTC(2026, 11, 4, 23, 0, 10));

    const cache = cacheWith();
    cache.store('/arrangementer', cache.ticket(AT), page(), {}, AT);
    expect(cache.get('/arrangementer', AT + 4_499)).toBeDefined();
    expect(cache.get('/arrangementer', Date.UTC(2026, 11, 4, 17, 0, 0))).toBeUndefined();
    expect(cache.size.pages).toBe(0);
  });

  it('refuses a page drawn across a change or past its lifetime', () => {
    const changes = new DatabaseChanges();
    const cache = cacheWith(changes);
    const before = cache.ticket(AT);
    (changes as unknown as { emit(table: string | null): void }).emit('event');
    expect(cache.store('/arrangementer', before, page(), {}, AT)).toBeNull();
    expect(cache.store('/arrangementer', cache.ticket(AT), page(), {}, pageExpiry(AT))).toBeNull();
    expect(cache.store('/arrangementer', cache.ticket(AT), page(), {}, AT)).not.toBeNull();
  });

  it('drops every page when any announced table changes, or when changes may have gone unheard', () => {
    const changes = new DatabaseChanges();
    const cache = cacheWith(changes);
    const emit = (table: string | null) => (changes as unknown as { emit(table: string | null): void }).emit(table);
    for (const table of ['event', 'association', 'occasion', null]) {
      cache.store('/arrangementer/a', cache.ticket(AT), page(), {}, AT);
      cache.store('/arrangementer?free=yes', cache.ticket(AT), page(), {}, AT);
      emit(table);
      expect(cache.size).toEqual({ pages: 0, bytes: 0, variants: 0 });
    }
    cache.onModuleDestroy();
  });

  it('caps the query variants apart: a crawler evicts only other variants', () => {
    const cache = cacheWith();
    cache.store('/arrangementer', cache.ticket(AT), page(), {}, AT);
    for (let i = 0; i < 2_000; i++) cache.store(`/arrangementer?q=${i}`, cache.ticket(AT), page(), {}, AT);
    expect(cache.size.variants).toBe(500);
    expect(cache.get('/arrangementer', AT)).toBeDefined();
    expect(cache.get('/arrangementer?q=1999', AT)).toBeDefined();
    expect(cache.get('/arrangementer?q=0', AT)).toBeUndefined();
  });

  it('caps the bytes held, dropping the least recently served pages first', () => {
    const cache = cacheWith();
    const big = 1024 * 1024;
    for (let i = 0; i < 40; i++) {
      cache.store(`/arrangementer/e${i}`, cache.ticket(AT), page(big), {}, AT);
      cache.get('/arrangementer/e0', AT);
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(32 * big);
    expect(cache.get('/arrangementer/e0', AT)).toBeDefined();
    expect(cache.get('/arrangementer/e1', AT)).toBeUndefined();
    expect(cache.get('/arrangementer/e39', AT)).toBeDefined();
  });
});

describe('pageCacheKey', () => {
  const request = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
    pageCacheKey({ url, method, headers } as unknown as IncomingMessage);

  it('names the events list, the archive and one event, with their filters, in both languages', () => {
    for (const url of [
      '/arrangementer',
      '/en/events',
      '/arrangementer/tidligere',
      '/en/events/past?after=abc',
      '/arrangementer/nowruz-fest',
      '/en/events/nowruz-fest',
      '/arrangementer?district=valby&kind=seminar&free=yes&seats=no&q=mad&from=2027-01-01&to=2027-02-01&after=x&back=&back=y',
      '/arrangementer?lang=en',
    ]) {
      expect(request(url)).toBe(url);
      expect(request(url, 'HEAD')).toBe(url);
    }
  });

  it('leaves everything personal, every write and every other page to Express', () => {
    expect(request('/arrangementer', 'POST')).toBeNull();
    expect(request('/arrangementer', 'GET', { cookie: 'mangfold_session=x' })).toBeNull();
    expect(request('/arrangementer', 'GET', { authorization: 'Bearer x' })).toBeNull();
    for (const url of [
      '/',
      '/portal',
      '/portal/events/1',
      '/registrations/manage?token=secret',
      '/assignments/survey?token=secret',
      '/arrangementer/nowruz-fest/plakat',
      '/arrangementer.rss',
      '/embed/arrangementer',
      '/arrangementer?token=secret',
      '/arrangementer/',
      '/calendar.ics',
      `/arrangementer?q=${'x'.repeat(3_000)}`,
    ])
      expect(request(url)).toBeNull();
  });
});

describe('notModified', () => {
  const etag = 'W/"19da-abc"';

  it('matches as Express does: the ETag in If-None-Match (weakly), or *', () => {
    expect(notModified({ 'if-none-match': etag }, etag)).toBe(true);
    expect(notModified({ 'if-none-match': `"other", ${etag}` }, etag)).toBe(true);
    expect(notModified({ 'if-none-match': '"19da-abc"' }, etag)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag)).toBe(true);
  });

  it('answers the page when the ETag differs, on a reload (no-cache), and for If-Modified-Since alone (pages have no Last-Modified)', () => {
    expect(notModified({}, etag)).toBe(false);
    expect(notModified({ 'if-none-match': '"other"' }, etag)).toBe(false);
    expect(notModified({ 'if-none-match': etag, 'cache-control': 'no-cache' }, etag)).toBe(false);
    expect(notModified({ 'if-modified-since': new Date().toUTCString() }, etag)).toBe(false);
    expect(notModified({ 'if-none-match': etag }, undefined)).toBe(false);
  });
});
