import { expect, it } from 'vitest';
import { expectError, walk, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const SEARCH = `query ($q: String!, $kinds: [SearchKind!], $first: Int, $after: String, $last: Int, $before: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor rank snippet node { __typename
      ... on Article { key: slug } ... on Speaker { key: slug } ... on Organization { key: slug }
      ... on Event { key: slug } ... on Quote { key: text } } } } }`;

interface Hit {
  rank: number;
  snippet: string;
  node: { __typename: string; key: string };
}

describeEachDatabase('search', (suite) => {
  const api = withCorpus(suite);
  const search = async (q: string, kinds?: string[]) =>
    (await query(api.app, SEARCH, { q, kinds })).search as { totalCount: number; edges: Hit[] };

  it('searches every kind of entity and ranks the results, best first', async () => {
    const result = await search('terrorist organization');
    const kinds = new Set(result.edges.map((e) => e.node.__typename));
    expect(kinds).toEqual(new Set(['Article', 'Event', 'Quote']));
    const ranks = result.edges.map((e) => e.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    for (const rank of ranks) expect(rank).toBeGreaterThan(0);
    expect(result.totalCount).toBe(result.edges.length);
    expect(result.edges.map((e) => `${e.node.__typename}:${e.node.key}`)).toEqual(
      expect.arrayContaining(['Article:ms13-designated', 'Event:ms13-designation', 'Quote:terrorist organizations']),
    );
  });

  it('highlights the matched words in a one-line snippet', async () => {
    const result = await search('Pershing');
    const hits = result.edges.map((e) => [e.node.__typename, e.node.key, e.snippet]);
    expect(hits).toEqual(
      expect.arrayContaining([
        ['Article', 'a-century-of-intervention', expect.stringContaining('<mark>Pershing</mark>')],
        ['Event', 'pershing-expedition', expect.stringContaining('<mark>Pershing</mark>')],
      ]),
    );
    for (const [, , snippet] of hits) expect(snippet).not.toMatch(/\n/);
  });

  it('finds people and organizations by misspelled or unaccented names and aliases', async () => {
    expect((await search('Sheinbam')).edges[0]?.node).toEqual({ __typename: 'Speaker', key: 'claudia-sheinbaum' });
    expect((await search('Hernandez Ochoa')).edges[0]?.node).toEqual({ __typename: 'Speaker', key: 'vito-hernandez-ochoa' });
    expect((await search('MS13', ['ORGANIZATION'])).edges[0]?.node).toEqual({ __typename: 'Organization', key: 'mara-salvatrucha' });
    const names = (await search('Sinaloa')).edges.map((e) => `${e.node.__typename}:${e.node.key}`);
    expect(names[0]).toBe('Organization:sinaloa-cartel');
  });

  it('kinds limits the result to those kinds', async () => {
    const result = await search('Sheinbaum', ['QUOTE', 'EVENT']);
    expect(result.edges).toEqual([]);
    const articles = await search('Sheinbaum', ['ARTICLE']);
    expect(articles.edges.map((e) => e.node.key).sort()).toEqual([
      'a-century-of-intervention',
      'mexico-rejects-strikes',
      'ms13-designated',
    ]);
  });

  it('pages through results both ways, with the same results in the same order', async () => {
    const all = await search('Sheinbaum OR terrorist OR Mexico');
    expect(all.totalCount).toBeGreaterThan(5);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted below
    const pick = (data: Record<string, any>) => data.search;
    const forward = await walk<Hit['node']>(api.app, SEARCH, pick, { size: 2, variables: { q: 'Sheinbaum OR terrorist OR Mexico' } });
    const backward = await walk<Hit['node']>(api.app, SEARCH, pick, {
      size: 3,
      backward: true,
      variables: { q: 'Sheinbaum OR terrorist OR Mexico' },
    });
    expect(forward.nodes).toEqual(all.edges.map((e) => e.node));
    expect(backward.nodes).toEqual(all.edges.map((e) => e.node));
  });

  it('rejects a blank query', async () => {
    await expectError(api.app, SEARCH, { q: '  ' }, 'BAD_USER_INPUT', /`query` must not be blank/);
  });
});
