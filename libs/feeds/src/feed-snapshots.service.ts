import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { LANGUAGES, type Language } from '@mangfold/common';
import { localize, type LocalizedText } from '@mangfold/db';
import { InjectRedis } from '@mangfold/jobs';
import { renderCalendar } from './calendar-document';
import { feedKey, feedUrl, kindFromSlug, parseFeedKey, selectionUrl, type FeedRef } from './feed-keys';
import { gunzipBody, prepare, type PreparedBody } from './feed-body';
import { FeedFiles } from './feed-files';
import { lockFeed, tryLockFeed } from './feed-locks';
import { query, textArray } from './sql';
import { calendarDescription, calendarName, kindPluralLabel } from './labels';

/** A feed's published text as stored and served: the UTF-8 bytes and their gzip. */
export interface StoredSnapshot {
  feedKey: string;
  lang: Language;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  lastModified: Date;
  version: number;
}

/** Who a feed is about: its id (to find the feed again after a rename) and its name per language. */
export interface FeedSubject {
  id: string | null;
  name: LocalizedText;
}

export interface RenderedFeed {
  body: string;
  eventCount: number;
  /** When the window next drops one of its events. */
  validUntil: Date | null;
}

interface AggregateRow {
  body: string;
  zones: string[];
  valid_until: Date | null;
  events: number;
}

/**
 * Feed snapshots: rendering a feed from the kept fragments (one aggregate query), storing it with a
 * strong ETag and a strictly increasing Last-Modified, and telling the api replicas (Redis pub/sub)
 * and FEEDS_DIR when one changed. Used by the worker (publish jobs) and the api (a missing snapshot
 * is rendered on demand once and stored).
 */
@Injectable()
export class FeedSnapshots {
  private readonly logger = new Logger('Feeds');

  constructor(
    private readonly orm: MikroORM,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly files: FeedFiles,
  ) {}

  /** The pub/sub channel on which a changed snapshot is announced as `key\nlang\nversion` (version 0: gone). */
  get channel(): string {
    return `${this.config.redis.prefix}:feed-snapshots`;
  }

  async load(key: string, lang: Language, em: EntityManager = this.orm.em.fork()): Promise<StoredSnapshot | null> {
    const rows: { body_gzip: Buffer; etag: string; last_modified: Date; version: number }[] = await query(
      em,
      'select body_gzip, etag, last_modified, version from feed_snapshot where feed_key = ? and lang = ?',
      [key, lang],
    );
    const row = rows[0];
    if (!row) return null;
    const body = await gunzipBody(row.body_gzip);
    return { feedKey: key, lang, body, gzip: row.body_gzip, etag: row.etag, lastModified: row.last_modified, version: row.version };
  }

  /** Current versions of the given feeds, for revalidating an in-memory cache. */
  async versions(keys: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (keys.length === 0) return result;
    const rows: { feed_key: string; lang: string; version: number }[] = await query(
      this.orm.em.fork(),
      `select feed_key, lang, version from feed_snapshot where feed_key in (${keys.map(() => '?').join(',')})`,
      keys,
    );
    for (const row of rows) result.set(`${row.feed_key}\n${row.lang}`, row.version);
    return result;
  }

  /**
   * The stored snapshot, or, when there is none yet, one rendered now and stored (once: renders of a
   * feed are serialised by an advisory lock). Null when the feed does not exist (unknown slug).
   */
  async ensure(ref: FeedRef, lang: Language): Promise<StoredSnapshot | null> {
    const key = feedKey(ref);
    const existing = await this.load(key, lang);
    if (existing) return existing;
    const created = await this.orm.em.fork().transactional(async (em) => {
      await lockFeed(em, key);
      const again = await this.load(key, lang, em);
      if (again) return { snapshot: again, fresh: false };
      const subject = await this.resolveSubject(em, ref);
      if (!subject) return null;
      const rendered = await this.render(em, ref, lang, subject);
      const prepared = await prepare(rendered);
      const stored = await this.store(em, key, lang, prepared);
      await query(
        em,
        `insert into feed_state (id, feed_key, subject_id, valid_until) values (?, ?, ?, ?)
         on conflict (feed_key) do update set subject_id = excluded.subject_id,
           valid_until = least(feed_state.valid_until, excluded.valid_until), updated_at = now()`,
        [randomUUID(), key, subject.id, rendered.validUntil],
      );
      const snapshot: StoredSnapshot = { feedKey: key, lang, body: prepared.body, gzip: prepared.gzip, etag: prepared.etag, ...stored! };
      return { snapshot, fresh: true };
    });
    if (created?.fresh) await this.announce(ref, [created.snapshot], []);
    return created?.snapshot ?? null;
  }

