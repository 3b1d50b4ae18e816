import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

export interface Envelope {
  from: string;
  to: string;
}

/**
 * How a transport makes the send record and the handover of the message one step. `claim` runs
 * once the server holds the whole message but its final line; `commit` is called right after the
 * final line was written to the socket, in the same synchronous run, and must write its COMMIT
 * before it returns. A crash then either loses both (the claim rolls back; the server drops the
 * unfinished message) or keeps both. Only a kill in the microseconds between the two writes
 * splits them, and then the mail went out without a record: a retry sends it again.
 */
export interface DeliveryGate {
  /** Record the claim in an open transaction; false when another run holds or finished it. */
  claim(): Promise<boolean>;
  /** Commit the claim; must write the COMMIT synchronously (called right after the final line). */
  commit(): Promise<void>;
  /** Roll the claim back: the message was not handed over. */
  release(): Promise<void>;
}

export type DeliveryResult = { outcome: 'delivered'; response: string; committed: Promise<void> } | { outcome: 'claimed-elsewhere' };

/** A failed delivery: `permanent` for 5xx answers; `claimCommitted` when it failed after the claim was committed. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly claimCommitted: Promise<void> | undefined,
    readonly responseCode: number | undefined,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export abstract class MailTransport {
  abstract readonly description: string;
  /** `ref` names the mail (its send key and kind) for transports that store it. */
  abstract send(envelope: Envelope, raw: Buffer, gate: DeliveryGate, ref: { key: string; kind: string }): Promise<DeliveryResult>;
  abstract close(): Promise<void>;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

function isPermanent(error: SmtpError): boolean {
  // 5xx is the server's final word on this message; an authentication failure is ours to fix, so it retries.
  return error.code !== 'EAUTH' && error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode < 600;
}

