import type { Request, Response } from 'express';
import { Loaders } from './loaders';

/** What every resolver gets as its GraphQL context. */
export interface GqlContext {
  req: Request;
  res: Response;
  loaders: Loaders;
}

export function createGqlContext({ req, res }: { req: Request; res: Response }): GqlContext {
  return { req, res, loaders: new Loaders() };
}
