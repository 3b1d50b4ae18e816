import { EventEmitter } from 'node:events';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client, type Notification } from 'pg';

/** The channel of the `announce_change` triggers (migration page_changes); the payload is the table's name. */
export const CHANGES_CHANNEL = 'mangfold_changes';

/** A changed table, or null when changes may have gone unheard (a listener reconnected): assume anything changed. */
export type ChangeListener = (table: string | null) => void;

type PoolConnection = Client & { processID: number | null };

const RECONNECT_MS = 1_000;

/**
 * Committed changes to the tables the public pages show, as PostgreSQL announces them (the
 * `announce_change` triggers NOTIFY on every write, whoever makes it), for in-memory copies that
 * must never outlive the rows they were made from.
 *
 * - Changes made by this process are heard before the write's own COMMIT (or auto-committed
 *   statement) returns: every connection of the ORM's pool LISTENs, and PostgreSQL hands a
 *   session its own notifications at commit, ahead of the ReadyForQuery that completes the
 *   statement. So the next request after a write, in the process that made it, always sees it.
 * - Changes made elsewhere (another api, the worker, psql) reach one dedicated listening connection
 *   (`listen()`), a few milliseconds after their commit. While it is disconnected nothing is heard,
 *   so every (re)connection reports `null`: copies made meanwhile are dropped.
 *
 * The embedded PGlite serves all clients from one session and hands a notification only to the
 * client whose statement raised it: there, changes made by other processes are not heard at all,
 * and the copies' own lifetime is the bound.
 */
export class DatabaseChanges implements OnModuleDestroy {
  private readonly logger = new Logger('DatabaseChanges');
  private readonly emitter = new EventEmitter();
  /** Backend ids of this process's pool connections: the listener leaves their notifications to them. */
  private readonly ownBackends = new Set<number>();
  private listener: Client | undefined;
  private url: string | undefined;
  private retry: NodeJS.Timeout | undefined;
  private first: Promise<void> | undefined;
  private closed = false;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Calls `listener` for every change heard; returns a function that stops it. */
  subscribe(listener: ChangeListener): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /**
   * The pool's `afterCreate`: the new connection listens, and reports the notifications of its own
   * transactions (those of other backends reach the dedicated listener, which outlives idle pool
   * connections).
   */
  readonly afterCreate = (connection: PoolConnection, done: (error: Error | null, connection: PoolConnection) => void): void => {
    const backend = connection.processID;
    if (backend !== null) this.ownBackends.add(backend);
    connection.on('notification', (n: Notification) => {
      if (n.channel === CHANGES_CHANNEL && n.processId === backend) this.emit(n.payload ?? null);
    });
    connection.once('end', () => {
      if (backend !== null) this.ownBackends.delete(backend);
    });
    connection.query(`listen ${CHANGES_CHANNEL}`).then(
      () => done(null, connection),
      (error: Error) => done(error, connection),
    );
  };

  /**
   * Starts hearing changes made by other processes (once; reconnects until `onModuleDestroy`).
   * Resolves when the first connection listens (or has failed to): a copy read after that can
   * only miss a change if the connection drops, and then it is told.
   */
  listen(url: string | undefined): Promise<void> {
    if (!url) return Promise.resolve();
    this.first ??= new Promise<void>((settled) => {
      this.url = url;
      this.connect(settled);
    });
    return this.first;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private connect(settled?: () => void): void {
    if (this.closed || !this.url) return settled?.();
    const client = new Client({ connectionString: this.url, application_name: 'mangfold-changes' });
    this.listener = client;
    client.on('notification', (n: Notification) => {
      if (n.channel === CHANGES_CHANNEL && !this.ownBackends.has(n.processId)) this.emit(n.payload ?? null);
    });
    client.on('error', (error: Error) => this.logger.warn(`change listener: ${error.message}`));
    client.once('end', () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.emit(null);
      this.reconnectLater();
    });
    client
      .connect()
      .then(() => client.query(`listen ${CHANGES_CHANNEL}`))
      // Whatever was announced before this connection listened went unheard.
      .then(() => this.emit(null))
      .then(settled)
      .catch((error: Error) => {
        settled?.();
        this.logger.warn(`cannot listen for changes: ${error.message}`);
        if (this.listener === client) {
          this.listener = undefined;
          this.reconnectLater();
        }
        void client.end().catch(() => undefined);
      });
  }

  private reconnectLater(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => this.connect(), RECONNECT_MS);
    this.retry.unref();
  }

  private emit(table: string | null): void {
    this.emitter.emit('change', table);
  }
}