  /**
   * Renders both languages of a feed and stores what changed, unless it is already rendered as of
   * its latest change. Returns the wanted version it rendered, so the caller can tell whether a
   * change arrived meanwhile. A feed whose subject is gone (unknown slug now) is deleted.
   */
  async publish(
    key: string,
    options: { force?: boolean } = {},
  ): Promise<{ wanted: number; changed: number; deleted: boolean; busy: boolean }> {
    const ref = parseFeedKey(key);
    if (!ref) {
      this.logger.warn(`ignoring publish of malformed feed key "${key}"`);
      return { wanted: 0, changed: 0, deleted: false, busy: false };
    }
    const outcome = await this.orm.em.fork().transactional(async (em) => {
      // Another process is rendering this feed: it checks for newer changes when it is done (see
      // FeedPublisher.renderFeed), so this job need not wait and hold a worker slot meanwhile.
      if (!options.force && !(await tryLockFeed(em, key))) return null;
      if (options.force) await lockFeed(em, key);
      const states: { wanted_version: number; rendered_version: number }[] = await query(
        em,
        'select wanted_version, rendered_version from feed_state where feed_key = ?',
        [key],
      );
      const wanted = states[0]?.wanted_version ?? 0;
      if (!options.force && states[0] && states[0].rendered_version >= wanted) return { wanted, changed: [], deleted: [] };
      const subject = await this.resolveSubject(em, ref);
      if (!subject) {
        const gone: { lang: Language }[] = await query(em, 'delete from feed_snapshot where feed_key = ? returning lang', [key]);
        await query(em, 'delete from feed_state where feed_key = ?', [key]);
        return { wanted, changed: [], deleted: gone.map((g) => g.lang) };
      }
      const rendered = await this.renderLanguages(em, ref, subject);
      const prepared = await Promise.all(rendered.map(prepare));
      const changed: StoredSnapshot[] = [];
      let validUntil: Date | null = null;
      for (const [i, lang] of LANGUAGES.entries()) {
        const stored = await this.store(em, key, lang, prepared[i]);
        if (stored) changed.push({ feedKey: key, lang, body: prepared[i].body, gzip: prepared[i].gzip, etag: prepared[i].etag, ...stored });
        const until = rendered[i].validUntil;
        if (until && (!validUntil || until < validUntil)) validUntil = until;
      }
      await query(
        em,
        `insert into feed_state (id, feed_key, subject_id, wanted_version, rendered_version, valid_until) values (?, ?, ?, ?, ?, ?)
         on conflict (feed_key) do update set subject_id = excluded.subject_id, rendered_version = excluded.rendered_version,
           valid_until = excluded.valid_until, updated_at = now()`,
        [randomUUID(), key, subject.id, wanted, wanted, validUntil],
      );
      return { wanted, changed, deleted: [] as Language[] };
    });
    if (!outcome) return { wanted: 0, changed: 0, deleted: false, busy: true };
    await this.announce(ref, outcome.changed, outcome.deleted);
    return { wanted: outcome.wanted, changed: outcome.changed.length, deleted: outcome.deleted.length > 0, busy: false };
  }

