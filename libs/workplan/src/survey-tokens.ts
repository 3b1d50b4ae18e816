import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@mangfold/config';

/*
 * The requester's survey link, derived rather than stored (as registrations' management links):
 *   token = <assignmentId>.<base64url HMAC-SHA256(k, assignmentId)>
 * with k from JWT_SECRET by HKDF under a label of its own, so it opens nothing else.
 */

const LABEL = 'mangfold/assignment-survey-token/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'mangfold', LABEL, 32));
    keys.set(secret, key);
  }
  return key;
}

type TokenConfig = Pick<AppConfig, 'auth'>;

function mac(config: TokenConfig, assignmentId: string): string {
  return createHmac('sha256', keyFor(config.auth.jwtSecret)).update(assignmentId).digest('base64url');
}

export function surveyToken(config: TokenConfig, assignmentId: string): string {
  return `${assignmentId}.${mac(config, assignmentId)}`;
}

/** The assignment a well-formed, genuine token opens; undefined otherwise. */
export function assignmentIdOfSurveyToken(config: TokenConfig, token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const id = token.slice(0, dot);
  const given = token.slice(dot + 1);
  if (!UUID.test(id) || !MAC.test(given)) return undefined;
  const expected = Buffer.from(mac(config, id));
  return timingSafeEqual(Buffer.from(given), expected) ? id : undefined;
}

/** The survey page (served by @mangfold/web's SurveyController). */
export function surveyUrl(config: Pick<AppConfig, 'auth' | 'http'>, assignmentId: string, lang: string): string {
  const query = new URLSearchParams({ token: surveyToken(config, assignmentId), lang: lang === 'en' ? 'en' : 'da' });
  return `${config.http.publicBaseUrl}/assignments/survey?${query.toString()}`;
}
