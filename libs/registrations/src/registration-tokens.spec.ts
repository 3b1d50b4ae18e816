import { randomUUID } from 'node:crypto';
import {
  calendarToken,
  isCalendarTokenShaped,
  managementUrl,
  personalFeedKey,
  personalFeedUrl,
  registrationIdOf,
  registrationToken,
  verifyRegistrationToken,
} from './registration-tokens';

const config = {
  auth: { jwtSecret: 'a-test-secret-that-is-at-least-32-characters', jwtTtlSeconds: 60, adminEmail: undefined, adminPassword: undefined },
  http: { port: 0, publicBaseUrl: 'https://kalender.example', bodyLimit: 1024, trustProxy: false },
};
const other = { ...config, auth: { ...config.auth, jwtSecret: 'another-secret-that-is-at-least-32-characters' } };

describe('registration management tokens', () => {
  const registration = { id: randomUUID(), tokenVersion: 0 };

  it('name their registration and verify against it', () => {
    const token = registrationToken(config, registration);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(registrationIdOf(token)).toBe(registration.id);
    expect(verifyRegistrationToken(config, token, registration)).toBe(true);
  });

  it('are deterministic, so a mail can render the link again', () => {
    expect(registrationToken(config, registration)).toBe(registrationToken(config, { ...registration }));
  });

  it('stop working when the token version is bumped (revocation) or the secret changes', () => {
    const token = registrationToken(config, registration);
    expect(verifyRegistrationToken(config, token, { ...registration, tokenVersion: 1 })).toBe(false);
    expect(verifyRegistrationToken(other, token, registration)).toBe(false);
  });

  it('refuse tampered, truncated and foreign tokens', () => {
    const token = registrationToken(config, registration);
    const mac = token.split('.')[1];
    const flipped = `${registration.id}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    expect(verifyRegistrationToken(config, flipped, registration)).toBe(false);
    expect(verifyRegistrationToken(config, token.slice(0, -2), registration)).toBe(false);
    // The last base64 character carries spare bits: another spelling of the same bytes is still refused.
    const last = mac[mac.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(mac.slice(0, -1) + sibling, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
    expect(verifyRegistrationToken(config, `${registration.id}.${mac.slice(0, -1)}${sibling}`, registration)).toBe(false);
    const someoneElse = { id: randomUUID(), tokenVersion: 0 };
    expect(verifyRegistrationToken(config, registrationToken(config, someoneElse), registration)).toBe(false);
    for (const bad of ['', 'x', 'not-a-uuid.abc', `${registration.id}`, `${registration.id}.`, `${registration.id}.${'!'.repeat(43)}`]) {
      expect(registrationIdOf(bad)).toBeUndefined();
    }
  });

  it('make a management link under the public base URL, token in the query (never logged)', () => {
    const url = new URL(managementUrl(config, registration));
    expect(url.origin + url.pathname).toBe('https://kalender.example/registrations/manage');
    expect(url.searchParams.get('token')).toBe(registrationToken(config, registration));
  });
});

describe('personal calendar tokens', () => {
  it('belong to an email regardless of case and spaces, and differ per person and secret', () => {
    const token = calendarToken(config, 'Ayse@Example.org');
    expect(isCalendarTokenShaped(token)).toBe(true);
    expect(calendarToken(config, ' ayse@example.org ')).toBe(token);
    expect(calendarToken(config, 'bo@example.org')).not.toBe(token);
    expect(calendarToken(other, 'ayse@example.org')).not.toBe(token);
  });

  it('are not the management key: the same input under the two labels gives different macs', () => {
    const id = randomUUID();
    expect(calendarToken(config, `${id}:0`)).not.toBe(registrationToken(config, { id, tokenVersion: 0 }).split('.')[1]);
  });

  it('are stored only as a hash', () => {
    const token = calendarToken(config, 'ayse@example.org');
    expect(personalFeedKey(token)).toHaveLength(43);
    expect(personalFeedKey(token)).not.toBe(token);
    expect(personalFeedUrl(config, 'ayse@example.org')).toBe(`https://kalender.example/calendar/registrations/${token}.ics`);
  });
});
