import type { EntityManager } from '@mikro-orm/postgresql';
import { query, textArray } from './sql';

/** Second key of the advisory lock that serialises renders of one feed across all processes. */
const FEED_LOCK_SPACE = 72_634_115;

/** Serialises renders of one feed (transaction-scoped advisory lock). */
export async function lockFeed(em: EntityManager, key: string): Promise<void> {
  await query(em, 'select pg_advisory_xact_lock(?, hashtext(?))', [FEED_LOCK_SPACE, key]);
}

/** Takes the feed's lock if it is free; false when another transaction holds it. */
export async function tryLockFeed(em: EntityManager, key: string): Promise<boolean> {
  const rows: { locked: boolean }[] = await query(em, 'select pg_try_advisory_xact_lock(?, hashtext(?)) as locked', [FEED_LOCK_SPACE, key]);
  return rows[0].locked;
}

/** The locks of several feeds in one round trip, in key order (so two such calls cannot deadlock). */
export async function lockFeeds(em: EntityManager, keys: string[]): Promise<void> {
  await query(em, `select count(pg_advisory_xact_lock(?, hashtext(k))) from (select unnest(?::text[]) as k order by 1) as keys`, [
    FEED_LOCK_SPACE,
    textArray([...keys].sort()),
  ]);
}
