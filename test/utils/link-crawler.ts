/**
 * Follows links the way a person (or a search engine) would and reports every one that does not
 * end in a 200: the link crawler of WEB.md. Start it from pages, or hand it links collected from
 * feeds or mails with `checkLinks`; each dead link names where it was found.
 */

export interface DeadLink {
  /** The link as absolute URL. */
  url: string;
  /** The final status (after redirects), or 0 when the request failed. */
  status: number;
  /** Where the link was found (a page path, or a label such as "feed all.ics"). */
  foundOn: string[];
}

export interface CrawlOptions {
  /** Paths (without query) whose links are not followed or checked, e.g. pages another branch builds. */
  exclude?: (path: string) => boolean;
  /** Follow links on the pages found (same host, HTML), up to maxPages pages in all; default false. */
  follow?: boolean;
  maxPages?: number;
  /** Redirects followed per link before giving up; default 5. */
  maxRedirects?: number;
}

export interface CrawlResult {
  /** Every URL checked, in the order first seen. */
  checked: string[];
  dead: DeadLink[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The href of every <a> in server-rendered HTML, decoded. */
export function anchorHrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?\bhref\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1]));
}

/** Fetches a URL, following redirects by hand so that every hop stays checked; returns the final response. */
async function resolve(
  url: string,
  maxRedirects: number,
): Promise<{ status: number; finalUrl: string; body: string | null; type: string }> {
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', headers: { accept: 'text/html,*/*' } });
    } catch {
      return { status: 0, finalUrl: current, body: null, type: '' };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      current = new URL(location, current).toString();
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    const body = type.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), null);
    return { status: res.status, finalUrl: current, body, type };
  }
  return { status: 0, finalUrl: current, body: null, type: '' };
}

/**
 * Checks links found somewhere (feeds, mails): those on `appUrl`'s host are fetched; links to other
 * hosts and non-http schemes (mailto:, webcal:) are not this crawler's business and are skipped.
 */
export async function checkLinks(
  appUrl: string,
  links: { url: string; foundOn: string }[],
  options: CrawlOptions = {},
): Promise<CrawlResult> {
  return crawl(appUrl, links, { ...options, follow: false });
}

/** Crawls from `startPaths` on the app: every same-host <a href> on them (and, with follow, on the pages they lead to) must answer 200. */
export async function crawlSite(appUrl: string, startPaths: string[], options: CrawlOptions = {}): Promise<CrawlResult> {
  return crawl(
    appUrl,
    startPaths.map((path) => ({ url: new URL(path, appUrl).toString(), foundOn: '(start)' })),
    options,
  );
}

async function crawl(appUrl: string, seeds: { url: string; foundOn: string }[], options: CrawlOptions): Promise<CrawlResult> {
  const origin = new URL(appUrl).origin;
  const maxPages = options.maxPages ?? 500;
  const maxRedirects = options.maxRedirects ?? 5;
  const foundOn = new Map<string, Set<string>>();
  const queue: string[] = [];
  const checked: string[] = [];
  const dead: DeadLink[] = [];
  const failed = new Map<string, number>();
  let pagesRead = 0;

  const enqueue = (raw: string, where: string, base: string) => {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      dead.push({ url: raw, status: 0, foundOn: [where] });
      return;
    }
    if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
    if (options.exclude?.(url.pathname)) return;
    url.hash = '';
    const key = url.toString();
    const seen = foundOn.get(key);
    if (seen) return void seen.add(where);
    foundOn.set(key, new Set([where]));
    queue.push(key);
  };
  for (const seed of seeds) enqueue(seed.url, seed.foundOn, appUrl);

  while (queue.length) {
    const url = queue.shift()!;
    checked.push(url);
    const result = await resolve(url, maxRedirects);
    if (result.status !== 200) {
      failed.set(url, result.status);
      continue;
    }
    const isStart = foundOn.get(url)!.has('(start)');
    if (result.body !== null && (isStart || options.follow) && pagesRead < maxPages) {
      pagesRead++;
      const where = new URL(url).pathname + new URL(url).search;
      for (const href of anchorHrefs(result.body)) enqueue(href, where, result.finalUrl);
    }
  }
  // Built at the end, so each dead link names every page it was found on, also those read after it failed.
  for (const [url, status] of failed) dead.push({ url, status, foundOn: [...foundOn.get(url)!] });
  return { checked, dead };
}
