import { getDistDirectory, renderAltair } from 'altair-static';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { EXAMPLE_OPERATIONS } from './example-operations';

export const IDE_ASSETS_PATH = '/graphql-ide/';

/**
 * Serves the Altair GraphQL IDE from the app's own bundle (no CDN), so it works offline and in a
 * municipal intranet: a browser opening GET /graphql gets the IDE, any other client gets GraphQL.
 */
export function mountGraphqlIde(app: Express): void {
  const html = renderAltair({
    baseURL: IDE_ASSETS_PATH,
    endpointURL: '/graphql',
    initialName: 'Mangfold',
    disableAccount: true,
    initialSettings: { theme: 'light', 'plugin.list': [], 'alert.disableWarnings': true },
    initialWindows: EXAMPLE_OPERATIONS.map((op) => ({
      initialName: op.name,
      endpointURL: '/graphql',
      initialQuery: op.query,
      initialVariables: op.variables ? JSON.stringify(op.variables, null, 2) : undefined,
    })),
  });
  app.use(IDE_ASSETS_PATH, express.static(getDistDirectory(), { maxAge: '1d', index: false }));
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsHtml || req.query.query !== undefined) {
      next();
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(html);
  });
}
