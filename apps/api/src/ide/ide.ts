import { createHash } from 'node:crypto';
import { getDistDirectory, renderAltair } from 'altair-static';
import { DateTime } from 'luxon';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ACCESS_TOKEN_VARIABLE, exampleOperations } from './example-operations';

const IDE_ASSETS_PATH = '/graphql-ide/';
/** The IDE's environment, active from the start, that keeps the token "Log in" stores. */
const IDE_ENVIRONMENT = 'mangfold';
/** Where Altair finds its script sandbox (`<base>` + iframe-sandbox): the frame that runs pre- and post-request scripts. */
const IDE_SANDBOX_PATH = `${IDE_ASSETS_PATH}iframe-sandbox/`;

/**
 * The site's policy loosened only as far as Altair needs: its inline bootstrap script by hash (never
 * 'unsafe-inline' for scripts), the styles Angular injects at run time, and workers from blobs.
 */
export function ideContentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Altair runs a tab's pre- and post-request scripts ("Log in" keeps the token with one) by `eval` in a
 * frame of its sandbox page, which obeys messages from the origin its `sc` parameter names. So the
 * sandbox, and nothing else, may evaluate scripts; only the IDE's own origin may frame it (no other
 * site can reach it: framing is refused and Cross-Origin-Opener-Policy cuts off other openers); and a
 * sandbox told to listen to another origin is not served.
 */
export const IDE_SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

function ideSandbox(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', IDE_SANDBOX_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  const page = req.path === '/' || req.path === '/index.html';
  if (page && req.query.sc !== `${req.protocol}://${req.get('host') ?? 'localhost'}`) {
    res.status(403).type('text/plain').send('The IDE sandbox serves only the IDE of this origin.');
    return;
  }
  next();
}

function renderIde(now: Date, endpointURL: string): string {
  return renderAltair({
    baseURL: IDE_ASSETS_PATH,
    endpointURL,
    initialName: 'Mangfold',
    // A city tool offers no outside service: no account or cloud sync, no plugins (Altair's AI
    // assistant is one, advertised in a banner), no update or push notices.
    disableAccount: true,
    initialSettings: {
      theme: 'light',
      'plugin.list': [],
      'banners.disable': true,
      'alert.disableUpdateNotification': true,
      disablePushNotification: true,
      'alert.disableWarnings': true,
    },
    // Every tab sends the token "Log in" stores (or one pasted into the environment or the headers).
    // A script can store only into the active environment, and the base one is never active: so the
    // token lives in an environment of its own, active from the start.
    initialEnvironments: {
      base: { title: 'Mangfold', variables: {} },
      subEnvironments: [{ id: IDE_ENVIRONMENT, title: 'Mangfold', variables: { [ACCESS_TOKEN_VARIABLE]: '' } }],
      activeSubEnvironment: IDE_ENVIRONMENT,
    },
    initialWindows: exampleOperations(now).map((op) => ({
      initialName: op.name,
      endpointURL,
      initialQuery: op.query,
      initialVariables: op.variables ? JSON.stringify(op.variables, null, 2) : undefined,
      initialHeaders: { Authorization: `Bearer {{${ACCESS_TOKEN_VARIABLE}}}` },
      initialPostRequestScript: op.postRequestScript,
    })),
  });
}

/**
 * Serves the Altair GraphQL IDE from the app's own bundle (no CDN), so it works offline and in a
 * municipal intranet: a browser opening GET /graphql gets the IDE, any other client gets GraphQL.
 */
export function mountGraphqlIde(app: Express): void {
  // Altair sends only to an absolute URL: the one the browser reached (X-Forwarded-* with TRUST_PROXY).
  // Rendered again each day, since the saved operations ask for this year and today.
  const pages = new Map<string, { day: string; html: string; csp: string }>();
  const page = (req: Request): { html: string; csp: string } => {
    const endpoint = `${req.protocol}://${req.get('host') ?? 'localhost'}/graphql`;
    const now = new Date();
    const day = DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' }).toISODate()!;
    let cached = pages.get(endpoint);
    if (cached?.day !== day) {
      if (pages.size > 20) pages.clear();
      const html = renderIde(now, endpoint);
      cached = { day, html, csp: ideContentSecurityPolicy(html) };
      pages.set(endpoint, cached);
    }
    return cached;
  };
  app.use(IDE_SANDBOX_PATH, ideSandbox);
  app.use(IDE_ASSETS_PATH, express.static(getDistDirectory(), { maxAge: '1d', index: false }));
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsHtml || req.query.query !== undefined) {
      next();
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Host, Accept');
    const { html, csp } = page(req);
    res.setHeader('Content-Security-Policy', csp);
    res.send(html);
  });
}
