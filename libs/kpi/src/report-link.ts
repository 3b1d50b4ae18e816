import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The link a status-report mail carries. Its recipients (REPORT_RECIPIENTS) need not have an
 * account, so the link holds a key that opens that one report until it expires: an HMAC of the
 * report's id and the expiry under a key of its own derived from JWT_SECRET, so no key is a
 * token and a key opens no other report. The link shows no more than the mail itself holds (the
 * report as its HTML body, the CSV attached).
 */

/** How long a mailed link opens its report: past the next report of the same slot. */
export const REPORT_LINK_DAYS = 400;

function linkKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('mangfold:status-report-link').digest();
}

function mac(jwtSecret: string, reportId: string, expiresAt: number): Buffer {
  return createHmac('sha256', linkKey(jwtSecret)).update(`${reportId}.${expiresAt}`).digest();
}

/** `<expiry in unix seconds>.<mac>`, for `?key=`. */
export function reportLinkKey(jwtSecret: string, reportId: string, now = new Date()): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + REPORT_LINK_DAYS * 86_400;
  return `${expiresAt}.${mac(jwtSecret, reportId, expiresAt).toString('base64url')}`;
}

/** Whether `key` was made for this report and has not expired. */
export function reportLinkOpens(jwtSecret: string, reportId: string, key: unknown, now = new Date()): boolean {
  if (typeof key !== 'string') return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(key);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= now.getTime()) return false;
  const sent = Buffer.from(match[2], 'base64url');
  const expected = mac(jwtSecret, reportId, expiresAt);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** The printable report, opened by its key: the link in the mail. */
export function mailedReportUrl(baseUrl: string, jwtSecret: string, reportId: string, now = new Date()): string {
  return `${baseUrl.replace(/\/+$/, '')}/reports/${reportId}?key=${reportLinkKey(jwtSecret, reportId, now)}`;
}
