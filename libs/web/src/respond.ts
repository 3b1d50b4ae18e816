import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderPage } from './render';

export interface SendOptions {
  status?: number;
  /** Public pages may be cached briefly by browsers and proxies; pages with personal data never. */
  cache?: 'public' | 'no-store';
}

/** Renders a page component and sends it as HTML (security headers come from the global middleware). */
export function sendPage(res: Response, page: VNode, options: SendOptions = {}): void {
  res
    .status(options.status ?? 200)
    .setHeader('Content-Type', 'text/html; charset=utf-8')
    .setHeader('Cache-Control', options.cache === 'no-store' ? 'no-store' : 'public, max-age=60')
    .send(renderPage(page));
}
