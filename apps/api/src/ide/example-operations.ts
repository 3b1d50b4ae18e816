/** Saved operations the self-hosted IDE opens with, one tab each. */
export const EXAMPLE_OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'Upcoming events',
    query: `query UpcomingEvents($first: Int) {
  events(first: $first) {
    edges { node { id slug title startsAt endsAt timeZone kind status district { name } occasion { name } organizers { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { first: 20 },
  },
  {
    name: 'Log in',
    query: `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken user { id email role } }
}`,
    variables: { email: 'admin@mangfold.local', password: '' },
  },
  {
    name: 'Districts and occasions',
    query: `query Reference {
  districts { slug name }
  housingAreas { slug name }
  occasions { slug name dates { year startsOn endsOn } }
}`,
  },
  {
    name: 'Register for a seminar',
    query: `mutation Register($eventId: ID!, $input: AttendeeInput!) {
  registerForEvent(eventId: $eventId, input: $input) {
    id status waitlistPosition partySize alreadyRegistered managementUrl personalFeedUrl
  }
}`,
    variables: {
      eventId: 'the id of an event with registration (see Upcoming events)',
      input: { name: 'Amina Hassan', email: 'amina@example.org', partySize: 1, role: 'VOLUNTEER', consentToPrivacyNotice: true },
    },
  },
  {
    name: 'International Day',
    query: `query InternationalDay($year: Int!) {
  internationalDay(year: $year) {
    year eventId standCapacity standsTaken standsLeft registrationOpen registrationOpensAt registrationClosesAt
    practicalInfo countsByStatus { status count } countsByKind { kind confirmed registered }
  }
}`,
    // The demo's International Day is two months ahead, so the year may be the next one.
    variables: { year: new Date(Date.now() + 60 * 24 * 3600_000).getFullYear() },
  },
];
