import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';

/*
 * The baseline of the reminders benchmark, in a process of its own like the worker: nodemailer
 * alone (pooled SMTP, the same number of connections) sending the same mails to the same sink.
 * Prints the milliseconds from its first send to its last 250.
 */
interface BaselineMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

async function main(): Promise<void> {
  const [file, url, connections] = process.argv.slice(2);
  const mails = JSON.parse(readFileSync(file, 'utf8')) as BaselineMail[];
  const target = new URL(url);
  const transport = nodemailer.createTransport({
    host: target.hostname,
    port: Number(target.port),
    pool: true,
    maxConnections: Number(connections),
    maxMessages: Infinity,
    // As the worker's transport does: no Nagle delay on the message's final line.
    getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
      const socket = connect(Number(target.port), target.hostname);
      socket.setNoDelay(true);
      socket.once('error', (error) => callback(error));
      socket.once('connect', () => callback(null, { connection: socket }));
    },
  } as never);
  const started = Date.now();
  let next = 0;
  // As many in flight as the worker runs jobs; the pool queues the rest.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < mails.length) await transport.sendMail(mails[next++]);
    }),
  );
  process.stdout.write(`${Date.now() - started}\n`);
  transport.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
