import type { OutgoingHttpHeaders } from 'node:http';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import type { Language } from '@mangfold/common';
import { redisOptionsFromUrl } from '@mangfold/jobs';
import { feedFileName, feedKey, parseFeedKey, type FeedRef } from './feed-keys';
import { FeedSnapshots, type StoredSnapshot } from './feed-snapshots.service';

/** Fallback for lost pub/sub messages: cached feeds are compared with the database this often. */
const FEED_REVALIDATE_MS = 5_000;
/** Unknown feeds are remembered this long, so a stream of bad slugs does not become a stream of queries. */
const NOT_FOUND_TTL_MS = 5_000;
const NOT_FOUND_MAX = 10_000;
/** Above this many bytes in memory, the least recently served feeds are dropped (and reloaded on demand). */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;
const MIN_GZIP_BYTES = 1024;

/** A snapshot ready to be written to a socket: bytes and headers computed once. */
export interface ServedFeed {
  key: string;
  lang: Language;
  version: number;
  body: Buffer;
  etag: string;
  lastModifiedMs: number;
  headers: OutgoingHttpHeaders;
  /** Headers of a 304: the validators and caching headers a 200 would carry (RFC 9110 §15.4.5). */
  notModifiedHeaders: OutgoingHttpHeaders;
  gzipEtag: string;
  /** The stored gzip form, for clients that accept it (with an ETag of its own: a different representation). */
  gzip: { body: Buffer; headers: OutgoingHttpHeaders } | null;
  lastUsed: number;
}

export const CACHE_CONTROL = 'public, max-age=300';

/**
 * The api's in-memory copy of the feed snapshots. A snapshot is loaded (or rendered, if missing)
 * on its first request; after that it is replaced when the worker announces a newer version on
 * Redis pub/sub, and every few seconds the cached versions are checked against the database.
 */
