import { escapeLike } from './sql';

describe('escapeLike', () => {
  it('makes %, _ and the backslash literal', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike('Valby')).toBe('Valby');
  });
});
