/**
 * NODE_ENV=production says no more than a client needs, through Node's fetch against a listening
 * server: no GraphiQL and no introspection unless turned on, no "Did you mean" suggestions from any
 * phase, no parser internals, no SQL during an outage. The same requests in development show
 * what production hides, so each case is known to matter.
 */
import { getNamedType, isEnumType, isNonNullType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { schema } from '../../src/schema/index.js';
import { createApp } from '../../src/server/app.js';
import { listenApp, type Listening } from '../helpers/listen.js';

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let handle: DatabaseHandle;
const servers: Listening[] = [];
beforeAll(async () => {
  handle = await openDatabase({});
  await migrate(handle.db);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await handle.close();
});

async function serve(env: Record<string, string>, db = handle.db): Promise<Listening> {
  const server = await listenApp(createApp({ db, config: loadConfig(env) }));
  servers.push(server);
  return server;
}

const post = async (server: Listening, body: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  return { status: response.status, body: (await response.json()) as Body };
};

const INTROSPECTION = JSON.stringify({ query: '{ __schema { queryType { name } } }' });

/**
 * Requests graphql-js answers with a suggestion, derived from the schema: every root field, its
 * arguments and their enum values, and every object type, each misspelled by one letter.
 */
function misspellings(): { name: string; body: string }[] {
  const cases: { name: string; body: string }[] = [];
  const fields = Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[];
  for (const field of fields) {
    cases.push({ name: `field ${field.name}`, body: JSON.stringify({ query: `{ ${field.name}x }` }) });
    for (const arg of field.args) {
      cases.push({
        name: `argument ${field.name}(${arg.name})`,
        body: JSON.stringify({ query: `{ ${field.name}(${arg.name}x: 1) { __typename } }` }),
      });
      const type = getNamedType(arg.type);
      if (!isEnumType(type)) continue;
      const value = `${type.getValues()[0]!.name}X`;
      cases.push({
        name: `enum ${type.name} literal`,
        body: JSON.stringify({ query: `{ ${field.name}(${arg.name}: ${value}) { __typename } }` }),
      });
      // A variable is coerced only once the document is valid: no other argument may be missing.
      if (field.args.some((a) => a !== arg && isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      cases.push({
        name: `enum ${type.name} variable`,
        body: JSON.stringify({
          query: `query ($v: ${type.name}) { ${field.name}(${arg.name}: $v) { __typename } }`,
          variables: { v: value },
        }),
      });
    }
  }
  for (const type of ['Speaker', 'Article', 'Quote', 'Event', 'Organization']) {
    cases.push({ name: `type ${type}`, body: JSON.stringify({ query: `{ node(id: "x") { ... on ${type}x { id } } }` }) });
  }
  return cases;
}

describe('NODE_ENV=production', () => {
  it('serves neither GraphiQL nor introspection unless turned on, and says so on the root page', async () => {
    const production = await serve({ NODE_ENV: 'production' });
    const page = await fetch(`${production.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/renderYogaGraphiQL|<html/i);
    expect((await fetch(`${production.origin}/graphiql/graphiql.0000000000000000.js`)).status).toBe(404);
    const introspection = await post(production, INTROSPECTION);
    expect(introspection.body.data).toBeUndefined();
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const root = await (await fetch(`${production.origin}/`)).text();
    expect(root).toContain('GraphiQL is off on this server: NODE_ENV=production (GRAPHIQL=true turns it on)');

    const opened = await serve({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' });
    expect(await (await fetch(`${opened.origin}/graphql`, { headers: { accept: 'text/html' } })).text()).toContain('renderYogaGraphiQL');
    expect((await post(opened, INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('gives no "Did you mean" suggestion, for fields, arguments, types and enum values alike', async () => {
    const development = await serve({});
    const production = await serve({ NODE_ENV: 'production' });
    const cases = misspellings();
    expect(cases.length).toBeGreaterThan(20);
    for (const { name, body } of cases) {
      const dev = await post(development, body);
      expect(dev.status, name).toBe(400);
      expect(dev.body.errors?.map((e) => e.message).join(' '), name).toMatch(/Did you mean/);
      const prod = await post(production, body);
      expect(prod.status, name).toBe(400);
      expect(prod.body.errors?.length, name).toBeGreaterThan(0);
      expect(JSON.stringify(prod.body), name).not.toMatch(/Did you mean|\[Suggestion hidden\]/);
    }
  });

  it("answers malformed JSON without the parser's own error", async () => {
    const development = await serve({});
    const production = await serve({ NODE_ENV: 'production' });
    const dev = await post(development, '{"query": ');
    expect(dev.body.errors?.[0]?.extensions?.originalError).toBeDefined();
    const prod = await post(production, '{"query": ');
    expect(prod.status).toBe(400);
    expect(prod.body.errors).toEqual([{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('shows no SQL in any answer while the database is gone', async () => {
    const broken = await openDatabase({});
    await broken.close();
    const production = await serve({ NODE_ENV: 'production' }, broken.db);
    const answer = await post(
      production,
      JSON.stringify({ query: '{ speaker(slug: "claudia-sheinbaum") { name quotes { totalCount } } }' }),
    );
    expect(answer.body.errors?.[0]?.message).toMatch(/^(Unexpected error\.|The database is unavailable; try again shortly\.)$/);
    const ready = await fetch(`${production.origin}/ready`);
    for (const text of [JSON.stringify(answer.body), await ready.text()]) expect(text).not.toMatch(/select|from "|params|Failed query/i);
  });

  it('is the only thing that turns GraphiQL and introspection off by default', () => {
    expect(loadConfig({})).toMatchObject({ production: false, graphiql: true, introspection: true });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, graphiql: false, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' })).toMatchObject({ graphiql: true, introspection: false });
    expect(loadConfig({ GRAPHIQL: 'false', INTROSPECTION: 'off' })).toMatchObject({ graphiql: false, introspection: false });
  });
});
