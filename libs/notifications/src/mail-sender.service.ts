import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { UnrecoverableError } from 'bullmq';
import MailComposer from 'nodemailer/lib/mail-composer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Client as PgClient } from 'pg';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { MailDeliveryError, MailTransport, type DeliveryGate } from './mail-transport';
import { MailDeliveryStatus } from './mail-delivery.entity';
import type { MailKind } from './mails/mail-kinds';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface OutgoingMail {
  /** What the mail is about, unique for the life of the product: the same key is never sent twice. */
  key: string;
  kind: MailKind;
  to: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  registrationId?: string | null;
  eventId?: string | null;
  offsetMinutes?: number | null;
}

/**
 * Takes the claim row inside the transaction the caller opened; no row back means the key is SENT,
 * SENDING or FAILED. A concurrent claim of the same key waits on its row lock. Every value is a
 * bound parameter.
 */
const CLAIM_SQL = `insert into mail_delivery (id, created_at, updated_at, key, kind, status, recipient, locale, subject,
    registration_id, event_id, offset_minutes, message_id, attempts, claimed_at)
  values ($1, now(), now(), $2, $3, 'SENDING', $4, $5, $6, $7, $8, $9, $10, 1, now())
  on conflict (key) do update set status = 'SENDING', attempts = mail_delivery.attempts + 1, claimed_at = now(),
    updated_at = now(), recipient = excluded.recipient, subject = excluded.subject, last_error = null
  where mail_delivery.status = 'RETRYING'
  returning id`;

interface ConnectionPool {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

const MARK_BATCH = 100;
const MARK_DELAY_MS = 5;

export type SendResult = 'sent' | 'already-sent' | 'failed-before';

/**
 * Sends each mail once per key, and loses none to a crash:
 *
 * 1. A mail whose key is already SENT, SENDING or FAILED is not sent again.
 * 2. The message goes to the server up to its final line. Then the claim (a SENDING row under the
 *    unique key) is inserted in an open transaction; a concurrent run of the same mail waits on
 *    the row lock and then finds the key taken, and abandons its unfinished message.
 * 3. The final line is written, and the COMMIT right after it in the same synchronous run (see
 *    DeliveryGate). A worker killed before leaves neither: the transaction rolls back, the server
 *    drops the unfinished message, and the retried job sends again. Killed after, both left: the
 *    row says SENDING and the retried job does not send. SENDING therefore counts as handed over.
 * 4. The server's 250 marks the row SENT; a 4xx marks it RETRYING and the job retries with
 *    backoff; a 5xx marks it FAILED and the job stops (UnrecoverableError).
 *
 * What remains: a kill in the microseconds between the two writes sends the mail without its
 * record, so the retry sends it again (we prefer a rare duplicate to a loss); a crash between a
 * 4xx answer and the RETRYING update leaves a SENDING row for a mail the server refused.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('MailSender');
  private readonly host: string;
  /** The bare address of MAIL_FROM, for the SMTP envelope. */
  private readonly envelopeFrom: string;
  private readonly marks: { key: string; response: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  private markTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    this.host = new URL(config.http.publicBaseUrl).hostname;
    const [first] = addressparser(config.mail.from, { flatten: true });
    this.envelopeFrom = first?.address || config.mail.from;
  }

  async onApplicationShutdown(): Promise<void> {
    this.flushMarks();
    await this.transport.close();
  }

  get transportDescription(): string {
    return this.transport.description;
  }

  private get knex(): Knex {
    return this.orm.em.getConnection().getKnex();
  }

  /** Status of a key's delivery, or undefined when it was never tried. */
  async statusOf(key: string): Promise<MailDeliveryStatus | undefined> {
    const { rows } = await this.knex.raw<{ rows: { status: MailDeliveryStatus }[] }>('select status from mail_delivery where key = ?', [
      key,
    ]);
    return rows[0]?.status;
  }

  /**
   * Sends `mail` unless its key was sent (or permanently failed) before. Throws a plain Error for a
   * transient failure (the job retries) and UnrecoverableError for a permanent one.
   */
  async send(mail: OutgoingMail, attempt: { final: boolean } = { final: false }): Promise<SendResult> {
    const status = await this.statusOf(mail.key);
    if (status === MailDeliveryStatus.SENT || status === MailDeliveryStatus.SENDING) return 'already-sent';
    if (status === MailDeliveryStatus.FAILED) return 'failed-before';

    const messageId = `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 32)}@${this.host}>`;
    const raw = await this.compose(mail, messageId);
    const gate = this.claimGate(mail, messageId);
    let result;
    try {
      result = await this.transport.send({ from: this.envelopeFrom, to: mail.to }, raw, gate, { key: mail.key, kind: mail.kind });
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      return this.failed(mail, messageId, error, attempt.final);
    }
    if (result.outcome === 'claimed-elsewhere') return 'already-sent';
    const committed = await result.committed.then(
      () => true,
      (error: Error) => {
        this.logger.error(`claim of ${mail.key} did not commit after delivery: ${error.message}`);
        return false;
      },
    );
    const response = result.response.slice(0, 500);
    if (committed) {
      await this.markSent(mail.key, response);
    } else {
      // The server has the mail but its claim is gone: record it afresh so no retry resends it.
      await this.knex.raw(
        `insert into mail_delivery (id, created_at, updated_at, key, kind, status, recipient, locale, subject,
           registration_id, event_id, offset_minutes, message_id, attempts, claimed_at, sent_at, response)
         values (?, now(), now(), ?, ?, 'SENT', ?, ?, ?, ?, ?, ?, ?, 1, now(), now(), ?)
         on conflict (key) do update set status = 'SENT', sent_at = now(), updated_at = now(), response = excluded.response`,
        [
          randomUUID(),
          mail.key,
          mail.kind,
          mail.to,
          mail.locale,
          mail.subject.slice(0, 300),
          mail.registrationId ?? null,
          mail.eventId ?? null,
          mail.offsetMinutes ?? null,
          messageId,
          response,
        ],
      );
    }
    return 'sent';
  }

