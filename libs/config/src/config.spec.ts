import { ConfigError, loadConfig } from './config';
import { isValidTimeZone, yearIn } from './time-zone';

describe('loadConfig', () => {
  it('gives a working development configuration with no variables at all', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.db.url).toBeUndefined();
    expect(config.db.poolMax).toBe(1);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.time.defaultZone).toBe('Europe/Copenhagen');
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.mail.outboxDir).toBe('./data/outbox');
  });

  it('reads and types every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/mangfold',
      REDIS_URL: 'redis://redis:6379/2',
      SMTP_URL: 'smtp://mail:1025',
      PUBLIC_BASE_URL: 'https://kalender.kk.dk/',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_EMAIL: 'TFI@KK.dk',
      ADMIN_PASSWORD: 'long-enough-password',
      REPORT_RECIPIENTS: 'a@kk.dk, b@kk.dk',
      TZ_DEFAULT: 'Europe/Oslo',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.publicBaseUrl).toBe('https://kalender.kk.dk');
    expect(config.db.poolMax).toBe(10);
    expect(config.auth.adminEmail).toBe('tfi@kk.dk');
    expect(config.reports.recipients).toEqual(['a@kk.dk', 'b@kk.dk']);
    expect(config.time.defaultZone).toBe('Europe/Oslo');
  });

  it('names every problem at once, one line each, with an example', () => {
    let error: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        JWT_SECRET: 'short',
        TZ_DEFAULT: 'Mars/Olympus',
        ADMIN_EMAIL: 'not-an-email',
        REPORT_RECIPIENTS: 'x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    const byVariable = (name: string) => problems.find((p) => p.startsWith(`${name}:`));
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_SECRET',
      'TZ_DEFAULT',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'REPORT_RECIPIENTS',
    ]) {
      expect(byVariable(name)).toBeDefined();
      expect(byVariable(name)).toMatch(/\(example: [A-Z_]+=.+\)$/);
    }
  });

  it('requires a JWT secret in production but not in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/m', REDIS_URL: 'redis://r:6379' })).toThrow(
      /JWT_SECRET: is required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'development' }).auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('treats a blank variable as unset and gives one line per variable', () => {
    expect(loadConfig({ PORT: '  ', LOG_LEVEL: '' }).http.port).toBe(3000);
    let error: unknown;
    try {
      loadConfig({ REPORT_RECIPIENTS: 'x, tfi@kk.dk, y', TRUST_PROXY: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.sort()).toEqual([
      'REPORT_RECIPIENTS: "x", "y" are not email addresses (example: REPORT_RECIPIENTS=tfi@kk.dk,udvalg@kk.dk)',
      'TRUST_PROXY: must be true or false, got "maybe" (example: TRUST_PROXY=true)',
    ]);
  });

  it('refuses URLs of the wrong kind', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/m' })).toThrow(/DATABASE_URL: must use postgres:\/\/ or postgresql:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL: is not a valid URL/);
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isValidTimeZone('Europe/Copenhagen')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('x'.repeat(500))).toBe(false);
  });

  it('tells the year in Copenhagen around midnight on New Year', () => {
    expect(yearIn('Europe/Copenhagen', new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(yearIn('Europe/Copenhagen', new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });
});
