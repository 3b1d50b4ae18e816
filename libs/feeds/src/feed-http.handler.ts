import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { FORMER_DISTRICT_SLUGS } from '@mangfold/associations';
import { LANGUAGE_PROBLEM, parseLanguage, type Language } from '@mangfold/common';
import { Metrics } from '@mangfold/observability';
import { CACHE_CONTROL, FeedCache, type ServedFeed } from './feed-cache.service';
import { ALL_FEED, feedFileName, feedKey, feedPath, feedRefFromPath, selectionFromQuery, type FeedRef, type FeedScope } from './feed-keys';
import { acceptsGzip, etagMatches, parseHttpDate } from './http-conditional';
import { etagOf } from './feed-body';
import { FeedSnapshots } from './feed-snapshots.service';

const ROUTE: Readonly<Record<FeedScope, string>> = {
  all: '/calendar.ics',
  district: '/calendar/districts/:slug.ics',
  association: '/calendar/associations/:slug.ics',
  occasion: '/calendar/occasions/:slug.ics',
  kind: '/calendar/kinds/:kind.ics',
  event: '/calendar/events/:slug.ics',
};

const SELECTION_ROUTE = '/calendar.ics?selection';
const SELECTION_ERROR =
  'district, association, occasion and kind each name one feed (a slug, or a kind such as cultural-event) and may each be given once.';

const CORS_PREFLIGHT: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
  'Content-Length': 0,
};

type LangParam = Language | { error: string };

interface FeedTarget {
  ref: FeedRef;
  /** Feeds combined by query (`/calendar.ics?district=…&kind=…`): their events in common, rendered per request. */
  selection?: FeedRef[];
  key: string;
  lang: Language;
  /** The cache's id of the feed in this language. */
  cacheId: string;
  /** The route label for metrics (never the raw URL, so labels stay few). */
  route: string;
  error: { status: number; message: string; headers?: OutgoingHttpHeaders } | null;
}

const MAX_REMEMBERED_URLS = 10_000;

/** `?lang=da|en` (any case); absent or empty means Danish. Other values are a 400, so a typo is seen at once. */
export function langFromQuery(query: string): LangParam {
  for (const pair of query ? query.split('&') : []) {
    if (!pair.startsWith('lang=') && pair !== 'lang') continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(5).replace(/\+/g, ' '));
    } catch {
      return { error: 'lang is not valid percent-encoded UTF-8; use lang=da or lang=en' };
    }
    return parseLanguage(value) ?? { error: LANGUAGE_PROBLEM };
  }
  return 'da';
}

/**
 * Answers GET/HEAD (and CORS preflight) for the public feeds straight on the node:http server,
 * before Express and Nest: the feeds are the hottest and simplest route, and skipping the
 * middleware keeps them close to a bare server. `handle` returns false for anything else.
 */
