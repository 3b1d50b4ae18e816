import { getDistDirectory, renderAltair } from 'altair-static';
import { DateTime } from 'luxon';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ACCESS_TOKEN_VARIABLE, exampleOperations } from './example-operations';

const IDE_ASSETS_PATH = '/graphql-ide/';

function renderIde(now: Date, endpointURL: string): string {
  return renderAltair({
    baseURL: IDE_ASSETS_PATH,
    endpointURL,
    initialName: 'Mangfold',
    disableAccount: true,
    initialSettings: { theme: 'light', 'plugin.list': [], 'alert.disableWarnings': true },
    // Every tab sends the token "Log in" stores (or one pasted into the environment or the headers).
    initialEnvironments: { base: { title: 'Mangfold', variables: { [ACCESS_TOKEN_VARIABLE]: '' } } },
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
  const pages = new Map<string, { day: string; html: string }>();
  const html = (req: Request): string => {
    const endpoint = `${req.protocol}://${req.get('host') ?? 'localhost'}/graphql`;
    const now = new Date();
    const day = DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' }).toISODate()!;
    let page = pages.get(endpoint);
    if (page?.day !== day) {
      if (pages.size > 20) pages.clear();
      page = { day, html: renderIde(now, endpoint) };
      pages.set(endpoint, page);
    }
    return page.html;
  };
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
    res.send(html(req));
  });
}
