import { REPORT_LINK_DAYS, mailedReportUrl, reportLinkKey, reportLinkOpens } from './report-link';

const SECRET = 'a-secret-of-the-test';
const REPORT = '6f1f7f3e-8d7e-4f7a-9a49-6a2c0d1e2f3a';
const OTHER = '0b7c5c52-9d0a-4a8e-8f7e-1f0a3d2c4b5e';
const NOW = new Date('2026-12-01T08:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('status report links', () => {
  const key = reportLinkKey(SECRET, REPORT, NOW);

  it('opens its report until it expires', () => {
    expect(reportLinkOpens(SECRET, REPORT, key, NOW)).toBe(true);
    expect(reportLinkOpens(SECRET, REPORT, key, days(REPORT_LINK_DAYS - 1))).toBe(true);
    expect(reportLinkOpens(SECRET, REPORT, key, days(REPORT_LINK_DAYS))).toBe(false);
  });

  it('opens no other report, under no other secret, and not when changed', () => {
    expect(reportLinkOpens(SECRET, OTHER, key, NOW)).toBe(false);
    expect(reportLinkOpens('another-secret', REPORT, key, NOW)).toBe(false);
    const [expiresAt, mac] = key.split('.');
    // A later expiry with the same mac: the expiry is signed too.
    expect(reportLinkOpens(SECRET, REPORT, `${Number(expiresAt) + 86_400}.${mac}`, NOW)).toBe(false);
    const flipped = mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
    expect(reportLinkOpens(SECRET, REPORT, `${expiresAt}.${flipped}`, NOW)).toBe(false);
  });

  it.each([undefined, '', 'x', ['a', 'b'], `${key}.`, key.replace('.', '-')])('refuses %p', (bad) => {
    expect(reportLinkOpens(SECRET, REPORT, bad, NOW)).toBe(false);
  });

  it('builds the mailed address on the public base url', () => {
    expect(mailedReportUrl('https://kalender.kk.dk/', SECRET, REPORT, NOW)).toBe(`https://kalender.kk.dk/reports/${REPORT}?key=${key}`);
  });
});
