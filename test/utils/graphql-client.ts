export interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown } }[];
}

/** Posts one GraphQL operation to a running app, optionally as a logged-in user. */
export async function graphql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphqlResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphqlResponse<T>;
}

/** The data of a response that must have no errors; throws with the errors otherwise. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  if (!response.data) throw new Error('GraphQL response without data');
  return response.data;
}

/** The single error of a response that must fail. */
export function errorOf(response: GraphqlResponse): NonNullable<GraphqlResponse['errors']>[number] {
  if (!response.errors?.length) throw new Error(`expected a GraphQL error, got data: ${JSON.stringify(response.data)}`);
  return response.errors[0];
}