@Injectable()
export class FeedCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FeedCache');
  private readonly entries = new Map<string, ServedFeed>();
  private readonly loading = new Map<string, Promise<ServedFeed | null>>();
  private readonly notFound = new Map<string, number>();
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  private bytes = 0;

  constructor(
    private readonly snapshots: FeedSnapshots,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriber = new Redis({ ...redisOptionsFromUrl(this.config.redis.url), lazyConnect: true });
    this.subscriber.on('message', (_channel: string, message: string) => this.onMessage(message));
    // After a reconnect, messages sent meanwhile are lost: check everything cached.
    this.subscriber.on('ready', () => void this.revalidate());
    this.subscriber.on('error', () => undefined);
    this.subscriber
      .subscribe(this.snapshots.channel)
      .catch((error: Error) => this.logger.warn(`feed invalidation channel: ${error.message}`));
    this.scheduleRevalidation();
  }

  // Before any module's shutdown, so loads in flight still have their database connection.
  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.subscriber?.disconnect();
    await Promise.allSettled([...this.loading.values()]);
  }

  /** The cache's id of a feed in one language. */
  static id(key: string, lang: Language): string {
    return `${key}\n${lang}`;
  }

  /** The cached feed, if any; synchronous so the hot path never waits on a promise. */
  get(key: string, lang: Language): ServedFeed | undefined {
    return this.getById(FeedCache.id(key, lang));
  }

  getById(id: string): ServedFeed | undefined {
    const entry = this.entries.get(id);
    if (entry) entry.lastUsed = Date.now();
    return entry;
  }

  /** Loads (or renders once) a feed that is not cached; null for a feed that does not exist. */
  fetch(ref: FeedRef, lang: Language): Promise<ServedFeed | null> {
    const key = feedKey(ref);
    const id = `${key}\n${lang}`;
    const until = this.notFound.get(id);
    if (until !== undefined && until > Date.now()) return Promise.resolve(null);
    return this.singleFlight(id, async () => {
      const snapshot = await this.snapshots.ensure(ref, lang);
      if (!snapshot) {
        if (this.notFound.size >= NOT_FOUND_MAX) this.notFound.clear();
        this.notFound.set(id, Date.now() + NOT_FOUND_TTL_MS);
        return null;
      }
      this.notFound.delete(id);
      return this.put(snapshot);
    });
  }

  /** Drops everything (tests, and a cache that must be rebuilt). */
  clear(): void {
    this.entries.clear();
    this.notFound.clear();
    this.bytes = 0;
  }

  private onMessage(message: string): void {
    const [key, lang, versionText] = message.split('\n');
    const id = `${key}\n${lang}`;
    const version = Number(versionText);
    this.notFound.delete(id);
    const entry = this.entries.get(id);
    if (!entry) return;
    if (version === 0) this.drop(id);
    else if (version > entry.version) void this.reload(id, entry);
  }

  private reload(id: string, current: ServedFeed): Promise<ServedFeed | null> {
    return this.singleFlight(`reload\n${id}`, async () => {
      const snapshot = await this.snapshots.load(current.key, current.lang);
      if (!snapshot) {
        this.drop(id);
        return null;
      }
      const latest = this.entries.get(id);
      if (latest && latest.version >= snapshot.version) return latest;
      return this.put(snapshot);
    }).catch((error: Error) => {
      this.logger.warn(`cannot reload feed ${current.key}: ${error.message}`);
      return null;
    });
  }

  private async revalidate(): Promise<void> {
    const ids = [...this.entries.keys()];
    if (ids.length === 0) return;
    const versions = await this.snapshots.versions([...new Set(ids.map((id) => id.split('\n')[0]))]);
    for (const id of ids) {
      const entry = this.entries.get(id);
      const version = versions.get(id);
      if (!entry) continue;
      if (version === undefined) this.drop(id);
      else if (version > entry.version) await this.reload(id, entry);
    }
  }

  private scheduleRevalidation(): void {
    this.timer = setTimeout(() => {
      this.revalidate()
        .catch((error: Error) => this.logger.warn(`feed revalidation failed: ${error.message}`))
        .finally(() => this.timer && this.scheduleRevalidation());
    }, FEED_REVALIDATE_MS);
    this.timer.unref();
  }

  private singleFlight(id: string, load: () => Promise<ServedFeed | null>): Promise<ServedFeed | null> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = load().finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private put(snapshot: StoredSnapshot): ServedFeed {
    const ref = parseFeedKey(snapshot.feedKey)!;
    const body = snapshot.body;
    const lastModified = new Date(snapshot.lastModified).toUTCString();
    const gzipEtag = `${snapshot.etag.slice(0, -1)}-gzip"`;
    const validators = {
      ETag: snapshot.etag,
      'Last-Modified': lastModified,
      'Cache-Control': CACHE_CONTROL,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag, Last-Modified, Content-Disposition',
      Vary: 'Accept-Encoding',
    };
    const entry: ServedFeed = {
      key: snapshot.feedKey,
      lang: snapshot.lang,
      version: snapshot.version,
      body,
      etag: snapshot.etag,
      lastModifiedMs: new Date(snapshot.lastModified).getTime(),
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Length': body.length,
        'Content-Disposition': `inline; filename="${feedFileName(ref, snapshot.lang)}"`,
        'X-Content-Type-Options': 'nosniff',
        ...validators,
      },
      notModifiedHeaders: validators,
      gzipEtag,
      gzip: null,
      lastUsed: Date.now(),
    };
    if (body.length >= MIN_GZIP_BYTES) {
      entry.gzip = {
        body: snapshot.gzip,
        headers: { ...entry.headers, ETag: gzipEtag, 'Content-Encoding': 'gzip', 'Content-Length': snapshot.gzip.length },
      };
    }
    const id = `${entry.key}\n${entry.lang}`;
    this.drop(id);
    this.entries.set(id, entry);
    this.bytes += body.length + (entry.gzip?.body.length ?? 0);
    if (this.bytes > MAX_CACHED_BYTES) this.evict(id);
    return entry;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.bytes -= entry.body.length + (entry.gzip?.body.length ?? 0);
    this.entries.delete(id);
  }

  private evict(keep: string): void {
    const byAge = [...this.entries.values()].sort((a, b) => a.lastUsed - b.lastUsed);
    for (const entry of byAge) {
      if (this.bytes <= MAX_CACHED_BYTES * 0.8) return;
      const id = `${entry.key}\n${entry.lang}`;
      if (id !== keep) this.drop(id);
    }
  }
}
