import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Language } from '@mangfold/db';
import { Metrics } from '@mangfold/observability';
import { FeedCache, type ServedFeed } from './feed-cache.service';
import { feedKey, feedRefFromPath, type FeedRef, type FeedScope } from './feed-keys';
import { acceptsGzip, etagMatches, parseHttpDate } from './http-conditional';

const ROUTE: Readonly<Record<FeedScope, string>> = {
  all: '/calendar.ics',
  district: '/calendar/districts/:slug.ics',
  association: '/calendar/associations/:slug.ics',
  occasion: '/calendar/occasions/:slug.ics',
  kind: '/calendar/kinds/:kind.ics',
  event: '/calendar/events/:slug.ics',
};

const CORS_PREFLIGHT: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
  'Content-Length': 0,
};

type LangParam = Language | { error: string };

/** `?lang=da|en` (any case); absent or empty means Danish. Other values are a 400, so a typo is seen at once. */
export function langFromQuery(query: string): LangParam {
  if (!query) return 'da';
  for (const pair of query.split('&')) {
    if (!pair.startsWith('lang=') && pair !== 'lang') continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(5).replace(/\+/g, ' '));
    } catch {
      return { error: 'lang is not valid percent-encoded UTF-8; use lang=da or lang=en' };
    }
    const lang = value.trim().toLowerCase();
    if (lang === '' || lang === 'da') return 'da';
    if (lang === 'en') return 'en';
    return { error: 'lang must be da or en' };
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

  constructor(
    private readonly cache: FeedCache,
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
    const q = url.indexOf('?');
    const ref = feedRefFromPath(q < 0 ? url : url.slice(0, q));
    if (ref === null) return false;
    const started = performance.now();
    const method = req.method ?? 'GET';
    const route = 'notFound' in ref ? '/calendar/*' : ROUTE[ref.scope];
    if (method !== 'GET' && method !== 'HEAD') {
      if (method === 'OPTIONS') res.writeHead(204, CORS_PREFLIGHT).end();
      else this.plain(res, 405, 'Feeds answer GET and HEAD only.', { Allow: 'GET, HEAD, OPTIONS' });
      this.observe(method, route, res.statusCode, started);
      return true;
    }
    if ('notFound' in ref) {
      this.plain(res, 404, 'No such calendar feed.', {}, method);
      this.observe(method, route, 404, started);
      return true;
    }
    const lang = langFromQuery(q < 0 ? '' : url.slice(q + 1));
    if (typeof lang !== 'string') {
      this.plain(res, 400, lang.error, {}, method);
      this.observe(method, route, 400, started);
      return true;
    }
    const entry = this.cache.get(feedKey(ref), lang);
    if (entry) {
      this.respond(req, res, entry, method);
      this.observe(method, route, res.statusCode, started);
      return true;
    }
    void this.fetchAndRespond(req, res, ref, lang, method).finally(() => this.observe(method, route, res.statusCode, started));
    return true;
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
    this.metrics?.httpDuration.observe({ method, route, status: String(status) }, (performance.now() - started) / 1000);
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
