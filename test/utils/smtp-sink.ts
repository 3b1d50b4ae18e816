import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface SinkMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
  receivedAt: Date;
}

/** What the sink answers to the next messages; unset means 250. */
export type SinkResponse = { code: number; message: string };

/**
 * A real SMTP server for tests: receives over loopback, parses with mailparser, and can answer
 * with scripted failures (421 transient, 550 permanent) to exercise retries.
 */
export class SmtpSink {
  readonly mails: SinkMail[] = [];
  /** Messages the client abandoned before their final line. */
  aborted = 0;
  private readonly script: SinkResponse[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => void this.receive(stream, session, callback),
    });
    // A client that dies mid-session (a killed worker) resets its connection; a real server shrugs too.
    this.server.on('error', () => undefined);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next messages get these answers, in order, before the sink accepts again. */
  respondWith(...responses: SinkResponse[]): void {
    this.script.push(...responses);
  }

  /** Resolves once `count` mails in total have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 20_000): Promise<SinkMail[]> {
    if (this.mails.length >= count) return Promise.resolve(this.mails);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.mails.length} of ${count} mails arrived within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.mails);
        },
      });
    });
  }

  to(address: string): SinkMail[] {
    return this.mails.filter((m) => m.envelope.to.includes(address.toLowerCase()));
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): Promise<void> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch {
      // The client went away before the final line (a killed worker, an aborted send): no message, as with a real server.
      this.aborted++;
      return;
    }
    const scripted = this.script.shift();
    if (scripted) {
      const error = new Error(scripted.message) as Error & { responseCode: number };
      error.responseCode = scripted.code;
      callback(error);
      return;
    }
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    this.mails.push({
      envelope: { from, to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()) },
      raw,
      parsed,
      receivedAt: new Date(),
    });
    callback();
    this.waiters = this.waiters.filter((w) => {
      if (this.mails.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}
