import { decodeCursor, encodeCursor, toConnection } from './connection';
import { BadUserInputError } from './errors';

const ID = '0b9d8a3e-5c1f-4e2a-9d7b-3f6a1c2e4b5d';

function refusal(run: () => unknown): Record<string, string> | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  return undefined;
}

describe('keyset cursors', () => {
  it('reads back what a list wrote, typed as asked', () => {
    const cursor = encodeCursor(['2027-05-01T16:00:00.000Z', ID.toUpperCase()]);
    const [at, id] = decodeCursor(cursor, ['instant', 'id']);
    expect(at).toEqual(new Date('2027-05-01T16:00:00.000Z'));
    expect(id).toBe(ID);
    expect(decodeCursor(encodeCursor(['Valby', ID]), ['text', 'id'])).toEqual(['Valby', ID]);
    expect(decodeCursor(encodeCursor(['42']), ['position'])).toEqual(['42']);
    expect(decodeCursor(encodeCursor([42]), ['position'])).toEqual(['42']);
  });

  it.each([
    ['garbage', 'not base64 JSON at all'],
    ['a wrong arity', encodeCursor(['2027-05-01T16:00:00.000Z'])],
    ['a bad instant', encodeCursor(['yesterday', ID])],
    ['a bad id', encodeCursor(['2027-05-01T16:00:00.000Z', '-'.repeat(36)])],
    ['a number for an id', encodeCursor(['2027-05-01T16:00:00.000Z', 7])],
  ])('refuses %s as BAD_USER_INPUT on the field', (_what, cursor) => {
    expect(refusal(() => decodeCursor(cursor, ['instant', 'id']))).toEqual({ after: 'is not a cursor this list returned' });
  });

  it('refuses a position that is not digits, naming the field it came in', () => {
    expect(refusal(() => decodeCursor(encodeCursor(['1 or 1=1']), ['position'], 'before'))).toEqual({
      before: 'is not a cursor this list returned',
    });
  });

  it('pages with one extra row telling whether there is more', () => {
    const page = toConnection([{ n: 1 }, { n: 2 }, { n: 3 }], 2, (r) => [r.n], false);
    expect(page.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor!, ['position'])).toEqual(['2']);
  });
});