function describeError(error: SmtpError): string {
  const response = error.response?.trim();
  return response ? `${error.code ?? 'ERROR'}: ${response}` : `${error.code ?? 'ERROR'}: ${error.message}`;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface PooledConnection {
  connection: SMTPConnection;
  alive: boolean;
  messages: number;
  idleTimer?: NodeJS.Timeout;
}

/**
 * SMTP over a small pool of persistent connections (nodemailer's SMTPConnection). Options come
 * from SMTP_URL as nodemailer reads them: smtps:// for implicit TLS, and query parameters for the
 * rest, e.g. `?requireTLS=true&tls.rejectUnauthorized=false&pool=8`.
 */
export class SmtpTransport extends MailTransport {
  readonly description: string;
  private readonly logger = new Logger('SmtpTransport');
  private readonly options: SMTPConnection.Options & { auth?: { user: string; pass: string } };
  private readonly size: number;
  private readonly maxMessages: number;
  private readonly idle: PooledConnection[] = [];
  private readonly waiters: (() => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(url: string) {
    super();
    const parsed = parseConnectionUrl(url) as SMTPConnection.Options & {
      auth?: { user: string; pass: string };
      pool?: number | boolean;
      maxMessages?: number;
    };
    const { pool, maxMessages, ...options } = parsed;
    this.size = typeof pool === 'number' && pool > 0 ? Math.min(pool, 50) : 5;
    this.maxMessages = typeof maxMessages === 'number' && maxMessages > 0 ? maxMessages : 1_000;
    this.options = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000, ...options };
    const u = new URL(url);
    this.description = `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''} (${this.size} connections)`;
  }

  async send(envelope: Envelope, raw: Buffer, gate: DeliveryGate): Promise<DeliveryResult> {
    const pooled = await this.acquire();
    let reusable = false;
    try {
      const result = await this.sendOn(pooled, envelope, raw, gate);
      reusable = result.outcome === 'delivered';
      return result;
    } finally {
      // After any failure the connection is dropped: a fresh one costs little, a confused session a lot.
      if (reusable && ++pooled.messages < this.maxMessages) this.release(pooled);
      else this.discard(pooled);
    }
  }

  private sendOn(pooled: PooledConnection, envelope: Envelope, raw: Buffer, gate: DeliveryGate): Promise<DeliveryResult> {
    return new Promise<DeliveryResult>((resolvePromise, rejectPromise) => {
      let phase: 'envelope' | 'body' | 'claiming' | 'final' | 'settled' = 'envelope';
      let claim: Promise<boolean> | undefined;
      let committed: Promise<void> | undefined;
      const settle = (fn: () => void) => {
        if (phase === 'settled') return;
        phase = 'settled';
        fn();
      };
      const message = new Readable({
        read() {
          if (phase === 'envelope') {
            // The server said 354: it takes the message now. Hand over all of it but the final line.
            phase = 'body';
            message.push(raw);
            return;
          }
          if (phase !== 'body') return;
          // Asked for more: the whole body has left for the server. Now claim, then end.
          phase = 'claiming';
          claim = gate.claim();
          claim.then(
            (ok) => {
              if (phase !== 'claiming') {
                if (ok) void gate.release().catch(() => undefined);
                return;
              }
              if (!ok) {
                settle(() => resolvePromise({ outcome: 'claimed-elsewhere' }));
                message.destroy();
                return;
              }
              phase = 'final';
              // The pipe's own 'end' listener came first: by the time this one runs, the final line is
              // in the socket. The COMMIT follows in the same synchronous run, microseconds later.
              message.once('end', () => {
                if (phase !== 'final') return;
                committed = gate.commit();
                // Observed by the caller; this handler only keeps an early failure from going unhandled.
                committed.catch(() => undefined);
              });
              message.push(null);
            },
            (error: Error) => {
              settle(() => rejectPromise(error));
              message.destroy();
            },
          );
        },
      });
      pooled.connection.send({ from: envelope.from, to: [envelope.to] }, message, (error, info) => {
        if (phase === 'settled') return;
        if (error) {
          const smtpError = error as SmtpError;
          const afterClaim = phase === 'final' ? committed : undefined;
          if (phase === 'final' && !committed) {
            // Failed before the final line left: the claim is still open, undo it.
            void gate.release().catch(() => undefined);
          }
          if (phase === 'claiming') {
            // The connection failed while the claim was being written: undo it once it lands.
            const pending = claim;
            void pending?.then((ok) => (ok ? gate.release() : undefined)).catch(() => undefined);
          }
          settle(() =>
            rejectPromise(new MailDeliveryError(describeError(smtpError), isPermanent(smtpError), afterClaim, smtpError.responseCode)),
          );
          return;
        }
        settle(() => resolvePromise({ outcome: 'delivered', response: info.response, committed: committed ?? Promise.resolve() }));
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pooled of this.idle.splice(0)) {
      clearTimeout(pooled.idleTimer);
      pooled.connection.quit();
    }
  }

  private async acquire(): Promise<PooledConnection> {
    for (;;) {
      if (this.closed) throw new MailDeliveryError('the mail transport is shut down', false, undefined, undefined);
      const idle = this.idle.pop();
      if (idle) {
        clearTimeout(idle.idleTimer);
        if (idle.alive) return idle;
        this.open--;
        continue;
      }
      if (this.open < this.size) {
        this.open++;
        try {
          return await this.connect();
        } catch (error) {
          this.open--;
          this.waiters.shift()?.();
          const smtpError = error as SmtpError;
          throw new MailDeliveryError(describeError(smtpError), isPermanent(smtpError), undefined, smtpError.responseCode);
        }
      }
      const turn = deferred<void>();
      this.waiters.push(() => turn.resolve());
      await turn.promise;
    }
  }

  private release(pooled: PooledConnection): void {
    if (!pooled.alive) return this.discard(pooled);
    // An idle connection is closed after a while, before the server drops it for us.
    pooled.idleTimer = setTimeout(() => {
      const i = this.idle.indexOf(pooled);
      if (i >= 0) this.idle.splice(i, 1);
      this.open--;
      pooled.alive = false;
      pooled.connection.quit();
    }, 15_000);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
    this.waiters.shift()?.();
  }

  private discard(pooled: PooledConnection): void {
    clearTimeout(pooled.idleTimer);
    pooled.alive = false;
    pooled.connection.close();
    this.open--;
    this.waiters.shift()?.();
  }

  private connect(): Promise<PooledConnection> {
    const connection = new SMTPConnection(this.options);
    const pooled: PooledConnection = { connection, alive: true, messages: 0 };
    // Errors reach the send callbacks; this listener only keeps a dropped idle connection from crashing the process.
    connection.on('error', (error: Error) => {
      pooled.alive = false;
      this.logger.debug(`SMTP connection error: ${error.message}`);
    });
    connection.on('end', () => (pooled.alive = false));
    return new Promise((resolvePromise, rejectPromise) => {
      connection.connect((error) => {
        if (error) return rejectPromise(error);
        // SMTP is a dialogue of small writes: with Nagle's algorithm on, the message's final line
        // waits for the server's delayed ACK of the body (40 ms a mail on Linux).
        (connection as unknown as { _socket?: { setNoDelay?: (on: boolean) => void } })._socket?.setNoDelay?.(true);
        const auth = this.options.auth;
        if (!auth?.user) return resolvePromise(pooled);
        connection.login({ user: auth.user, pass: auth.pass }, (loginError) => {
          if (loginError) {
            connection.close();
            return rejectPromise(loginError);
          }
          resolvePromise(pooled);
        });
      });
    });
  }
}

/**
 * Without SMTP_URL, every mail becomes an .eml file in the outbox directory. The file name comes
 * from the send key, so a retried job rewrites the same file instead of adding a second one.
 */
export class FileTransport extends MailTransport {
  readonly description: string;
  private ready: Promise<string | undefined> | undefined;

  constructor(private readonly dir: string) {
    super();
    this.description = `.eml files in ${resolve(dir)}`;
  }

  async send(envelope: Envelope, raw: Buffer, gate: DeliveryGate, ref: { key: string; kind: string }): Promise<DeliveryResult> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    if (!(await gate.claim())) return { outcome: 'claimed-elsewhere' };
    const name = `${ref.kind}-${createHash('sha256').update(ref.key).digest('hex').slice(0, 20)}.eml`;
    const target = join(this.dir, name);
    try {
      await writeFile(`${target}.tmp`, raw);
      await rename(`${target}.tmp`, target);
    } catch (error) {
      await gate.release().catch(() => undefined);
      throw new MailDeliveryError(`cannot write ${target}: ${(error as Error).message}`, false, undefined, undefined);
    }
    const committed = gate.commit();
    committed.catch(() => undefined);
    return { outcome: 'delivered', response: `written to ${target} for ${envelope.to}`, committed };
  }

  async close(): Promise<void> {}
}
