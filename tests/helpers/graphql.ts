/** Executes GraphQL documents through the public HTTP surface, in process (`yoga.fetch`). */
import type { App } from '../../src/server/app.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function execute<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Like execute, but fails the test on any GraphQL error and returns `data`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: results are asserted, not typed
export async function query<T = Record<string, any>>(app: App, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await execute<T>(app, document, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  if (result.data == null) throw new Error(`no data (HTTP ${result.status})`);
  return result.data;
}
