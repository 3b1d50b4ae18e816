import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { District, HousingArea } from '@mangfold/associations';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { DatabaseChanges, plainRecords } from '@mangfold/db';
import { InjectRedis, redisOptionsFromUrl } from '@mangfold/jobs';
import { Occasion } from './occasion.entity';
import { Theme } from './theme.entity';

/** The reference tables: few rows, read by nearly every page and listing, written by admins seldom. */
export type ReferenceTable = 'district' | 'housing_area' | 'occasion' | 'theme';
const REFERENCE_TABLES: ReadonlySet<string | null> = new Set<ReferenceTable>(['district', 'housing_area', 'occasion', 'theme']);

/** The reference data as plain records shaped like their entities (relations as `{ id }`). */
export interface ReferenceSnapshot {
  /** In their usual order (sort order, then slug). */
  districts: readonly District[];
  /** By slug. */
  housingAreas: readonly HousingArea[];
  /** By slug. */
  occasions: readonly Occasion[];
  /** In their usual order (sort order, then slug). */
  themes: readonly Theme[];
  districtById: ReadonlyMap<string, District>;
  housingAreaById: ReadonlyMap<string, HousingArea>;
  occasionById: ReadonlyMap<string, Occasion>;
  themeById: ReadonlyMap<string, Theme>;
}

/** A safety net only: changes are announced, and a lost announcement (Redis down) is covered by dropping on reconnect. */
const MAX_AGE_MS = 10 * 60_000;

/**
 * One in-process copy of the reference data (districts, housing areas, occasions, themes) for
 * every reader: GraphQL loaders, the site's pages and the listing filters.
 *
 * Invalidation: the services that write these tables call `changed()` after their commit; it drops
 * this process's copy and announces the change on Redis pub/sub, so every other api and worker
 * process drops its copy too. Pub/sub rather than a version counter in PostgreSQL: a version check
 * would cost a round trip on every request — the very cost this cache removes — while an
 * announcement costs nothing per request. Messages sent while a subscriber is disconnected are
 * lost, so a (re)connected subscriber drops its copy, and no copy is older than MAX_AGE_MS.
 * A record asked for by an id the copy does not know reads the tables again once (a row added
 * by someone who could not announce it, e.g. the reference seeder in another process).
 * PostgreSQL's own announcements of changed tables (DatabaseChanges) drop the copy too, so a page
 * cached in this process is never drawn again from the older copy after it heard of the change.
 */
@Injectable()
export class ReferenceData implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReferenceData');
  private current: { at: number; snapshot: Promise<ReferenceSnapshot> } | null = null;
  private subscriber: Redis | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly changes: DatabaseChanges,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** The pub/sub channel on which a change of a reference table is announced (the message: its name). */
  get channel(): string {
    return `${this.config.redis.prefix}:reference-data`;
  }

  /**
   * Subscribes (without waiting: startup must not hang on Redis) and reads the tables, so the first
   * request finds them in memory.
   */
  async onApplicationBootstrap(): Promise<void> {
    let connections = 0;
    this.unsubscribe = this.changes.subscribe((table) => {
      if (table === null || REFERENCE_TABLES.has(table)) this.drop();
    });
    this.subscriber = new Redis({ ...redisOptionsFromUrl(this.config.redis.url), lazyConnect: true });
    this.subscriber.on('message', () => this.drop());
    // After a reconnect, announcements sent meanwhile are lost: read everything again.
    this.subscriber.on('ready', () => {
      if (connections++ > 0) this.drop();
    });
    this.subscriber.on('error', () => undefined);
    this.subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`reference data channel: ${error.message}`));
    // Listening first: its first connection tells everyone that changes may have gone unheard,
    // which would drop a copy read before it.
    await this.changes.listen(this.config.db.url);
    await this.snapshot().catch((error: Error) => this.logger.warn(`reference data not read yet: ${error.message}`));
  }

  beforeApplicationShutdown(): void {
    this.unsubscribe?.();
    this.subscriber?.disconnect();
  }

  /** The current reference data; read from the database once, then from memory until a change. */
  snapshot(): Promise<ReferenceSnapshot> {
    const current = this.current;
    if (current && Date.now() - current.at <= MAX_AGE_MS) return current.snapshot;
    const read = { at: Date.now(), snapshot: this.read() };
    this.current = read;
    // A failed read is not kept: the next caller tries again.
    read.snapshot.catch(() => {
      if (this.current === read) this.current = null;
    });
    return read.snapshot;
  }

  /** The snapshot, read again when it does not know one of `ids` of `table`. */
  async knowing(table: ReferenceTable, ids: readonly string[]): Promise<ReferenceSnapshot> {
    const snapshot = await this.snapshot();
    const map = mapOf(snapshot, table);
    return ids.every((id) => map.has(id)) ? snapshot : this.reread();
  }

  /** The tables read again now (to check a slug or id the copy does not know before saying it names nothing). */
  reread(): Promise<ReferenceSnapshot> {
    this.drop();
    return this.snapshot();
  }

  district(id: string): Promise<District | null> {
    return this.knowing('district', [id]).then((s) => s.districtById.get(id) ?? null);
  }

  housingArea(id: string): Promise<HousingArea | null> {
    return this.knowing('housing_area', [id]).then((s) => s.housingAreaById.get(id) ?? null);
  }

  occasion(id: string): Promise<Occasion | null> {
    return this.knowing('occasion', [id]).then((s) => s.occasionById.get(id) ?? null);
  }

  /** After a committed write to a reference table: drops every process's copy. */
  async changed(table: ReferenceTable): Promise<void> {
    this.drop();
    await this.redis.publish(this.channel, table).catch((error: Error) => this.logger.warn(`cannot announce ${table}: ${error.message}`));
  }

  private drop(): void {
    this.current = null;
  }

  private async read(): Promise<ReferenceSnapshot> {
    const em = this.orm.em.fork();
    // Plain records, not entities: nothing here is ever written through the identity map.
    const records = async <T extends object>(entity: new () => T, orderBy: Record<string, 'asc'>): Promise<T[]> =>
      plainRecords<T>(
        em.getMetadata().get(entity.name),
        await em.createQueryBuilder(entity).select('*').orderBy(orderBy).execute<Record<string, unknown>[]>('all'),
      );
    const [districts, housingAreas, occasions, themes] = await Promise.all([
      records(District, { sortOrder: 'asc', slug: 'asc' }),
      records(HousingArea, { slug: 'asc' }),
      records(Occasion, { slug: 'asc' }),
      records(Theme, { sortOrder: 'asc', slug: 'asc' }),
    ]);
    const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
    return {
      districts,
      housingAreas,
      occasions,
      themes,
      districtById: byId(districts),
      housingAreaById: byId(housingAreas),
      occasionById: byId(occasions),
      themeById: byId(themes),
    };
  }
}

function mapOf(snapshot: ReferenceSnapshot, table: ReferenceTable): ReadonlyMap<string, unknown> {
  if (table === 'district') return snapshot.districtById;
  if (table === 'housing_area') return snapshot.housingAreaById;
  if (table === 'occasion') return snapshot.occasionById;
  return snapshot.themeById;
}
