import type { OutgoingHttpHeaders } from 'node:http';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { DatabaseChanges } from '@mangfold/db';

/** A rendered 200 answer, ready to be written to a socket again. */
export interface CachedPage {
  body: Buffer;
  /** The headers the page was sent with (the request's own id aside). */
  headers: OutgoingHttpHeaders;
  /** Its ETag, if it was sent with one. */
  etag: string | undefined;
  /** The headers of a 304 for it: Express's, which leaves out those describing the body. */
  notModifiedHeaders: OutgoingHttpHeaders;
  /** Not served at or after this instant (ms). */
  expiresAt: number;
  /** A URL with a query string: one of the listing's variants, which are capped apart. */
  variant: boolean;
}

/** What a request that renders a page must hand back to store it: the cache's state when it began. */
export interface PageTicket {
  readonly generation: number;
  readonly expiresAt: number;
}

/**
 * Pages live until the next multiple of this (UTC, so also a full minute, hour and day in
 * Copenhagen): a page drawn before 17:00:00 is never served at or after 17:00:00, when an event
 * ending then leaves the list or its registration closes. It is also the bound on staleness when
 * a change goes unheard (another process's write on the embedded database, a listener reconnecting).
 */
export const PAGE_LIFETIME_STEP_MS = 10_000;
/** Above this many bytes, the least recently served pages are dropped. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
const MAX_PAGES = 4_000;
/** Listing variants (filters, paging) kept at most: a crawler walking every combination evicts only other variants. */
const MAX_VARIANTS = 500;
/** What Express removes from a 304. */
const BODY_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-length', 'transfer-encoding']);

/** The next instant at which a page drawn at `now` must no longer be served. */
export function pageExpiry(now: number): number {
  return (Math.floor(now / PAGE_LIFETIME_STEP_MS) + 1) * PAGE_LIFETIME_STEP_MS;
}

/**
 * Whole anonymous public pages, bytes and headers, kept in memory (see PageHttpHandler for which
 * requests are served from here). Like FeedCache: an in-memory copy, dropped when the data
 * changes, with a lifetime as the fallback; capped in bytes, pages and variants.
 *
 * Invalidation: PostgreSQL triggers announce every committed change to a table the pages show
 * (DatabaseChanges), and any change drops every page. In the process that wrote, that happens
 * before its COMMIT returns, so the next request renders afresh; in other processes when the
 * notification arrives, a few milliseconds after the commit, and at the latest at the page's
 * lifetime (PAGE_LIFETIME_STEP_MS). Triggers rather than announcements after commit in the
 * services: a write path added later (or raw SQL, or psql) cannot forget them. They announce on
 * PostgreSQL's pub/sub (NOTIFY), not on Redis like FeedCache and ReferenceData: a trigger cannot
 * reach Redis, and only the database can tell the writing connection before its COMMIT returns,
 * which is what makes the next request in that process safe without a round trip. A page being
 * rendered while a change arrives is not stored (its ticket is of an older generation): it may
 * have read the rows from before the change.
 */
@Injectable()
export class PageCache implements OnApplicationBootstrap, OnModuleDestroy {
  /** In order of last use, least recent first. */
  private readonly entries = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  private generation = 0;
  private bytes = 0;
  private variants = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly changes: DatabaseChanges,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.changes.subscribe(() => this.clear());
    await this.changes.listen(this.config.db.url);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The page stored under `key`, if still within its lifetime; synchronous so a hit never waits. */
  get(key: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.forget(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /** Taken before a page is rendered; `store` refuses the page if anything changed since. */
  ticket(now: number): PageTicket {
    return { generation: this.generation, expiresAt: pageExpiry(now) };
  }

  /** The render of `key` under way (another request for it can wait for it), if any. */
  inFlight(key: string): Promise<CachedPage | null> | undefined {
    return this.rendering.get(key);
  }

  /** Marks `key` as being rendered until `done` settles. */
  rendered(key: string, done: Promise<CachedPage | null>): void {
    this.rendering.set(key, done);
    const generation = this.generation;
    void done.finally(() => {
      if (this.generation === generation && this.rendering.get(key) === done) this.rendering.delete(key);
    });
  }

  /** Keeps a rendered page, unless the data changed or its lifetime ended while it was drawn. */
  store(key: string, ticket: PageTicket, body: Buffer, headers: OutgoingHttpHeaders, now: number): CachedPage | null {
    if (ticket.generation !== this.generation || ticket.expiresAt <= now) return null;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.forget(old);
    }
    const notModifiedHeaders: OutgoingHttpHeaders = {};
    let etag: string | undefined;
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'etag' && typeof value === 'string') etag = value;
      if (!BODY_HEADERS.has(lower)) notModifiedHeaders[name] = value;
    }
    const entry: CachedPage = { body, headers, etag, notModifiedHeaders, expiresAt: ticket.expiresAt, variant: key.includes('?') };
    this.entries.set(key, entry);
    this.bytes += body.length;
    if (entry.variant) this.variants++;
    this.evict();
    return entry;
  }

  /** Drops every page (any change to the data, and tests). */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.rendering.clear();
    this.bytes = 0;
    this.variants = 0;
  }

  /** What the cache holds (for tests and metrics). */
  get size(): { pages: number; bytes: number; variants: number } {
    return { pages: this.entries.size, bytes: this.bytes, variants: this.variants };
  }

  private forget(entry: CachedPage): void {
    this.bytes -= entry.body.length;
    if (entry.variant) this.variants--;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      const overall = this.bytes > MAX_CACHED_BYTES || this.entries.size > MAX_PAGES;
      if (!overall && this.variants <= MAX_VARIANTS) return;
      // Over the variant cap only: the least recent variant goes, plain pages stay.
      if (!overall && !entry.variant) continue;
      this.entries.delete(key);
      this.forget(entry);
    }
  }
}