  /**
   * Both languages. With connections to spare they render side by side, each on a connection of its
   * own: everything committed up to the wanted version read in `em` is visible to them, as they start
   * after it was read. With a pool of one (the embedded database) they take turns on `em`.
   */
  private async renderLanguages(em: EntityManager, ref: FeedRef, subject: FeedSubject): Promise<RenderedFeed[]> {
    if (this.config.db.poolMax < 4) {
      const rendered: RenderedFeed[] = [];
      for (const lang of LANGUAGES) rendered.push(await this.render(em, ref, lang, subject));
      return rendered;
    }
    return Promise.all(LANGUAGES.map((lang) => this.render(this.orm.em.fork(), ref, lang, subject)));
  }

  /** The feed's current wanted version (0 when it has no state). */
  async wantedVersion(key: string): Promise<number> {
    const rows: { wanted_version: number }[] = await query(this.orm.em.fork(), 'select wanted_version from feed_state where feed_key = ?', [
      key,
    ]);
    return rows[0]?.wanted_version ?? 0;
  }

  /** Who the feed is about, or null when no such feed exists. */
  async resolveSubject(em: EntityManager, ref: FeedRef): Promise<FeedSubject | null> {
    const one = async (sql: string): Promise<{ id: string; name: LocalizedText | string } | undefined> => {
      const rows: { id: string; name: LocalizedText | string }[] = await query(em, sql, [ref.slug]);
      return rows[0];
    };
    switch (ref.scope) {
      case 'all':
        return { id: null, name: {} };
      case 'kind': {
        const kind = kindFromSlug(ref.slug);
        return kind ? { id: null, name: { da: kindPluralLabel(kind, 'da'), en: kindPluralLabel(kind, 'en') } } : null;
      }
      case 'district': {
        const row = await one('select id, name from district where slug = ?');
        return row ? { id: row.id, name: row.name as LocalizedText } : null;
      }
      case 'occasion': {
        const row = await one('select id, name from occasion where slug = ?');
        return row ? { id: row.id, name: row.name as LocalizedText } : null;
      }
      case 'association': {
        const row = await one(`select id, name from association where slug = ? and status = 'APPROVED'`);
        return row ? { id: row.id, name: { da: row.name as string } } : null;
      }
      case 'event': {
        const row = await one(
          `select id, title as name from event where slug = ? and (status = 'PUBLISHED' or (status = 'CANCELLED' and published_at is not null))`,
        );
        return row ? { id: row.id, name: row.name as LocalizedText } : null;
      }
    }
  }

  /** A feed from its kept fragments: one aggregate query, then header + VTIMEZONEs + the fragments. */
  async render(em: EntityManager, ref: FeedRef, lang: Language, subject: FeedSubject): Promise<RenderedFeed> {
    const rows: AggregateRow[] = await query(
      em,
      `select coalesce(string_agg(body, '' order by starts_at, event_id), '') as body,
              coalesce(array_agg(distinct tzid) filter (where tzid is not null), '{}') as zones,
              min(expires_at) as valid_until, count(*)::int as events
         from event_feed_fragment
        where lang = ? and feed_keys @> array[?]::text[] and (expires_at is null or expires_at > now())`,
      [lang, feedKey(ref)],
    );
    const row = rows[0];
    const name = localize(subject.name, lang) ?? '';
    const body = renderCalendar({
      name: calendarName(ref.scope, name, lang),
      description: calendarDescription(ref.scope, name, lang),
      sourceUrl: feedUrl(this.config.http.publicBaseUrl, ref, lang),
      lang,
      defaultZone: this.config.time.defaultZone,
      zones: row.zones,
      body: row.body,
    });
    return { body, eventCount: row.events, validUntil: row.valid_until };
  }

