/*
 * The waiting-list rule, in one place and free of I/O so it can be read and tested on its own.
 *
 * Seats: a registration takes `partySize` seats. Confirmed parties never exceed the capacity when
 * they are admitted; lowering the capacity later never cancels anyone, it only leaves
 * `seatsLeft` at 0 until enough people cancel.
 *
 * Strict first-come-first-served (the default): a newcomer is confirmed only when nobody is
 * waiting and the whole party fits. When seats free up, waiting parties are promoted in arrival
 * order while they fit; promotion stops at the first party that does not fit, so a party of 3
 * never loses its place to a party of 2 that arrived later.
 *
 * With `allowWaitlistSkipping` (set per event by its organisers) a party that fits is admitted or
 * promoted even when an earlier, larger party is still waiting; among those that fit, arrival order
 * still decides.
 */

export interface SeatState {
  /** Seats in total; null means unlimited. */
  capacity: number | null;
  /** Seats held by confirmed parties. */
  seatsTaken: number;
  /** Parties waiting. */
  waitlistLength: number;
}

export interface WaitingParty {
  id: string;
  partySize: number;
}

/** Seats still free; null when the event is unlimited. Never negative, even after capacity was lowered. */
export function seatsLeft(state: SeatState): number | null {
  return state.capacity === null ? null : Math.max(0, state.capacity - state.seatsTaken);
}

/** Whether a new party is confirmed at once (else it joins the end of the waiting list). */
export function admitsNewcomer(state: SeatState, partySize: number, allowWaitlistSkipping: boolean): boolean {
  const left = seatsLeft(state);
  if (left === null) return true;
  if (state.waitlistLength > 0 && !allowWaitlistSkipping) return false;
  return partySize <= left;
}

/**
 * The waiting parties to promote now, given the waiting list in arrival order (it may be cut short:
 * under the strict rule the first `seatsLeft` parties are enough, since each takes at least a seat).
 */
export function partiesToPromote(state: SeatState, waiting: readonly WaitingParty[], allowWaitlistSkipping: boolean): WaitingParty[] {
  let left = seatsLeft(state) ?? Number.POSITIVE_INFINITY;
  const promoted: WaitingParty[] = [];
  for (const party of waiting) {
    if (left <= 0) break;
    if (party.partySize <= left) {
      promoted.push(party);
      left -= party.partySize;
    } else if (!allowWaitlistSkipping) {
      break;
    }
  }
  return promoted;
}
