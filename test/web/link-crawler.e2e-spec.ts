import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anchorHrefs, checkLinks, crawlSite } from '../utils';

/** The crawler itself, on a tiny site whose dead links are known, so a clean crawl elsewhere means something. */
describe('the link crawler', () => {
  let server: Server;
  let url: string;
  const pages: Record<string, { status: number; html?: string; location?: string }> = {
    '/': {
      status: 200,
      html: `<a href="/ok">ok</a> <a class="x" href="/gone">gone</a> <a href="/moved">moved</a> <a href="/to-gone">to gone</a>
             <a href="/deeper?a=1&amp;b=2">deeper</a> <a href="https://elsewhere.example/">other host</a> <a href="mailto:x@example.org">mail</a>
             <a href="webcal://host/cal.ics">webcal</a> <a href="/skipped/page">skipped</a> <a href="/ok#section">anchor</a>`,
    },
    '/ok': { status: 200, html: '<p>ok</p>' },
    '/moved': { status: 301, location: '/ok' },
    '/to-gone': { status: 302, location: '/gone' },
    '/deeper': { status: 200, html: '<a href="/gone-deeper">x</a> <a href="/gone">y</a>' },
    '/en/page': { status: 200, html: '<!doctype html><html lang="en"><h1 id="top">English</h1><a href="/gone-from-landed">x</a></html>' },
    '/da/page': { status: 200, html: '<!doctype html><html lang="da"><h1>Dansk</h1></html>' },
    '/absolute': { status: 302, location: 'http://public.example/en/page' },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url!, 'http://localhost');
      const page = pages[u.pathname];
      if (u.pathname === '/deeper' && u.search !== '?a=1&b=2') return void res.writeHead(400).end();
      if (u.pathname === '/private') {
        const ok = req.headers.cookie === 'session=s3cret';
        res.writeHead(ok ? 200 : 303, ok ? { 'content-type': 'text/html' } : { location: '/login-required' });
        return void res.end(ok ? '<html lang="en"><p>mine</p></html>' : '');
      }
      if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not found</p>');
      res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', ...(page.location ? { location: page.location } : {}) });
      res.end(page.html ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads hrefs from HTML and decodes entities', () => {
    expect(anchorHrefs('<a id="a" href="/x?y=1&amp;z=&quot;2&quot;">x</a><a name="n">no href</a>')).toEqual(['/x?y=1&z="2"']);
  });

  it('reports each dead link with the pages it was found on, follows redirects, and leaves other hosts, schemes and exclusions alone', async () => {
    const result = await crawlSite(url, ['/'], { exclude: (path) => path.startsWith('/skipped/') });
    expect(result.dead).toEqual([
      { url: `${url}/gone`, status: 404, foundOn: ['/'] },
      { url: `${url}/to-gone`, status: 404, foundOn: ['/'] },
    ]);
    expect(result.checked).toEqual([`${url}/`, `${url}/ok`, `${url}/gone`, `${url}/moved`, `${url}/to-gone`, `${url}/deeper?a=1&b=2`]);
  });

  it('follows links on the pages it finds when asked, naming every page a dead link is on', async () => {
    const result = await crawlSite(url, ['/'], { follow: true, exclude: (path) => path.startsWith('/skipped/') });
    expect(result.dead).toEqual([
      { url: `${url}/gone`, status: 404, foundOn: ['/', '/deeper?a=1&b=2'] },
      { url: `${url}/to-gone`, status: 404, foundOn: ['/'] },
      { url: `${url}/gone-deeper`, status: 404, foundOn: ['/deeper?a=1&b=2'] },
    ]);
  });

  it('checks links collected elsewhere (feeds, mails) without reading the pages they lead to', async () => {
    const result = await checkLinks(url, [
      { url: `${url}/deeper?a=1&b=2`, foundOn: 'mail: confirmation' },
      { url: `${url}/nowhere`, foundOn: 'feed: all.ics' },
    ]);
    expect(result.dead).toEqual([{ url: `${url}/nowhere`, status: 404, foundOn: ['feed: all.ics'] }]);
    expect(result.checked).toHaveLength(2);
  });

  it('holds collected links to the language and #fragment of the page they land on, and reads the landed pages when asked', async () => {
    const result = await checkLinks(
      url,
      [
        { url: `${url}/en/page#top`, foundOn: 'mail: reset (en)', lang: 'en' },
        { url: `${url}/da/page`, foundOn: 'mail: reset (en)', lang: 'en' },
        { url: `${url}/da/page#feedback`, foundOn: 'mail: feedback (da)', lang: 'da' },
      ],
      { readLanded: true },
    );
    expect(result.dead).toEqual([
      {
        url: `${url}/da/page`,
        status: 200,
        foundOn: ['mail: reset (en)', 'mail: feedback (da)'],
        problem: 'lands on a page in da, expected en; the page has no element with id "feedback"',
      },
      { url: `${url}/gone-from-landed`, status: 404, foundOn: ['/en/page'] },
    ]);
  });

  it('fetches links written with the public base URL from the app, and sends the session cookie when given one', async () => {
    const links = [
      { url: 'http://public.example/en/page', foundOn: 'feed' },
      { url: 'http://public.example/absolute', foundOn: 'feed' },
      { url: 'http://public.example/private', foundOn: 'mail' },
    ];
    const anonymous = await checkLinks(url, links, { publicBaseUrl: 'http://public.example' });
    expect(anonymous.checked).toEqual([`${url}/en/page`, `${url}/absolute`, `${url}/private`]);
    expect(anonymous.dead).toEqual([{ url: `${url}/private`, status: 404, foundOn: ['mail'] }]);
    const withSession = await checkLinks(url, links, { publicBaseUrl: 'http://public.example', cookie: 'session=s3cret' });
    expect(withSession.dead).toEqual([]);
  });
});
