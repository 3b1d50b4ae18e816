import { FeedCache, FeedPublisher, FeedSnapshots } from '@mangfold/feeds';
import { JobName, enqueue } from '@mangfold/jobs';
import { parseCalendar, waitFor, type ParsedCalendar, type TestApp } from '../utils';

/** A feed response as a calendar app sees it, parsed by ical.js (which also checks CRLF and 75-octet lines). */
export interface FeedResponse {
  status: number;
  headers: Headers;
  etag: string | null;
  lastModified: string | null;
  body: string;
  /** Present for a 200 with a calendar body; parsing fails the test on any framing or syntax error. */
  calendar: ParsedCalendar | null;
}

export async function getFeed(
  app: TestApp,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<FeedResponse> {
  // fetch asks for gzip by default; the tests read the identity bytes unless they ask otherwise.
  const res = await fetch(`${app.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'accept-encoding': 'identity', ...init.headers },
  });
  const body = await res.text();
  const isCalendar = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/calendar') && body.length > 0;
  return {
    status: res.status,
    headers: res.headers,
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    body,
    calendar: isCalendar ? parseCalendar(body) : null,
  };
}

/** The UID an event has in every feed. */
export function uidOf(app: TestApp, eventId: string): string {
  return `${eventId}@${new URL(app.config.http.publicBaseUrl).host}`;
}

/**
 * Publishes events to the feeds at once, as the worker's jobs would (fragments, then every affected
 * feed), without waiting for the debounce: for tests about what the feeds say. Needs the worker.
 */
export async function publishNow(app: TestApp, ...eventIds: string[]): Promise<string[]> {
  if (!app.worker) throw new Error('publishNow needs startTestApp({ worker: true })');
  const publisher = app.worker.get(FeedPublisher);
  const keys = await publisher.eventsChanged(eventIds);
  for (const key of keys) await publisher.renderFeed(key);
  // A feed the worker's own job was rendering at that moment is finished by that job.
  if (keys.length > 0) {
    await waitFor(
      async () => {
        const pending: { n: number }[] = await app
          .em()
          .execute(
            `select count(*)::int as n from feed_state where rendered_version < wanted_version and feed_key in (${keys.map(() => '?').join(',')})`,
            keys,
          );
        return pending[0].n === 0;
      },
      10_000,
      'the feeds to be rendered',
    );
  }
  await apiCaughtUp(app, keys);
  return keys;
}

/** Waits until the api's memory holds the stored version of every cached feed among `keys` (pub/sub is asynchronous). */
export async function apiCaughtUp(app: TestApp, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const stored = await app.api.get(FeedSnapshots).versions(keys);
  const cache = app.api.get(FeedCache);
  await waitFor(
    () => [...stored].every(([id, version]) => (cache.getById(id)?.version ?? version) >= version),
    10_000,
    'the api to load the new snapshots',
  );
}

/** Enqueues EventChanged through the outbox, as the calendar's mutations do. */
export async function enqueueEventChanged(app: TestApp, ...eventIds: string[]): Promise<void> {
  const em = app.em();
  await em.transactional(async (tem) => {
    for (const eventId of eventIds) enqueue(tem, JobName.EventChanged, { eventId });
  });
}

/**
 * Waits until a feed answers 200 with a calendar that satisfies `check` (the worker publishes in
 * the background). One line for an e2e test after a mutation:
 * `await waitForFeed(app, '/calendar.ics', (cal) => cal.events.some((e) => e.uid === uidOf(app, id)))`.
 */
export async function waitForFeed(
  app: TestApp,
  path: string,
  check: (calendar: ParsedCalendar, response: FeedResponse) => boolean,
  timeoutMs = 10_000,
): Promise<FeedResponse> {
  let last: FeedResponse | undefined;
  await waitFor(
    async () => {
      last = await getFeed(app, path);
      return last.calendar !== null && check(last.calendar, last);
    },
    timeoutMs,
    `feed ${path} to show the change`,
  );
  return last!;
}
