import { expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { encodeGlobalId } from '../../src/schema/ids.js';
import { createApp } from '../../src/server/app.js';
import { expectError, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute, query } from '../helpers/graphql.js';

describeEachDatabase('global ids: node and nodes', (suite) => {
  const api = withCorpus(suite);

  /** One id of each node type, with the slug (or text) that identifies it. */
  async function oneOfEach() {
    const data = await query(
      api.app,
      `{ article(slug: "ms13-designated") { id slug }
         speaker(slug: "donald-trump") { id slug }
         organization(slug: "mara-salvatrucha") { id slug }
         event(slug: "navy-raid") { id slug }
         quotes(speaker: "donald-trump") { nodes { id text } } }`,
    );
    return [
      { id: data.article.id, type: 'Article', key: data.article.slug },
      { id: data.speaker.id, type: 'Speaker', key: data.speaker.slug },
      { id: data.organization.id, type: 'Organization', key: data.organization.slug },
      { id: data.event.id, type: 'Event', key: data.event.slug },
      { id: data.quotes.nodes[0].id, type: 'Quote', key: data.quotes.nodes[0].text },
    ];
  }

  const NODE_SELECTION = `__typename id
    ... on Article { key: slug } ... on Speaker { key: slug } ... on Organization { key: slug }
    ... on Event { key: slug } ... on Quote { key: text }`;

  it('fetches every kind of entity back by its id', async () => {
    for (const expected of await oneOfEach()) {
      const data = await query(api.app, `query ($id: ID!) { node(id: $id) { ${NODE_SELECTION} } }`, { id: expected.id });
      expect(data.node).toEqual({ __typename: expected.type, id: expected.id, key: expected.key });
    }
  });

  it('fetches several in the order asked, each id once, null where nothing has the id', async () => {
    const all = await oneOfEach();
    const missing = encodeGlobalId('Speaker', 999_999);
    const ids = [all[3]!.id, missing, all[0]!.id, all[4]!.id, all[0]!.id, missing];
    const data = await query(api.app, `query ($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_SELECTION} } }`, { ids });
    expect(data.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual([all[3]!.id, null, all[0]!.id, all[4]!.id]);
  });

  it('answers a repeated id once, and refuses more than 100 ids naming the limit', async () => {
    const [article] = await oneOfEach();
    const doc = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { body } } }`;
    const repeated = await query(api.app, doc, { ids: Array.from({ length: 100 }, () => article!.id) });
    expect(repeated.nodes).toHaveLength(1);
    const many = Array.from({ length: 101 }, (_, i) => encodeGlobalId('Article', i + 1));
    const ids = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const result = await expectError(api.app, ids, { ids: many }, 'BAD_USER_INPUT', /`ids` may hold at most 100 ids \(got 101\)/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ argument: 'ids', maximum: 100 });
    await expectError(api.app, ids, { ids: Array.from({ length: 6000 }, () => article!.id) }, 'BAD_USER_INPUT', /at most 100 ids/);
  });

  it('answers null for a well-formed id of a missing entity', async () => {
    const data = await query(api.app, `query ($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalId('Event', 424_242) });
    expect(data.node).toBeNull();
  });

  it('rejects malformed ids, ids of types that are not nodes, and non-canonical spellings', async () => {
    const [article] = await oneOfEach();
    const cases: [string, RegExp][] = [
      ['not an id', /Invalid global id "not an id"/],
      ['', /Invalid global id ""/],
      [Buffer.from('Article-1').toString('base64url'), /not an id this API issued/],
      [encodeGlobalId('PageInfo', 1), /PageInfo is not a node type/],
      [encodeGlobalId('Article', '01'), /not an id this API issued/],
      [encodeGlobalId('Article', 0), /not an id this API issued/],
      [encodeGlobalId('Article', 4_000_000_000), /out of range/],
      [`${article!.id}=`, /not an id this API issued/],
      [Buffer.from(Buffer.from(article!.id, 'base64url').toString('utf8')).toString('base64'), /not an id this API issued|Invalid/],
    ];
    for (const [id, message] of cases) {
      if (id === article!.id) continue; // base64 and base64url can coincide
      await expectError(api.app, `query ($id: ID!) { node(id: $id) { id } }`, { id }, 'BAD_USER_INPUT', message);
    }
    await expectError(
      api.app,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [article!.id, 'garbage!'] },
      'BAD_USER_INPUT',
      /Invalid global id "garbage!"/,
    );
  });
});

it('masks internal errors: the client sees neither the message nor the stack', async () => {
  const failing = new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('connection to 10.0.0.7 refused: secret detail');
      },
    },
  ) as unknown as Database;
  const app = createApp({ db: failing });
  const result = await execute(app, `{ speaker(slug: "claudia-sheinbaum") { name } }`);
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.message).toBe('Unexpected error.');
  expect(JSON.stringify(result)).not.toMatch(/secret|10\.0\.0\.7|stack/);
});
