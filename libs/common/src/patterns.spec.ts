import { CVR_PATTERN, PHONE_PATTERN, SLUG_PATTERN, normalizeCvr } from './patterns';

describe('patterns', () => {
  it.each(['+45 12 34 56 78', '12345678', '+4512345678', '+45 (33) 66-33-66', '123456'])('accepts the phone number %s', (phone) => {
    expect(PHONE_PATTERN.test(phone)).toBe(true);
  });

  it.each(['call me', '12', '12345', '+45 12 34 56 (', '-12345678', '(+45) 33 66 33 66', `1${'2'.repeat(32)}`])(
    'refuses the phone number %j',
    (phone) => {
      expect(PHONE_PATTERN.test(phone)).toBe(false);
    },
  );

  it('fits every phone it accepts into the 40-character columns', () => {
    const longest = `+1${'2'.repeat(31)}`;
    expect(PHONE_PATTERN.test(longest)).toBe(true);
    expect(longest.length).toBeLessThanOrEqual(40);
  });

  it('accepts slugs of single-dashed lower-case words only', () => {
    expect(SLUG_PATTERN.test('valby-kulturbro-2')).toBe(true);
    for (const bad of ['Valby', 'double--dash', '-lead', 'trail-', 'has space', 'æble', '']) expect(SLUG_PATTERN.test(bad)).toBe(false);
  });

  it('reads a CVR number as people type it', () => {
    expect(normalizeCvr('DK 12 34 56 78')).toBe('12345678');
    expect(normalizeCvr('12.34.56-78')).toBe('12345678');
    expect(normalizeCvr('  ')).toBeNull();
    expect(normalizeCvr(null)).toBeNull();
    expect(CVR_PATTERN.test('12345678')).toBe(true);
    expect(CVR_PATTERN.test('1234567')).toBe(false);
  });
});
