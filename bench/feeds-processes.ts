import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { AppConfig } from '@mangfold/config';
import { startEmbeddedPostgres } from '@mangfold/db';
import { createApiApp } from '../apps/api/src/create-api-app';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';

/*
 * The processes of the feeds benchmark, each forked with an IPC channel so the servers get a core
 * of their own and autocannon (in the parent) never shares their event loop:
 *   api <config json>            the real api, as main.ts runs it
 *   worker <config json>         the real worker
 *   bare <body file>             a bare node:http server answering the same bytes and headers
 *   apollo <schema> <data>       a standalone @apollo/server resolving a captured response from memory
 *   pglite <data dir>            the embedded PostgreSQL of `npm start` (sends { url })
 * Each sends { port } (or { ready }) to the parent once it listens.
 */
async function main(): Promise<void> {
  const [mode, arg, arg2] = process.argv.slice(2);
  const send = (message: object) => process.send?.(message);
  if (mode === 'api') {
    const app = await createApiApp(JSON.parse(arg) as AppConfig);
    await app.listen(0, '127.0.0.1');
    send({ port: (app.getHttpServer().address() as AddressInfo).port });
  } else if (mode === 'worker') {
    await createWorkerApp(JSON.parse(arg) as AppConfig);
    send({ ready: true });
  } else if (mode === 'bare') {
    const body = readFileSync(arg);
    const { headers, notModifiedHeaders } = JSON.parse(readFileSync(`${arg}.json`, 'utf8')) as {
      headers: OutgoingHttpHeaders;
      notModifiedHeaders: OutgoingHttpHeaders;
    };
    const etag = headers.etag as string;
    const server = createServer((req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, notModifiedHeaders).end();
      else res.writeHead(200, headers).end(body);
    });
    server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }));
  } else if (mode === 'apollo') {
    // The api's own SDL; the root field answers the captured data and default resolvers read the rest.
    const data = JSON.parse(readFileSync(arg2, 'utf8')) as { events: unknown };
    const server = new ApolloServer({ typeDefs: readFileSync(arg, 'utf8'), resolvers: { Query: { events: () => data.events } } });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    send({ port: Number(new URL(url).port) });
  } else if (mode === 'pglite') {
    // As the launcher runs it: in a process of its own, apart from the api.
    const pg = await startEmbeddedPostgres({ dataDir: arg });
    process.once('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
    send({ url: pg.url });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
