import { createHash } from 'node:crypto';
import { SITE_CSS } from './site-css';

const CSS_BYTES = Buffer.from(SITE_CSS.trim() + '\n', 'utf8');
const CSS_HASH = createHash('sha256').update(CSS_BYTES).digest('hex').slice(0, 12);

/** The stylesheet's path carries a hash of its bytes, so browsers may keep it for a year. */
export const STYLESHEET_PATH = `/assets/site-${CSS_HASH}.css`;

export const STYLESHEET = { path: STYLESHEET_PATH, bytes: CSS_BYTES, etag: `"${CSS_HASH}"` };