  /**
   * Marks claimed rows SENT, many in one statement: under load the jobs running side by side share
   * one UPDATE instead of one each. A crash before it lands leaves SENDING, which already means
   * handed over, so nothing is resent.
   */
  private markSent(key: string, response: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.marks.push({ key, response, resolve, reject });
      if (this.marks.length >= MARK_BATCH) this.flushMarks();
      else this.markTimer ??= setTimeout(() => this.flushMarks(), MARK_DELAY_MS);
    });
  }

  private flushMarks(): void {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const batch = this.marks.splice(0);
    if (batch.length === 0) return;
    const pool = this.pool;
    void (async () => {
      const connection = await pool.acquireConnection();
      try {
        await connection.query(
          `update mail_delivery as d set status = 'SENT', sent_at = now(), updated_at = now(), response = v.response
             from unnest($1::text[], $2::text[]) as v(key, response)
            where d.key = v.key and d.status = 'SENDING'`,
          [batch.map((m) => m.key), batch.map((m) => m.response)],
        );
      } finally {
        await pool.releaseConnection(connection);
      }
    })().then(
      () => batch.forEach((m) => m.resolve()),
      (error: Error) => batch.forEach((m) => m.reject(error)),
    );
  }

  /** knex's connection pool: claims and marks drive pg connections directly (see claimGate). */
  private get pool(): ConnectionPool {
    const client: unknown = this.knex.client;
    return client as ConnectionPool;
  }

  private async failed(mail: OutgoingMail, messageId: string, error: MailDeliveryError, finalAttempt: boolean): Promise<never> {
    const giveUp = error.permanent || finalAttempt;
    const status = giveUp ? MailDeliveryStatus.FAILED : MailDeliveryStatus.RETRYING;
    const text = error.permanent || !finalAttempt ? error.message : `gave up after the last attempt: ${error.message}`;
    if (error.claimCommitted) {
      // Rejected after the final line: the claim row exists (or is committing); turn it into the outcome.
      await error.claimCommitted.catch(() => undefined);
      await this.knex.raw(
        `update mail_delivery set status = ?, last_error = ?, failed_at = case when ? then now() else failed_at end, updated_at = now()
          where key = ? and status = 'SENDING'`,
        [status, text, giveUp, mail.key],
      );
    } else {
      await this.knex.raw(
        `insert into mail_delivery (id, created_at, updated_at, key, kind, status, recipient, locale, subject,
           registration_id, event_id, offset_minutes, message_id, attempts, last_error, failed_at)
         values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, case when ? then now() end)
         on conflict (key) do update set status = excluded.status, attempts = mail_delivery.attempts + 1,
           last_error = excluded.last_error, failed_at = excluded.failed_at, updated_at = now()
         where mail_delivery.status = 'RETRYING'`,
        [
          randomUUID(),
          mail.key,
          mail.kind,
          status,
          mail.to,
          mail.locale,
          mail.subject.slice(0, 300),
          mail.registrationId ?? null,
          mail.eventId ?? null,
          mail.offsetMinutes ?? null,
          messageId,
          text,
          giveUp,
        ],
      );
    }
    if (error.permanent) throw new UnrecoverableError(`mail ${mail.key} to ${mail.to} refused: ${error.message}`);
    throw new Error(`mail ${mail.key} not delivered yet: ${error.message}`);
  }

  /**
   * The claim runs on a connection of its own from the pool, driven directly, because its COMMIT
   * must leave synchronously right after the message's final line (see DeliveryGate).
   */
  private claimGate(mail: OutgoingMail, messageId: string): DeliveryGate {
    const pool = this.knex.client as unknown as {
      acquireConnection(): Promise<PgClient>;
      releaseConnection(c: PgClient): Promise<unknown>;
    };
    let connection: PgClient | undefined;
    const release = async (how: 'COMMIT' | 'ROLLBACK', promise?: Promise<unknown>) => {
      const c = connection!;
      connection = undefined;
      try {
        await (promise ?? c.query(how));
      } finally {
        await pool.releaseConnection(c);
      }
    };
    return {
      claim: async () => {
        connection = await pool.acquireConnection();
        try {
          const c = connection;
          // Queued together: pg sends the insert as soon as the begin is answered, its values bound.
          const [, claimed] = await Promise.all([
            c.query('begin'),
            c.query(CLAIM_SQL, [
              randomUUID(),
              mail.key,
              mail.kind,
              mail.to,
              mail.locale,
              mail.subject.slice(0, 300),
              mail.registrationId ?? null,
              mail.eventId ?? null,
              mail.offsetMinutes === null || mail.offsetMinutes === undefined ? null : Math.trunc(mail.offsetMinutes),
              messageId,
            ]),
          ]);
          if (claimed.rowCount) return true;
        } catch (error) {
          await release('ROLLBACK').catch(() => undefined);
          throw error;
        }
        await release('ROLLBACK');
        return false;
      },
      // pg writes the query to its socket inside query(): nothing runs between the final line and this.
      commit: () => release('COMMIT', connection!.query('commit')),
      release: () => release('ROLLBACK'),
    };
  }

  private compose(mail: OutgoingMail, messageId: string): Promise<Buffer> {
    return new MailComposer({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      date: new Date(),
      headers: {
        // RFC 3834: no vacation replies or other auto-answers to these.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'Content-Language': mail.locale,
        'X-Mangfold-Kind': mail.kind,
      },
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    })
      .compile()
      .build();
  }
}
