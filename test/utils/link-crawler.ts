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
  /** Why a link that answered 200 still fails: it lands in the wrong language, or its #fragment is not on the page. */
  problem?: string;
}

/** A link collected somewhere; `lang` is the language the page it lands on must be in (`<html lang>`; not checked for feeds and files). */
export interface FoundLink {
  url: string;
  foundOn: string;
  lang?: string;
}

export interface CrawlOptions {
  /** Paths (without query) whose links are not followed or checked, e.g. pages another branch builds. */
  exclude?: (path: string) => boolean;
  /** Follow links on the pages found (same host, HTML), up to maxPages pages in all; default false. */
  follow?: boolean;
  maxPages?: number;
  /** Redirects followed per link before giving up; default 5. */
  maxRedirects?: number;
  /**
   * The base the app writes its links with (PUBLIC_BASE_URL) when it is not where the app listens:
   * links and redirects to it are fetched from the app instead.
   */
  publicBaseUrl?: string;
  /** A Cookie header sent with every request: a portal session, to follow links as its holder. */
  cookie?: string;
  /** checkLinks only: also check the links on the pages the given links land on (one level, not followed further). */
  readLanded?: boolean;
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

/** The language a page declares on its root element, or null. */
export function htmlLang(html: string): string | null {
  return /<html\b[^>]*?\blang\s*=\s*"([^"]*)"/i.exec(html)?.[1] ?? null;
}

interface Resolved {
  status: number;
  finalUrl: string;
  body: string | null;
}

/** Fetches a URL, following redirects by hand so that every hop stays checked; returns the final response. */
async function resolve(url: string, options: CrawlOptions, toApp: (url: string) => string): Promise<Resolved> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    let res: Response;
    try {
      const headers: Record<string, string> = { accept: 'text/html,*/*' };
      if (options.cookie) headers.cookie = options.cookie;
      res = await fetch(current, { redirect: 'manual', headers });
    } catch {
      return { status: 0, finalUrl: current, body: null };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      current = toApp(new URL(location, current).toString());
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    const body = type.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), null);
    return { status: res.status, finalUrl: current, body };
  }
  return { status: 0, finalUrl: current, body: null };
}

/**
 * Checks links found somewhere (feeds, mails): those on `appUrl`'s host (or `publicBaseUrl`'s) are
 * fetched; links to other hosts and non-http schemes (mailto:, webcal:) are not this crawler's
 * business and are skipped. A link with `lang` must land on a page in that language, and one with a
 * #fragment on a page that has an element with that id.
 */
export async function checkLinks(appUrl: string, links: FoundLink[], options: CrawlOptions = {}): Promise<CrawlResult> {
  return crawl(appUrl, links, { ...options, follow: false }, { readSeeds: options.readLanded ?? false, expect: true });
}

/** Crawls from `startPaths` on the app: every same-host <a href> on them (and, with follow, on the pages they lead to) must answer 200. */
export async function crawlSite(appUrl: string, startPaths: string[], options: CrawlOptions = {}): Promise<CrawlResult> {
  return crawl(
    appUrl,
    startPaths.map((path) => ({ url: new URL(path, appUrl).toString(), foundOn: '(start)' })),
    options,
    { readSeeds: true, expect: false },
  );
}

interface Expectation {
  langs: Set<string>;
  fragments: Set<string>;
}

/** What a 200 page fails of what the links to it expect, or null. */
function expectationProblem(body: string | null, expected: Expectation | undefined): string | null {
  if (!expected) return null;
  const problems: string[] = [];
  // Only a page has a language; a feed or a file a link leads to has none to check.
  const lang = body === null ? null : htmlLang(body);
  if (body !== null)
    for (const want of expected.langs) if (lang !== want) problems.push(`lands on a page in ${lang ?? 'no language'}, expected ${want}`);
  for (const fragment of expected.fragments) {
    if (body === null || !new RegExp(`\\bid="${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(body))
      problems.push(`the page has no element with id "${fragment}"`);
  }
  return problems.length ? problems.join('; ') : null;
}

/** readSeeds: check the links on the seeds' pages; expect: hold the seeds to their language and #fragment. */
async function crawl(
  appUrl: string,
  seeds: FoundLink[],
  options: CrawlOptions,
  mode: { readSeeds: boolean; expect: boolean },
): Promise<CrawlResult> {
  const origin = new URL(appUrl).origin;
  const publicOrigin = options.publicBaseUrl ? new URL(options.publicBaseUrl).origin : origin;
  const toApp = (url: string) => (url.startsWith(`${publicOrigin}/`) ? origin + url.slice(publicOrigin.length) : url);
  const maxPages = options.maxPages ?? 500;
  const foundOn = new Map<string, Set<string>>();
  const expectations = new Map<string, Expectation>();
  const seedKeys = new Set<string>();
  const queue: string[] = [];
  const checked: string[] = [];
  const dead: DeadLink[] = [];
  const failed = new Map<string, { status: number; problem?: string }>();
  let pagesRead = 0;

  const enqueue = (raw: string, where: string, base: string, seed?: FoundLink): string | undefined => {
    let url: URL;
    try {
      url = new URL(toApp(new URL(raw, base).toString()));
    } catch {
      dead.push({ url: raw, status: 0, foundOn: [where] });
      return undefined;
    }
    if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
    if (options.exclude?.(url.pathname)) return undefined;
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const key = url.toString();
    if (seed && mode.expect && (seed.lang || fragment)) {
      const e = expectations.get(key) ?? { langs: new Set<string>(), fragments: new Set<string>() };
      if (seed.lang) e.langs.add(seed.lang);
      if (fragment) e.fragments.add(fragment);
      expectations.set(key, e);
    }
    const seen = foundOn.get(key);
    if (seen) return (void seen.add(where), key);
    foundOn.set(key, new Set([where]));
    queue.push(key);
    return key;
  };
  for (const seed of seeds) {
    const key = enqueue(seed.url, seed.foundOn, appUrl, seed);
    if (key && mode.readSeeds) seedKeys.add(key);
  }

  while (queue.length) {
    const url = queue.shift()!;
    checked.push(url);
    const result = await resolve(url, options, toApp);
    if (result.status !== 200) {
      failed.set(url, { status: result.status });
      continue;
    }
    const problem = expectationProblem(result.body, expectations.get(url));
    if (problem) failed.set(url, { status: 200, problem });
    if (result.body !== null && (seedKeys.has(url) || options.follow) && pagesRead < maxPages) {
      pagesRead++;
      const where = new URL(url).pathname + new URL(url).search;
      for (const href of anchorHrefs(result.body)) enqueue(href, where, result.finalUrl);
    }
  }
  // Built at the end, so each dead link names every page it was found on, also those read after it failed.
  for (const [url, { status, problem }] of failed)
    dead.push({ url, status, foundOn: [...foundOn.get(url)!], ...(problem ? { problem } : {}) });
  return { checked, dead };
}
