import { admitsNewcomer, partiesToPromote, seatsLeft, type WaitingParty } from './waitlist-rule';

const party = (id: string, partySize: number): WaitingParty => ({ id, partySize });

describe('seatsLeft', () => {
  it('is unlimited without a capacity and never negative after the capacity was lowered', () => {
    expect(seatsLeft({ capacity: null, seatsTaken: 500, waitlistLength: 0 })).toBeNull();
    expect(seatsLeft({ capacity: 40, seatsTaken: 38, waitlistLength: 0 })).toBe(2);
    expect(seatsLeft({ capacity: 20, seatsTaken: 30, waitlistLength: 3 })).toBe(0);
  });
});

describe('admitsNewcomer', () => {
  it('confirms a party that fits while nobody waits', () => {
    expect(admitsNewcomer({ capacity: 40, seatsTaken: 37, waitlistLength: 0 }, 3, false)).toBe(true);
    expect(admitsNewcomer({ capacity: 40, seatsTaken: 38, waitlistLength: 0 }, 3, false)).toBe(false);
    expect(admitsNewcomer({ capacity: null, seatsTaken: 1000, waitlistLength: 0 }, 10, false)).toBe(true);
  });

  it('sends everyone behind a waiting party under the strict rule, even when a seat is free', () => {
    expect(admitsNewcomer({ capacity: 40, seatsTaken: 38, waitlistLength: 1 }, 1, false)).toBe(false);
  });

  it('lets a party that fits go ahead when the organiser allows skipping', () => {
    expect(admitsNewcomer({ capacity: 40, seatsTaken: 38, waitlistLength: 1 }, 2, true)).toBe(true);
    expect(admitsNewcomer({ capacity: 40, seatsTaken: 38, waitlistLength: 1 }, 3, true)).toBe(false);
  });
});

describe('partiesToPromote', () => {
  const waiting = [party('a', 3), party('b', 2), party('c', 1)];

  it('promotes in arrival order while parties fit', () => {
    expect(partiesToPromote({ capacity: 10, seatsTaken: 4, waitlistLength: 3 }, waiting, false).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(partiesToPromote({ capacity: 10, seatsTaken: 5, waitlistLength: 3 }, waiting, false).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('stops at the first party that does not fit under the strict rule: 3 keeps its place before 2', () => {
    expect(partiesToPromote({ capacity: 10, seatsTaken: 8, waitlistLength: 3 }, waiting, false)).toEqual([]);
  });

  it('skips parties that do not fit when the organiser allows it', () => {
    expect(partiesToPromote({ capacity: 10, seatsTaken: 8, waitlistLength: 3 }, waiting, true).map((p) => p.id)).toEqual(['b']);
    expect(partiesToPromote({ capacity: 10, seatsTaken: 7, waitlistLength: 3 }, waiting, true).map((p) => p.id)).toEqual(['a']);
  });

  it('promotes nobody while a lowered capacity is still overbooked', () => {
    expect(partiesToPromote({ capacity: 5, seatsTaken: 9, waitlistLength: 3 }, waiting, true)).toEqual([]);
  });

  it('promotes everyone when the capacity is lifted', () => {
    expect(partiesToPromote({ capacity: null, seatsTaken: 9, waitlistLength: 3 }, waiting, false)).toHaveLength(3);
  });
});
