import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrors } from '@mangfold/graphql';
import { SignUpAssociationInput } from './sign-up-association.input';
import { UpdateAssociationInput } from './update-association.input';

async function problems<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
): Promise<{ value: T; fields: Record<string, string> }> {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, stopAtFirstError: true });
  return { value, fields: fieldErrors(errors) };
}

const valid = { name: 'Valby Kulturbro', kind: 'PROJECT', email: 'kontakt@kulturbro.dk', password: 'a-long-password' };

describe('association inputs', () => {
  it('accepts a minimal sign-up and normalizes what people type', async () => {
    const { value, fields } = await problems(SignUpAssociationInput, {
      ...valid,
      name: '  Valby Kulturbro ',
      email: ' Kontakt@KulturBro.dk',
      cvr: 'DK 12 34 56 78',
      website: '   ',
      contactEmail: 'Info@KulturBro.dk ',
    });
    expect(fields).toEqual({});
    expect(value).toMatchObject({
      name: 'Valby Kulturbro',
      email: 'kontakt@kulturbro.dk',
      cvr: '12345678',
      website: null,
      contactEmail: 'info@kulturbro.dk',
    });
  });

  it.each([
    [{ email: 'nope' }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ cvr: '1234567' }, 'cvr'],
    [{ cvr: '123456789' }, 'cvr'],
    [{ slug: 'Has Spaces' }, 'slug'],
    [{ slug: 'double--dash' }, 'slug'],
    [{ website: 'ftp://example.org' }, 'website'],
    [{ contactPhone: '12' }, 'contactPhone'],
    [{ description: { da: 'x'.repeat(5001) } }, 'description.da'],
    [{ name: '' }, 'name'],
  ])('refuses %j naming %s', async (change, field) => {
    const { fields } = await problems(SignUpAssociationInput, { ...valid, ...change });
    expect(Object.keys(fields)).toEqual([field]);
  });

  it('lets an update leave fields out, clear optional ones, but not null the name or kind', async () => {
    expect((await problems(UpdateAssociationInput, {})).fields).toEqual({});
    expect((await problems(UpdateAssociationInput, { website: null, cvr: null, description: null })).fields).toEqual({});
    expect((await problems(UpdateAssociationInput, { name: null })).fields).toEqual({ name: 'must not be null' });
    expect((await problems(UpdateAssociationInput, { kind: null })).fields).toEqual({ kind: 'must not be null' });
  });
});
