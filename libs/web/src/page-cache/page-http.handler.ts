import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Metrics, requestIdOf } from '@mangfold/observability';
import { FILTER_PARAMS } from '../events/listing-query';
import { type CachedPage, PageCache, type PageTicket } from './page-cache.service';

/**
 * The pages served from the cache: the events list, the archive and one event, in both languages.
 * Everything they show comes from the tables whose changes the `announce_change` triggers report;
 * a page that shows anything else must not be added here without adding its tables there.
 */
const CACHED_PATH = /^\/(?:arrangementer|en\/events)(?:\/[^/?#]+)?$/;
/** The listing's parameters, paging, and the language some links carry; any other query is not cached. */
const QUERY_KEYS: ReadonlySet<string> = new Set<string>([...FILTER_PARAMS, 'after', 'back', 'lang']);
const MAX_KEY_LENGTH = 2_048;
/** Never stored: made afresh for every answer, the request's id by us and the rest by Node. */
const PER_REQUEST_HEADERS: ReadonlySet<string> = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;
const LISTINGS: ReadonlySet<string> = new Set(['/arrangementer', '/en/events', '/arrangementer/tidligere', '/en/events/past']);

/** The route label for metrics, as Express names it (never the raw URL, so labels stay few). */
function routeOf(key: string): string {
  const q = key.indexOf('?');
  const path = q < 0 ? key : key.slice(0, q);
  if (LISTINGS.has(path)) return path;
  return path.startsWith('/en/') ? '/en/events/:slug' : '/arrangementer/:slug';
}

/**
 * The cache's key for a request that may be answered from (or stored in) the page cache, else null.
 * Only anonymous GET and HEAD of the public event pages qualify: a request with a cookie or an
 * Authorization header may belong to a signed-in person (their pages are never shared).
 */
export function pageCacheKey(req: IncomingMessage): string | null {
  const method = req.method;
  if (method !== 'GET' && method !== 'HEAD') return null;
  const url = req.url;
  if (url === undefined || url.length > MAX_KEY_LENGTH) return null;
  const headers = req.headers;
  if (headers.cookie !== undefined || headers.authorization !== undefined) return null;
  const q = url.indexOf('?');
  if (!CACHED_PATH.test(q < 0 ? url : url.slice(0, q))) return null;
  if (q >= 0) {
    for (const pair of url.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (!QUERY_KEYS.has(eq < 0 ? pair : pair.slice(0, eq))) return null;
    }
  }
  return url;
}

/**
 * Whether a page with `etag` (and, like every page, no Last-Modified) is fresh for the request: the
 * rule Express applies before its 304 (the `fresh` package), so a cached page answers as Express would.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string | undefined): boolean {
  const noneMatch = headers['if-none-match'];
  // If-Modified-Since alone never matches a page without Last-Modified.
  if (!noneMatch) return false;
  const cacheControl = headers['cache-control'];
  if (cacheControl && NO_CACHE.test(cacheControl)) return false;
  if (noneMatch === '*') return true;
  if (!etag) return false;
  return noneMatch.split(',').some((token) => {
    const tag = token.replace(/^ +| +$/g, '');
    return tag === etag || tag === `W/${etag}` || `W/${tag}` === etag;
  });
}

/**
 * Answers the public event pages from the PageCache straight on the node:http server, ahead of
 * Express (as the feeds are: installFeedFastPath), and stores what Express renders for them.
 * A miss goes to Express as before, with its answer captured: kept only when it is a 200 sent in
 * one piece with public caching and no cookie. Requests for a page already being rendered wait for
 * that render instead of starting their own.
 */
@Injectable()
export class PageHttpHandler implements OnApplicationBootstrap {
  private metrics: Metrics | undefined;

  constructor(
    private readonly cache: PageCache,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    try {
      this.metrics = this.moduleRef.get(Metrics, { strict: false });
    } catch {
      this.metrics = undefined;
    }
  }

  /** Serves `req` from the cache, or passes it on (`next`) and keeps what comes back when it may. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const key = pageCacheKey(req);
    if (key === null) return next();
    const started = performance.now();
    const now = Date.now();
    const hit = this.cache.get(key, now);
    if (hit) return this.send(req, res, hit, key, started);
    const pending = this.cache.inFlight(key);
    if (pending) {
      void pending.then(
        // The page may have been drawn just before a boundary this request came after.
        (page) => (page && page.expiresAt > Date.now() ? this.send(req, res, page, key, started) : next()),
        () => next(),
      );
      return;
    }
    // HEAD answers and 304s carry no body to keep: they are served from the cache but never fill it.
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    if (req.method === 'GET' && !conditional) this.cache.rendered(key, this.capture(res, key, this.cache.ticket(now)));
    next();
  }

  private send(req: IncomingMessage, res: ServerResponse, page: CachedPage, key: string, started: number): void {
    // One object for writeHead, not setHeader first: Node then writes the stored headers in one pass.
    if (notModified(req.headers, page.etag)) {
      res.writeHead(304, { ...page.notModifiedHeaders, 'X-Request-Id': requestIdOf(req) }).end();
    } else {
      res.writeHead(200, { ...page.headers, 'X-Request-Id': requestIdOf(req) });
      if (req.method === 'HEAD') res.end();
      else res.end(page.body);
    }
    this.observe(req.method ?? 'GET', key, res.statusCode, started);
  }

  /** Watches Express answer: the page, once it is sent in one `end`, if it may be kept. */
  private capture(res: ServerResponse, key: string, ticket: PageTicket): Promise<CachedPage | null> {
    return new Promise((resolve) => {
      let pieces = false;
      const write = res.write;
      const end = res.end;
      res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse['write']>) {
        pieces = true;
        return write.apply(this, args);
      } as ServerResponse['write'];
      res.end = ((...args: unknown[]) => {
        let page: CachedPage | null = null;
        if (!pieces && !res.headersSent) {
          const [chunk, encoding] = args;
          page = this.keep(res, key, ticket, chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
        }
        resolve(page);
        return (end as (...a: unknown[]) => ServerResponse).apply(res, args);
      }) as ServerResponse['end'];
      // An answer that never ends (a dropped connection) must not keep others waiting.
      res.once('close', () => resolve(null));
    });
  }

  private keep(res: ServerResponse, key: string, ticket: PageTicket, chunk: unknown, encoding: BufferEncoding): CachedPage | null {
    if (res.statusCode !== 200) return null;
    if (res.hasHeader('set-cookie') || res.hasHeader('vary')) return null;
    const cacheControl = res.getHeader('cache-control');
    if (typeof cacheControl !== 'string' || !cacheControl.startsWith('public')) return null;
    let body: Buffer;
    if (Buffer.isBuffer(chunk)) body = chunk;
    else if (typeof chunk === 'string') body = Buffer.from(chunk, encoding);
    else return null;
    const headers: OutgoingHttpHeaders = {};
    // The names as Express set them (the typings know this method on requests only; Node has it on every outgoing message).
    for (const name of (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames()) {
      if (PER_REQUEST_HEADERS.has(name.toLowerCase())) continue;
      headers[name] = res.getHeader(name);
    }
    return this.cache.store(key, ticket, body, headers, Date.now());
  }

  private observe(method: string, key: string, status: number, started: number): void {
    this.metrics?.observeHttp(method, routeOf(key), status, started);
  }
}

/**
 * Puts the page handler in front of the server's own request listeners (Express, behind the feeds'
 * fast path): cached pages are answered directly, everything else goes on as before.
 */
export function installPageFastPath(server: Server, handler: PageHttpHandler): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handler.handle(req, res, () => {
      for (const listener of listeners) listener.call(server, req, res);
    });
  });
}
