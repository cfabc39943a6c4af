/** Helpers for API tests: a seeded app per suite, error assertions, and walking every page of a list. */
import { beforeAll, expect } from 'vitest';
import { CorpusVersion } from '../../src/db/corpus-version.js';
import type { Database } from '../../src/db/client.js';
import { createApp, type App } from '../../src/server/app.js';
import type { DbSuite } from './databases.js';
import { type Fixture, seedCorpus } from './fixtures.js';
import { execute, query, type GraphQLResponse } from './graphql.js';

export interface Api {
  readonly app: App;
  readonly fixture: Fixture;
}

/** Seeds the fixture corpus into the suite's database and serves it (call inside the suite). */
/**
 * The database's corpus version, read now (main.ts refreshes it on a timer; tests call
 * `refresh()` after a migration). An app given it has ETags and the response cache, as the server.
 */
export async function corpusVersionOf(db: Database): Promise<CorpusVersion> {
  const version = new CorpusVersion(db);
  await version.refresh();
  return version;
}

export function withCorpus(suite: DbSuite): Api {
  let app: App | undefined;
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    fixture = await seedCorpus(suite.db);
    app = createApp({ db: suite.db });
  });
  return {
    get app() {
      if (!app) throw new Error('corpus not seeded yet');
      return app;
    },
    get fixture() {
      if (!fixture) throw new Error('corpus not seeded yet');
      return fixture;
    },
  };
}

/** Runs `document` and asserts it fails with one error of `code` whose message matches. */
export async function expectError(
  app: App,
  document: string,
  variables: Record<string, unknown>,
  code: string,
  message: RegExp,
): Promise<GraphQLResponse> {
  const result = await execute(app, document, variables);
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.errors?.[0]?.message).toMatch(message);
  return result;
}

interface PageOf<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Pages through a whole list, `size` at a time, forward (`first`/`after`) or backward
 * (`last`/`before`). `document` takes `$first`, `$after`, `$last`, `$before`; `pick` finds the
 * connection in the result. Returns the nodes in list order and each page's pageInfo.
 */
export async function walk<T>(
  app: App,
  document: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are asserted, not typed
  pick: (data: Record<string, any>) => PageOf<T>,
  options: { size: number; backward?: boolean; variables?: Record<string, unknown> },
): Promise<{ nodes: T[]; pages: PageOf<T>[] }> {
  const pages: PageOf<T>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i += 1) {
    const variables = options.backward
      ? { ...options.variables, last: options.size, before: cursor }
      : { ...options.variables, first: options.size, after: cursor };
    const page = pick(await query(app, document, variables));
    pages.push(page);
    expect(page.edges.length).toBeLessThanOrEqual(options.size);
    const more = options.backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) break;
    cursor = options.backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  const ordered = options.backward ? [...pages].reverse() : pages;
  return { nodes: ordered.flatMap((p) => p.edges.map((e) => e.node)), pages };
}
