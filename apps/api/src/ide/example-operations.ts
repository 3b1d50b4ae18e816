import { DateTime } from 'luxon';

export interface ExampleOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Runs after each response (Altair post-request script). */
  postRequestScript?: string;
}

/** The IDE's environment variable every tab sends as `Authorization: Bearer {{accessToken}}`. */
export const ACCESS_TOKEN_VARIABLE = 'accessToken';

/** After "Log in", keep the token in the environment so every tab is logged in. */
const STORE_ACCESS_TOKEN = `const body = typeof altair.response.body === 'string' ? JSON.parse(altair.response.body) : altair.response.body;
const token = body && body.data && body.data.login && body.data.login.accessToken;
if (token) altair.helpers.setEnvironment('${ACCESS_TOKEN_VARIABLE}', token, true);`;

/**
 * Saved operations the self-hosted IDE opens with, one tab each; `year` is this year in
 * Copenhagen when the page is served, so TFI's tabs always show the current year.
 */
export function exampleOperations(now: Date = new Date()): ExampleOperation[] {
  const local = DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' });
  const year = local.year;
  // The next Sankt Hans, so the saved draft is never in the past.
  const midsummer = local < local.set({ month: 6, day: 23 }).startOf('day') ? year : year + 1;
  return [
    {
      name: 'Upcoming events',
      query: `# Events still going on or ahead of \`from\` (when the IDE was opened), soonest first.
query UpcomingEvents($from: DateTime!, $first: Int) {
  events(filter: { from: $from }, first: $first) {
    totalCount
    edges {
      occurrence { startsAtLocal endsAtLocal }
      node { id slug title kind status timeZone district { slug name } occasion { slug name } organizers { slug name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
      variables: { from: local.startOf('day').toUTC().toISO(), first: 20 },
    },
    {
      name: 'Log in',
      query: `# Logging in stores the token in the IDE's environment ("accessToken"): every tab then sends it.
mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken user { id email role } }
}`,
      variables: { email: 'admin@mangfold.local', password: '' },
      postRequestScript: STORE_ACCESS_TOKEN,
    },
    {
      name: 'Sign up an association',
      query: `mutation SignUp($input: SignUpAssociationInput!) {
  signUpAssociation(input: $input) {
    accessToken
    user { id email }
    association { id slug name status district { name } }
    }
}`,
      variables: {
        input: {
          name: 'Nørrebro Madklub',
          kind: 'ASSOCIATION',
          districtSlug: 'noerrebro',
          description: { da: 'Vi laver mad sammen hver torsdag.', en: 'We cook together every Thursday.' },
          email: 'madklub@example.org',
          password: 'choose-a-long-password',
        },
      },
    },
    {
      name: 'Me and my associations',
      query: `query Me {
  me {
    id email role
    memberships { association { id slug name status statusReason viewerCanEdit } }
    }
}`,
    },
    {
      name: 'Approval queue (admin)',
      query: `query ApprovalQueue {
  associations(filter: { status: PENDING }, orderBy: OLDEST_FIRST, first: 50) {
    totalCount
    edges { node { id name kind createdAt cvr district { name } members { email name } } }
    }
}`,
    },
    {
      name: 'Approve or reject (admin)',
      query: `mutation Approve($id: ID!) {
  approveAssociation(id: $id) { id status statusChangedAt }
}

mutation Reject($id: ID!, $reason: String!) {
  rejectAssociation(id: $id, reason: $reason) { id status statusReason }
}`,
      variables: { id: '', reason: '' },
    },
    {
      name: 'Associations',
      query: `query Associations($filter: AssociationFilter, $first: Int, $after: String) {
  associations(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { slug name kind description website contactEmail district { name } housingArea { name } } }
    pageInfo { hasNextPage endCursor }
    }
}`,
      variables: { filter: { districtSlug: 'noerrebro' }, first: 20 },
    },
    {
      name: 'KPIs this year',
      query: `# TFI's KPIs (admins): target, held (actual), planned and status, and what was counted.
query KpisThisYear($year: Int!) {
  kpis(year: $year) {
    key
    title
    target
    actual
    planned
    status
    answers
    unit
    contributors { type name state associationKind startsAt count satisfied }
  }
}`,
      variables: { year },
    },
    {
      name: 'Local associations involved',
      query: `# The "at least 4 local associations" target: who counted with which events, and who to follow up with.
query AssociationsInvolved($year: Int!) {
  associationsInvolved(year: $year) {
    target
    held
    planned
    status
    associations { association { name kind } events { title startsAt role occasion { name } } }
    followUp { association { name kind } events { title startsAt state } }
  }
  byDistrict: kpi(key: "associations-involved", year: $year) { breakdown(by: DISTRICT) { name actual planned } }
}`,
      variables: { year },
    },
    {
      name: 'International Day participation',
      query: `# Was International Day held, and who takes part (confirmed participations by kind).
query InternationalDayParticipation($year: Int!) {
  held: kpi(key: "international-day-held", year: $year) { actual planned status contributors { name startsAt state } }
  participants: kpi(key: "international-day-participants", year: $year) {
    target
    actual
    planned
    status
    byKind: breakdown(by: ASSOCIATION_KIND) { name actual planned }
    contributors { name associationKind state }
  }
}`,
      variables: { year },
    },
    {
      name: 'Create an event',
      query: `# A draft for your association (its id: "Me and my associations"); district, housing area and occasion by slug