  /**
   * The events several feeds have in common (`/calendar.ics?district=…&kind=…`), rendered from the
   * kept fragments on each request, never stored: its ETag is a hash of the bytes, so it is exact
   * without any snapshot to keep in step. Null when one of the feeds does not exist.
   */
  async renderSelection(refs: readonly FeedRef[], lang: Language): Promise<string | null> {
    const em = this.orm.em.fork();
    const names: string[] = [];
    for (const ref of refs) {
      const subject = await this.resolveSubject(em, ref);
      if (!subject) return null;
      names.push(localize(subject.name, lang) ?? ref.slug);
    }
    const rows: AggregateRow[] = await query(
      em,
      `select coalesce(string_agg(body, '' order by starts_at, event_id), '') as body,
              coalesce(array_agg(distinct tzid) filter (where tzid is not null), '{}') as zones
         from event_feed_fragment
        where lang = ? and feed_keys @> ?::text[] and (expires_at is null or expires_at > now())`,
      [lang, textArray(refs.map(feedKey))],
    );
    const subject = names.join(' · ');
    return renderCalendar({
      name: calendarName('district', subject, lang),
      description: subject,
      sourceUrl: selectionUrl(this.config.http.publicBaseUrl, refs, lang),
      lang,
      defaultZone: this.config.time.defaultZone,
      zones: rows[0].zones,
      body: rows[0].body,
    });
  }

  /**
   * A calendar of the given events' kept fragments (those in the public feeds), for feeds that are
   * not snapshots, such as a person's registrations. Events without a fragment are left out.
   */
  async calendarForEvents(
    eventIds: string[],
    lang: Language,
    meta: { name: string; description?: string; sourceUrl?: string },
  ): Promise<string> {
    let body = '';
    let zones: string[] = [];
    if (eventIds.length > 0) {
      const rows: AggregateRow[] = await query(
        this.orm.em.fork(),
        `select coalesce(string_agg(body, '' order by starts_at, event_id), '') as body,
                coalesce(array_agg(distinct tzid) filter (where tzid is not null), '{}') as zones,
                min(expires_at) as valid_until, count(*)::int as events
           from event_feed_fragment where lang = ? and event_id in (${eventIds.map(() => '?').join(',')})`,
        [lang, ...eventIds],
      );
      body = rows[0].body;
      zones = rows[0].zones;
    }
    return renderCalendar({ ...meta, lang, defaultZone: this.config.time.defaultZone, zones, body });
  }

  /** Stores a body unless the stored one is the same; returns the new version, or null when unchanged. */
  private async store(
    em: EntityManager,
    key: string,
    lang: Language,
    prepared: PreparedBody,
  ): Promise<{ version: number; lastModified: Date } | null> {
    const current: { etag: string }[] = await query(em, 'select etag from feed_snapshot where feed_key = ? and lang = ?', [key, lang]);
    if (current[0]?.etag === prepared.etag) return null;
    const rows: { version: number; last_modified: Date }[] = await query(
      em,
      `insert into feed_snapshot (id, feed_key, lang, body_gzip, etag, last_modified, version, event_count, byte_size)
       values (?, ?, ?, ?, ?, date_trunc('second', now()), 1, ?, ?)
       on conflict (feed_key, lang) do update set body_gzip = excluded.body_gzip, etag = excluded.etag,
         last_modified = greatest(date_trunc('second', now()), feed_snapshot.last_modified + interval '1 second'),
         version = feed_snapshot.version + 1, event_count = excluded.event_count, byte_size = excluded.byte_size, updated_at = now()
       where feed_snapshot.etag <> excluded.etag
       returning version, last_modified`,
      [randomUUID(), key, lang, prepared.gzip, prepared.etag, prepared.eventCount, prepared.body.length],
    );
    return rows[0] ? { version: rows[0].version, lastModified: rows[0].last_modified } : null;
  }

  /** After the commit: api replicas reload (pub/sub), FEEDS_DIR gets the files. Neither is the source of truth. */
  private async announce(ref: FeedRef, changed: StoredSnapshot[], deleted: Language[]): Promise<void> {
    const key = feedKey(ref);
    const messages = [...changed.map((s) => `${key}\n${s.lang}\n${s.version}`), ...deleted.map((lang) => `${key}\n${lang}\n0`)];
    for (const message of messages) {
      // The api also revalidates from the database every few seconds, so a lost message only delays.
      await this.redis.publish(this.channel, message).catch((error: Error) => this.logger.warn(`cannot announce ${key}: ${error.message}`));
    }
    await this.files.write(ref, changed);
    await this.files.remove(ref, deleted);
  }
}
