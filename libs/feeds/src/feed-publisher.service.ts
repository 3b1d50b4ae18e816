import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { JobName, enqueue } from '@mangfold/jobs';
import { CANCELLED_EVENTS_KEPT_DAYS, ENDED_EVENTS_KEPT_DAYS, FeedFragments } from './feed-fragments.service';
import { RENDERER_VERSION } from './event-fragment';
import { lockFeeds } from './feed-locks';
import { FeedSnapshots } from './feed-snapshots.service';
import { placeholders, query } from './sql';

/** The debounce window of publish jobs: one render at the first change of a burst, one at its end. */
const FEED_DEBOUNCE_MS = 300;
// Shorter than the delay, so the dedupe key is gone before the trailing job starts and a change
// that commits while it runs always gets a job of its own.
const DEDUPE_WINDOW_MS = 250;

/**
 * Queues the publish of a feed, debounced on both edges: the first change of a burst is published
 * at once (no subscriber waits for a timer), changes within the window are dropped as duplicates
 * and picked up by one trailing run after it, which does nothing if the first run already saw them.
 */
function enqueueFeedRender(em: EntityManager, feedKey: string): void {
  enqueue(em, JobName.RenderFeed, { feedKey }, { dedupe: { id: `feed-${feedKey}`, windowMs: DEDUPE_WINDOW_MS } });
  enqueue(
    em,
    JobName.RenderFeed,
    { feedKey },
    { dedupe: { id: `feed-${feedKey}-trailing`, windowMs: DEDUPE_WINDOW_MS }, runAt: new Date(Date.now() + FEED_DEBOUNCE_MS) },
  );
}
/** A feed still wanted-but-not-rendered this long after its change gets a new job from the sweep. */
const STUCK_AFTER_SECONDS = 10;
const BATCH = 200;

/**
 * Marks feeds as needing a render and queues the (debounced) publish job for each, in the caller's
 * transaction: the outbox row commits with the change, so no change is ever left unpublished.
 */
async function markFeedsDirty(em: EntityManager, keys: Iterable<string>): Promise<void> {
  let list = [...new Set(keys)].sort();
  // A feed of one event is rendered when someone first asks for it, not for every event up front.
  // The lock orders this against that first render, which then sees this transaction's fragments.
  const eventFeeds = list.filter((key) => key.startsWith('event/'));
  if (eventFeeds.length > 0) {
    await lockFeeds(em, eventFeeds);
    const rows: { feed_key: string }[] = await query(
      em,
      `select distinct feed_key from feed_snapshot where feed_key in (${placeholders(eventFeeds)})`,
      eventFeeds,
    );
    const rendered = new Set(rows.map((r) => r.feed_key));
    list = list.filter((key) => !key.startsWith('event/') || rendered.has(key));
  }
  if (list.length === 0) return;
  await query(
    em,
    `insert into feed_state (id, feed_key, wanted_version, dirty_at)
     values ${list.map(() => '(?, ?, 1, now())').join(', ')}
     on conflict (feed_key) do update set wanted_version = feed_state.wanted_version + 1, dirty_at = now(), updated_at = now()`,
    list.flatMap((key) => [randomUUID(), key]),
  );
  for (const feedKey of list) enqueueFeedRender(em, feedKey);
}

/**
 * What the feed jobs do: an event, association or occasion changed → re-render the fragments it
 * touches and mark exactly the affected feeds; a feed is due → render and store its snapshots.
 */
@Injectable()
export class FeedPublisher {
  private readonly logger = new Logger('Feeds');

  constructor(
    private readonly orm: MikroORM,
    private readonly fragments: FeedFragments,
    private readonly snapshots: FeedSnapshots,
  ) {}