# (see "Districts and occasions"). Left out, the district is the housing area's, else the association's.
mutation CreateEvent($input: CreateEventInput!) {
  createEvent(input: $input) { id slug status title startsAtLocal endsAtLocal district { slug } housingArea { slug } occasion { slug } }
}

mutation SubmitEvent($id: ID!) {
  submitEvent(id: $id) { id status submittedAt }
}`,
      variables: {
        input: {
          associationId: 'the id of your association (see Me and my associations)',
          title: { da: 'Sankt Hans i gården', en: 'Midsummer in the courtyard' },
          description: { da: 'Bål, sang og kaffe.', en: 'Bonfire, songs and coffee.' },
          startsAt: `${midsummer}-06-23T19:00`,
          endsAt: `${midsummer}-06-23T22:00`,
          housingAreaSlug: 'mjoelnerparken',
          occasionSlug: 'sankt-hans',
          location: { name: 'Gården', city: 'København' },
          languages: ['da', 'ar'],
        },
        id: 'the id createEvent answered',
      },
    },
    {
      name: 'Events awaiting moderation',
      query: `# Submitted events waiting for TFI to publish or reject them, soonest first (admins).
query EventsAwaitingModeration {
  moderationQueue(first: 50) {
    totalCount
    edges { node { id slug title startsAt kind status district { name } occasion { name } organizers { name status } } }
    pageInfo { hasNextPage endCursor }
  }
}

mutation Publish($id: ID!) {
  publishEvent(id: $id) { id status sequence }
}

mutation Reject($id: ID!, $reason: String!) {
  rejectEvent(id: $id, reason: $reason) { id status statusReason }
}`,
      variables: { id: '', reason: '' },
    },
    {
      name: 'Status reports',
      query: `# Reports made on 1 August and 1 December (and on demand). htmlUrl and csvUrl need the same Bearer token.
query StatusReports($year: Int!) {
  statusReports(year: $year) { id period trigger generatedAt generatedBy htmlUrl csvUrl kpis { key actual target status } }
}

mutation GenerateStatusReport($year: Int!) {
  generateStatusReport(year: $year, period: AD_HOC) { id htmlUrl csvUrl kpis { key actual target status } }
}`,
      variables: { year },
    },
    {
      name: 'Set a KPI target',
      query: `mutation SetKpiTarget($key: String!, $year: Int!, $target: Float!) {
  setKpiTarget(key: $key, year: $year, target: $target) { key target actual planned status }
}`,
      variables: { key: 'international-day-participants', year, target: 25 },
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
      variables: { year: local.plus({ days: 60 }).year },
    },
    // The rest of the work plan (@mangfold/workplan): its KPIs are among "KPIs this year".
    {
      name: 'Work plan: record an assignment',
      query: `mutation RecordAssignment($input: RecordAssignmentInput!) {
  recordAssignment(input: $input) { id title kind status requester { department contactName contactEmail } frame { specific deadline } }
}`,
      variables: {
        input: {
          title: 'Oplæg om mangfoldighed på arbejdspladsen',
          kind: 'TALK',
          requester: { department: 'Kultur- og Fritidsforvaltningen', contactName: 'Mette Jensen', contactEmail: 'mette@example.org' },
          frame: {
            specific: 'Et oplæg for 40 ledere',
            measurable: 'Evaluering efter oplægget',
            attractive: 'Lederne får redskaber til rekruttering',
            realistic: 'TFI har holdt oplægget før',
            timeBound: 'Inden året er omme',
            deadline: `${year}-12-31`,
          },
        },
      },
    },
    {
      name: 'Work plan: assignments and surveys',
      query: `query Assignments($year: Int!) {
  assignments(filter: { completedInYear: $year }, first: 50) {
    edges { node { id title kind status completedAt requester { department } survey { satisfied answeredAt } } }
  }
  kpi(key: "requester-satisfaction", year: $year) { actual answers target status }
}`,
      variables: { year },
    },
    {
      name: 'Work plan: complete an assignment',
      query: `# The requester gets one mail with a link to the satisfaction survey.
mutation Complete($id: ID!) { completeAssignment(id: $id) { id status completedAt } }`,
      variables: { id: 'the id of an assignment (see Work plan: assignments and surveys)' },
    },
    {
      name: 'Work plan: project visits',
      query: `query Visits($year: Int!) {
  projectVisits(year: $year, first: 50) {
    edges { node { id visitedOn visitorName notes goodPractice findingsPublished inFocusHousingArea onSafety onEmployment project { name } } }
  }
  kpi(key: "project-visits", year: $year) { actual planned target status breakdown(by: WORK_PLAN_FOCUS) { name actual } }
}`,
      variables: { year },
    },
    {
      name: 'Work plan: themed events',
      query: `query Themed($theme: String) {
  themes { slug name }
  events(filter: { themeSlug: $theme }, first: 20) { edges { node { title startsAt kind themes { name } speakers { name organisation } } } }
}`,
      variables: { theme: 'project-management' },
    },
    {
      name: 'Work plan: atlases',
      query: `query Atlases {
  areas { slug name atlasPublished atlasPublishedAt districts { name } housingAreas { name } actors(first: 10) { totalCount edges { node { name kind } } } }
}`,
    },
    {
      name: 'Work plan: seminar package',
      query: `query SeminarPackage {
  speakers(first: 20) { edges { node { name organisation topics contactEmail } } }
  materials(first: 20) { edges { node { title url downloadUrl fileName size } } }
  adviceItems(first: 50) { edges { node { kind title body } } }
}`,
    },
  ];
}
