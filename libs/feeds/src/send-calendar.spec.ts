import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendCalendar } from './feed-http.handler';

describe('sendCalendar (feeds that are not snapshots)', () => {
  let server: Server;
  let url: string;
  const body = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//DA\r\nEND:VCALENDAR\r\n';

  beforeAll(async () => {
    server = createServer((req, res) => sendCalendar(req, res, body, { fileName: 'mine æ.ics' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers with the calendar, a strong ETag and private caching, then 304 to that ETag', async () => {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="mine--.ics"');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');
  });
});