  /** Re-renders these events' fragments; returns the feeds that will be published again. */
  async eventsChanged(eventIds: string[]): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const affected = await this.fragments.refresh(em, eventIds);
      await markFeedsDirty(em, affected);
      return [...affected].sort();
    });
  }

  /** An association's name or slug changed: its events show it, and its own feed is named after it. */
  async associationChanged(associationId: string): Promise<void> {
    const em = this.orm.em.fork();
    const events: { event_id: string }[] = await query(
      em,
      `select distinct o.event_id from event_organizer o join event_feed_fragment f on f.event_id = o.event_id
        where o.association_id = ?`,
      [associationId],
    );
    const feeds: { feed_key: string }[] = await query(
      em,
      `select 'association/' || slug as feed_key from association where id = ?
       union select feed_key from feed_state where subject_id = ?`,
      [associationId, associationId],
    );
    await this.refreshInBatches(
      events.map((e) => e.event_id),
      feeds.map((f) => f.feed_key),
    );
  }

  /** An occasion's name or slug changed. */
  async occasionChanged(occasionId: string): Promise<void> {
    const em = this.orm.em.fork();
    const events: { id: string }[] = await query(
      em,
      `select distinct e.id from event e join event_feed_fragment f on f.event_id = e.id where e.occasion_id = ?`,
      [occasionId],
    );
    const feeds: { feed_key: string }[] = await query(
      em,
      `select 'occasion/' || slug as feed_key from occasion where id = ? union select feed_key from feed_state where subject_id = ?`,
      [occasionId, occasionId],
    );
    await this.refreshInBatches(
      events.map((e) => e.id),
      feeds.map((f) => f.feed_key),
    );
  }

  /** Publishes one feed, again if a change arrived while it rendered. */
  async renderFeed(key: string): Promise<void> {
    for (let pass = 0; pass < 5; pass++) {
      const { wanted, busy } = await this.snapshots.publish(key);
      // Whoever holds the feed renders it again if this job's change came too late for it; a
      // first render for a request does not, and the sweep covers that rare case.
      if (busy) return;
      if ((await this.snapshots.wantedVersion(key)) <= wanted) return;
    }
    this.logger.warn(`feed ${key} kept changing while it rendered; the sweep publishes the rest`);
  }

  /**
   * The safety net behind the debounced jobs: feeds whose window moved past an event, and feeds
   * still waiting for a render well after their change (a job lost with Redis, say), get a job.
   * Also drops fragments that have left every feed.
   */
  async sweep(): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const expired: { feed_key: string }[] = await query(
        em,
        `update feed_state set wanted_version = wanted_version + 1, dirty_at = now(), valid_until = null, updated_at = now()
          where valid_until <= now() returning feed_key`,
      );
      const stuck: { feed_key: string }[] = await query(
        em,
        `select feed_key from feed_state where wanted_version > rendered_version and dirty_at < now() - interval '${STUCK_AFTER_SECONDS} seconds'`,
      );
      await query(em, `delete from event_feed_fragment where expires_at < now() - interval '1 day'`);
      const keys = [...new Set([...expired, ...stuck].map((r) => r.feed_key))].sort();
      for (const feedKey of keys) enqueueFeedRender(em, feedKey);
      return keys;
    });
  }

  /**
   * Renders the fragments of every event in the feeds that has none of the current renderer version:
   * events written before this lib existed, demo data, or after RENDERER_VERSION went up.
   */
  async backfill(shouldStop: () => boolean = () => false): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    while (!shouldStop()) {
      const rows: { id: string }[] = await query(
        this.orm.em.fork(),
        `select e.id from event e
          where e.id > ? and (e.status = 'PUBLISHED' or (e.status = 'CANCELLED' and e.published_at is not null))
            and ((e.recurrence is not null and e.last_ends_at is null)
                 or coalesce(e.last_ends_at, e.ends_at) > now() - interval '${ENDED_EVENTS_KEPT_DAYS} days')
            and (e.status <> 'CANCELLED' or e.cancelled_at is null or e.cancelled_at > now() - interval '${CANCELLED_EVENTS_KEPT_DAYS} days')
            and not exists (select 1 from event_feed_fragment f where f.event_id = e.id and f.renderer_version = ?)
          order by e.id limit ${BATCH}`,
        [after, RENDERER_VERSION],
      );
      if (rows.length === 0) return total;
      await this.eventsChanged(rows.map((r) => r.id));
      total += rows.length;
      after = rows[rows.length - 1].id;
    }
    return total;
  }

  private async refreshInBatches(eventIds: string[], extraFeeds: string[]): Promise<void> {
    for (let i = 0; i < eventIds.length; i += BATCH) await this.eventsChanged(eventIds.slice(i, i + BATCH));
    await this.orm.em.fork().transactional((em) => markFeedsDirty(em, extraFeeds));
  }
}
