import { parseUuid, uuidArray } from './ids';

const ID = '0b9d8a3e-5c1f-4e2a-9d7b-3f6a1c2e4b5d';

describe('ids', () => {
  it('reads a UUID, lower-cased', () => {
    expect(parseUuid(ID)).toBe(ID);
    expect(parseUuid(ID.toUpperCase())).toBe(ID);
  });

  it.each([['-'.repeat(36)], ['not-an-id'], [`${ID}x`], [''], [undefined], [null], [42]])('refuses %j', (value) => {
    expect(parseUuid(value)).toBeUndefined();
  });

  it('makes a PostgreSQL array literal of the UUIDs, dropping the rest', () => {
    expect(uuidArray([ID, 'x', ID.toUpperCase()])).toBe(`{${ID},${ID}}`);
    expect(uuidArray([])).toBe('{}');
  });
});
