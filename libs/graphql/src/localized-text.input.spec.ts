import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseId } from './ids';
import { LocalizedTextInput } from './localized-text.input';
import { fieldErrors } from './validation';
import { BadUserInputError } from './errors';

const ShortText = LocalizedTextInput('ShortTextForTest', 10);

async function check(plain: Record<string, unknown>) {
  const value = plainToInstance(ShortText, plain);
  return { value, fields: fieldErrors(await validate(value, { whitelist: true, stopAtFirstError: true })) };
}

describe('LocalizedTextInput', () => {
  it('is named as asked', () => {
    expect(ShortText.name).toBe('ShortTextForTest');
  });

  it('trims each language and makes a blank one null', async () => {
    const { value, fields } = await check({ da: '  Hej ', en: '   ' });
    expect(fields).toEqual({});
    expect(value).toMatchObject({ da: 'Hej', en: null });
  });

  it('limits each language to the length it was made with', async () => {
    expect((await check({ da: 'x'.repeat(10) })).fields).toEqual({});
    expect((await check({ en: 'x'.repeat(11) })).fields).toEqual({ en: 'must be at most 10 characters' });
    expect(Object.keys((await check({ da: 3 })).fields)).toEqual(['da']);
  });
});

describe('parseId', () => {
  it('gives the id lower-cased, or BAD_USER_INPUT naming the argument', () => {
    expect(parseId('0B9D8A3E-5C1F-4E2A-9D7B-3F6A1C2E4B5D', 'id')).toBe('0b9d8a3e-5c1f-4e2a-9d7b-3f6a1c2e4b5d');
    expect(() => parseId('-'.repeat(36), 'eventId')).toThrow(BadUserInputError);
    try {
      parseId('nope', 'eventId');
    } catch (error) {
      expect((error as BadUserInputError).fields).toEqual({ eventId: 'eventId is not a valid id' });
    }
  });
});
