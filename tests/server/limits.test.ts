/** Hostile queries are refused before execution, each with its own code naming the limit. */
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Limits } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createApp, type App } from '../../src/server/app.js';
import { execute } from '../helpers/graphql.js';
import { schema } from '../../src/schema/index.js';
import { TEXT_COSTS } from '../../src/server/limits.js';
import { isObjectType } from 'graphql';

const limits: Limits = { depth: 2, aliases: 3, cost: 200, tokens: 120, directives: 3, bodyBytes: 2_000, batch: 2, responseBytes: 10_000 };

async function appWith(overrides: Parameters<typeof defaultConfig>[0] = {}): Promise<App> {
  // No statement may reach the database for a refused query: an unmigrated in-memory PGlite is
  // enough, and any query that did execute would fail on the missing tables.
  const { db } = await openDatabase({});
  return createApp({ db, config: defaultConfig({ limits, ...overrides }), readiness: async () => ({ ready: true }) });
}

async function post(app: App, body: string, headers: Record<string, string> = {}) {
  const response = await app.fetch('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    json: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

describe('request limits', () => {
  it('refuse a query deeper than the depth limit', async () => {
    const app = await appWith();
    const r = await execute(app, '{ article(slug: "x") { paragraphs { text } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    expect(r.errors?.[0]?.message).toContain('limit "depth": 2');
    expect(r.data).toBeUndefined();
  });

  it('refuse too many aliases', async () => {
    const app = await appWith();
    const r = await execute(
      app,
      '{ a: article(slug: "a") { id } b: article(slug: "b") { id } c: article(slug: "c") { id } d: article(slug: "d") { id } }',
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toContain('limit "aliases": 3');
  });

  it('refuse too many directives', async () => {
    const app = await appWith();
    const r = await execute(app, '{ __typename @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) }');
    expect(r.errors?.[0]?.extensions?.code).toBe('DIRECTIVE_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toContain('limit "directives": 3');
  });

  it('refuse a document with too many tokens', async () => {
    const app = await appWith({ limits: { ...limits, aliases: 1_000 } });
    const r = await execute(app, `{ ${Array.from({ length: 80 }, (_, i) => `f${i}: __typename`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('TOKEN_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toContain('limit "tokens": 120');
  });

  it('refuse an operation whose cost is over the limit, counting page sizes', async () => {
    const app = await appWith({ limits: { ...limits, depth: 10, cost: 15 } });
    // A plain list field counts 10 assumed items, a paragraph's text 10: 1 + 10 × (10 + 1) = 111
    // for the paragraphs, 112 with the article.
    const r = await execute(app, '{ article(slug: "x") { paragraphs { text position } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/Query cost 112 exceeds the limit of 15 \(limit "cost": 15\)/);
  });

  it('always let GraphiQL introspect the schema under the default limits', async () => {
    const { db } = await openDatabase({});
    const app = createApp({ db, readiness: async () => ({ ready: true }) });
    const r = await execute(app, getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect(r.data).toHaveProperty('__schema');
  });

  it('refuse a request body over the size limit with 413', async () => {
    const app = await appWith();
    const r = await post(app, JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(3_000) } }));
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BODY_LIMIT_EXCEEDED');
    expect(r.json.errors?.[0]?.message).toContain('limit "bodyBytes"');
  });

  it('refuse a batch over the batch limit with 413', async () => {
    const app = await appWith();
    const one = { query: '{ __typename }' };
    const ok = await post(app, JSON.stringify([one, one]));
    expect(ok.status).toBe(200);
    const r = await post(app, JSON.stringify([one, one, one]));
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BATCH_LIMIT_EXCEEDED');
    expect(r.json.errors?.[0]?.message).toContain('limit "batch": 2');
  });

  it('let a modest query through', async () => {
    const app = await appWith();
    const r = await execute(app, '{ __typename }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ __typename: 'Query' });
  });
});

describe('production switches', () => {
  it('hide field suggestions in production', async () => {
    const dev = await execute(await appWith(), '{ articl(slug: "x") { id } }');
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean "article"/);
    const prod = await execute(await appWith({ production: true }), '{ articl(slug: "x") { id } }');
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(prod.errors?.[0]?.message).toMatch(/Cannot query field "articl"/);
  });

  it('switch introspection off', async () => {
    const r = await execute(await appWith({ introspection: false }), '{ __schema { queryType { name } } }');
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const on = await execute(await appWith(), '{ __schema { queryType { name } } }');
    expect(on.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('switch GraphiQL off', async () => {
    const off = await appWith({ graphiql: false });
    const response = await off.fetch('http://verbatim.test/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('<title>Verbatim</title>');
  });
});

describe('the cost of long texts', () => {
  it('names fields the schema has (a renamed field would silently cost 1 again)', () => {
    for (const coordinate of Object.keys(TEXT_COSTS)) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) ? type.getFields()[fieldName]?.name : undefined, coordinate).toBe(fieldName);
    }
  });
});
