/**
 * Tiny requests, huge responses: the same article's body asked thousands of times through
 * `nodes(ids:)` is refused by the cost estimate at the default limits, and by the response size
 * limit, measured before serialisation, when the cost limit lets it through. The size is counted
 * exactly as the JSON's UTF-8 bytes (checked against JSON.stringify on generated values).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, DEFAULT_LIMITS } from '../../src/config.js';
import { createApp, type App } from '../../src/server/app.js';
import { jsonBytesOver } from '../../src/server/json-size.js';
import { LIMIT_CODES } from '../../src/server/limits.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';
import { execute, query } from '../helpers/graphql.js';

describeEachDatabase('response size', (suite) => {
  let articleId: string;
  let body: string;
  beforeAll(async () => {
    await seedCorpus(suite.db);
    const data = await query(createApp({ db: suite.db }), '{ article(slug: "mexico-rejects-strikes") { id body } }');
    articleId = data.article.id as string;
    body = data.article.body as string;
  });

  const amplified = (n: number) =>
    `{ nodes(ids: [${Array.from({ length: n }, () => JSON.stringify(articleId)).join(',')}]) { ... on Article { body } } }`;

  it('refuses one body asked thousands of times by its cost, at the default limits', async () => {
    const r = await execute(createApp({ db: suite.db }), amplified(2_000));
    expect(r.errors?.[0]?.extensions?.code).toBe(LIMIT_CODES.cost);
  });

  it('refuses an answer over LIMIT_RESPONSE_BYTES before serialising it, and lets one under it through', async () => {
    const responseBytes = 50_000;
    const app: App = createApp({
      db: suite.db,
      config: defaultConfig({
        limits: { ...DEFAULT_LIMITS, cost: 10_000_000, aliases: 100_000, tokens: 1_000_000, bodyBytes: 10_000_000, responseBytes },
      }),
    });
    const over = Math.ceil(responseBytes / body.length) + 10;
    // nodes(ids:) answers a repeated id once: aliases repeat the body instead.
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: article(slug: "mexico-rejects-strikes") { body }`).join(' ')} }`;
    const r = await execute(app, aliased(over));
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions?.code).toBe(LIMIT_CODES.responseBytes);
    expect(r.errors?.[0]?.message).toContain(`limit "responseBytes": ${responseBytes}`);

    const under = Math.floor(responseBytes / (body.length + 40)) - 5;
    const ok = await execute(app, aliased(under));
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(ok.data as object)).toHaveLength(under);
  });
});

describe('jsonBytesOver', () => {
  it('counts exactly the UTF-8 bytes of JSON.stringify, and stops past the limit', () => {
    // Well-formed strings (lone surrogates are the documented exception), with escapes and non-ASCII.
    const value = fc.jsonValue({ maxDepth: 6, stringUnit: 'grapheme' });
    fc.assert(
      fc.property(value, (v) => {
        const exact = Buffer.byteLength(JSON.stringify(v), 'utf8');
        expect(jsonBytesOver(v, exact)).toBeUndefined();
        if (exact > 0) expect(jsonBytesOver(v, exact - 1)).toBeGreaterThan(exact - 1);
      }),
      { numRuns: 500 },
    );
    expect(jsonBytesOver({ a: 'tab\there "q" \\ \u0001' }, 1_000)).toBeUndefined();
    expect(jsonBytesOver({ a: 'tab\there "q" \\ \u0001' }, 10)).toBeGreaterThan(10);
  });

  it('walks data nested far deeper than any stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonBytesOver(deep, 1_000_000)).toBeUndefined();
  });
});
