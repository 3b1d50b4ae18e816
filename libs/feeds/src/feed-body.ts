import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

/** A rendered body ready to store: bytes, gzip (stored so, a sixth of the bytes to write and read) and ETag. */
export interface PreparedBody {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  eventCount: number;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
// Fast compression: it sits between an edit and the feed serving it.
const GZIP_LEVEL = 1;

/** The rendered text of a feed, as `prepare` takes it. */
interface Rendered {
  body: string;
  eventCount: number;
}

export async function prepare(rendered: Rendered): Promise<PreparedBody> {
  const body = Buffer.from(rendered.body, 'utf8');
  return { body, gzip: await gzipAsync(body, { level: GZIP_LEVEL }), etag: etagOf(body), eventCount: rendered.eventCount };
}

/** Strong ETag: a hash of the exact bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** The text of a stored gzip. */
export async function gunzipBody(gzipped: Buffer): Promise<Buffer> {
  return gunzipAsync(gzipped);
}
