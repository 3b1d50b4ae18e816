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
        districtSlug: 'norrebro',
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
    variables: { filter: { districtSlug: 'norrebro' }, first: 20 },
  },
  {
    name: 'Districts and occasions',
    query: `query Reference {
  districts { slug name }
  housingAreas { slug name }
  occasions { slug name dates { year startsOn endsOn } }
}`,
  },
];