@Injectable()
export class FeedHttpHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Feeds');
  private metrics: Metrics | undefined;
  private readonly targets = new Map<string, FeedTarget | null>();

  constructor(
    private readonly cache: FeedCache,
    private readonly snapshots: FeedSnapshots,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    // The app's Metrics registry, wherever the app provides it (a process without one counts nothing).
    try {
      this.metrics = this.moduleRef.get(Metrics, { strict: false });
    } catch {
      this.metrics = undefined;
    }
  }

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url;
    if (url === undefined || !url.startsWith('/calendar')) return false;
    const target = this.parse(url);
    if (target === null) return false;
    const started = performance.now();
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      if (method === 'OPTIONS') res.writeHead(204, CORS_PREFLIGHT).end();
      else this.plain(res, 405, 'Feeds answer GET and HEAD only.', { Allow: 'GET, HEAD, OPTIONS' });
      this.observe(method, target.route, res.statusCode, started);
      return true;
    }
    if (target.error) {
      this.plain(res, target.error.status, target.error.message, target.error.headers ?? {}, method);
      this.observe(method, target.route, target.error.status, started);
      return true;
    }
    if (target.selection) {
      void this.sendSelection(req, res, target.selection, target.lang).finally(() =>
        this.observe(method, target.route, res.statusCode, started),
      );
      return true;
    }
    const entry = this.cache.getById(target.cacheId);
    if (entry) {
      this.respond(req, res, entry, method);
      this.observe(method, target.route, res.statusCode, started);
      return true;
    }
    void this.fetchAndRespond(req, res, target.ref, target.lang, method).finally(() =>
      this.observe(method, target.route, res.statusCode, started),
    );
    return true;
  }

  /** What a request URL names; remembered per URL, since subscribers ask for the same few URLs again and again. */
  private parse(url: string): FeedTarget | null {
    let target = this.targets.get(url);
    if (target !== undefined) return target;
    const q = url.indexOf('?');
    const ref = feedRefFromPath(q < 0 ? url : url.slice(0, q));
    if (ref === null) {
      target = null;
    } else if ('notFound' in ref) {
      target = {
        ref: ALL_FEED,
        key: '',
        lang: 'da',
        cacheId: '',
        route: '/calendar/*',
        error: { status: 404, message: 'No such calendar feed.' },
      };
    } else if (ref.scope === 'district' && FORMER_DISTRICT_SLUGS.has(ref.slug)) {
      const location = feedPath({ scope: 'district', slug: FORMER_DISTRICT_SLUGS.get(ref.slug)! }) + (q < 0 ? '' : url.slice(q));
      const error = { status: 301, message: `This feed moved to ${location}`, headers: { Location: location } };
      target = { ref, key: '', lang: 'da', cacheId: '', route: ROUTE.district, error };
    } else {
      const query = q < 0 ? '' : url.slice(q + 1);
      const lang = langFromQuery(query);
      const selection = ref.scope === 'all' ? selectionFromQuery(query) : [];
      target =
        typeof lang === 'string'
          ? { ref, key: feedKey(ref), lang, cacheId: FeedCache.id(feedKey(ref), lang), route: ROUTE[ref.scope], error: null }
          : { ref, key: '', lang: 'da', cacheId: '', route: ROUTE[ref.scope], error: { status: 400, message: lang.error } };
      if (selection === null) {
        target = { ...target, error: { status: 400, message: SELECTION_ERROR } };
      } else if (selection.length > 0 && !target.error) {
        target = { ...target, selection, route: SELECTION_ROUTE };
      }
    }
    if (this.targets.size >= MAX_REMEMBERED_URLS) this.targets.clear();
    this.targets.set(url, target);
    return target;
  }

  private async fetchAndRespond(req: IncomingMessage, res: ServerResponse, ref: FeedRef, lang: Language, method: string): Promise<void> {
    try {
      const entry = await this.cache.fetch(ref, lang);
      if (entry) this.respond(req, res, entry, method);
      else this.plain(res, 404, 'No such calendar feed.', {}, method);
    } catch (error) {
      this.logger.error(`cannot serve feed ${feedKey(ref)}: ${(error as Error).message}`);
      if (!res.headersSent)
        this.plain(res, 503, 'The calendar feed is unavailable right now; try again shortly.', { 'Retry-After': '30' }, method);
      else res.destroy();
    }
  }

  private async sendSelection(req: IncomingMessage, res: ServerResponse, refs: FeedRef[], lang: Language): Promise<void> {
    try {
      const body = await this.snapshots.renderSelection(refs, lang);
      if (body === null) this.plain(res, 404, 'No such calendar feed.', {}, req.method);
      else sendCalendar(req, res, body, { fileName: feedFileName(ALL_FEED, lang), cacheControl: CACHE_CONTROL });
    } catch (error) {
      this.logger.error(`cannot serve feed selection: ${(error as Error).message}`);
      if (!res.headersSent)
        this.plain(res, 503, 'The calendar feed is unavailable right now; try again shortly.', { 'Retry-After': '30' }, req.method);
      else res.destroy();
    }
  }

  private respond(req: IncomingMessage, res: ServerResponse, entry: ServedFeed, method: string): void {
    if (this.notModified(req, entry)) {
      res.writeHead(304, entry.notModifiedHeaders).end();
      return;
    }
    const gzip = entry.gzip && acceptsGzip(req.headers['accept-encoding']) ? entry.gzip : null;
    res.writeHead(200, gzip ? gzip.headers : entry.headers);
    if (method === 'HEAD') res.end();
    else res.end(gzip ? gzip.body : entry.body);
  }

  /** 304 only when nothing changed: a matching ETag, or (without If-None-Match) a valid date not before Last-Modified. */
  private notModified(req: IncomingMessage, entry: ServedFeed): boolean {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, entry.etag, entry.gzipEtag);
    const ifModifiedSince = req.headers['if-modified-since'];
    if (ifModifiedSince === undefined) return false;
    const since = parseHttpDate(ifModifiedSince);
    // A date in the future is invalid (the client cannot have seen it), so it never earns a 304.
    return since !== null && since <= Date.now() && entry.lastModifiedMs <= since;
  }

  private plain(res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders, method = 'GET'): void {
    const body = Buffer.from(`${message}\n`);
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      ...headers,
    });
    if (method === 'HEAD') res.end();
    else res.end(body);
  }

  private observe(method: string, route: string, status: number, started: number): void {
    this.metrics?.observeHttp(method, route, status, started);
  }
}

/**
 * Puts the feed handler in front of the server's own request listener (Express): feed requests are
 * answered directly, everything else goes on as before.
 */
export function installFeedFastPath(server: Server, handler: FeedHttpHandler): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (handler.handle(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}

/**
 * Answers a request with a calendar that is not a stored snapshot (a person's registrations, say):
 * strong ETag from the bytes, 304 on a matching If-None-Match, HEAD without a body. Such feeds are
 * personal, so caches may keep them for their one user only.
 */
export function sendCalendar(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  options: { fileName: string; cacheControl?: string },
): void {
  const bytes = Buffer.from(body, 'utf8');
  const etag = etagOf(bytes);
  const validators: OutgoingHttpHeaders = {
    ETag: etag,
    'Cache-Control': options.cacheControl ?? 'private, max-age=300',
    'Access-Control-Allow-Origin': '*',
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(200, {
    ...validators,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Length': bytes.length,
    'Content-Disposition': `inline; filename="${options.fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}
