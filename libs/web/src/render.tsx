import { type VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A whole HTML document from a page component: preact escapes every text and attribute value. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
