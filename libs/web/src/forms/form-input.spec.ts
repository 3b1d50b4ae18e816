import { IsString, Length } from 'class-validator';
import { nested, parseInput } from './form-input';

class NameInput {
  @IsString()
  @Length(2, 10, { message: 'must be 2 to 10 characters' })
  name!: string;
}

describe('form input', () => {
  it('nests dotted names and drops the CSRF token', () => {
    expect(nested({ _csrf: 't', name: 'a', 'description.da': 'x', 'description.en': 'y' })).toEqual({
      name: 'a',
      description: { da: 'x', en: 'y' },
    });
  });

  it('never writes to Object.prototype', () => {
    const out = nested({ '__proto__.polluted': 'yes', 'a.constructor.prototype.polluted': 'yes', 'b.__proto__': 'x' });
    expect(out).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks with the input class rules, naming each bad field', async () => {
    expect(await parseInput(NameInput, { name: 'x' })).toEqual({ ok: false, errors: { name: 'must be 2 to 10 characters' } });
    expect(await parseInput(NameInput, { name: 'Mangfold' })).toEqual({
      ok: true,
      value: Object.assign(new NameInput(), { name: 'Mangfold' }),
    });
    expect(await parseInput(NameInput, { name: 'a\u0000b' })).toEqual({
      ok: false,
      errors: { name: 'must not contain control characters' },
    });
  });
});
