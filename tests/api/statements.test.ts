/**
 * No N+1: the number of SQL statements a request sends depends on the query's shape, never on
 * how many rows it returns. Each query runs on a corpus of 3 and one of 30; the counts must match.
 */
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS, defaultConfig } from '../../src/config.js';
import { countStatements } from '../../src/db/instrument.js';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedScale } from '../helpers/fixtures.js';
import { execute } from '../helpers/graphql.js';

/** speaker → quotes → article → events → participants, plus roles and paragraphs on the way. */
const SPEAKER_TREE = `query ($slug: String!) {
  article(slug: $slug) {
    speakers(first: 50) { totalCount nodes {
      name roles { title organization { name } }
      quotes(first: 5) { totalCount nodes {
        text paragraph { text }
        speaker { slug }
        article { title events(first: 50) { totalCount nodes {
          title date { start }
          participants(first: 10) { totalCount edges { role node { __typename ... on Speaker { name } ... on Organization { name } } } }
        } } }
      } }
    } }
  } }`;

/** A page of 50 events with their participants (and theirs), and the articles that report them. */
const EVENT_PAGE = `query ($from: Date!, $to: Date!) {
  events(from: $from, to: $to, first: 50) { totalCount nodes {
    title
    participants { nodes {
      __typename
      ... on Speaker { slug events { totalCount } organizations { nodes { slug members { totalCount } } } articles { totalCount } }
      ... on Organization { slug children { totalCount } parent { slug } speakers { slug } }
    } }
    articles { edges { sentence node { slug quotes(first: 3) { nodes { text } } } } }
  } } }`;

/** A root list filtered to one corpus, with the speaker of each quote and their roles. */
const QUOTE_LIST = `query ($article: String!) {
  quotes(article: $article, first: 50) { totalCount nodes { text paragraph { position } speaker { name roles { title } } } }
}`;

/** Search: "of 3" and "of 30" are distinct words ("3", "30") matching one corpus each. */
const SEARCH = `query ($q: String!) {
  search(query: $q, kinds: [QUOTE, ARTICLE, EVENT], first: 50) { totalCount edges { rank snippet node {
    __typename
    ... on Quote { speaker { slug } }
    ... on Event { participants { totalCount } }
    ... on Article { quotes { totalCount } }
  } } }
}`;

describeEachDatabase('SQL statements per request', (suite) => {
  let app: App;

  beforeAll(async () => {
    await seedScale(suite.db, 3, 2030);
    await seedScale(suite.db, 30, 2031);
    // These shapes are deliberately large (thousands of potential rows): the request limits,
    // tested on their own, would refuse them, and what is measured here is batching.
    app = createApp({ db: suite.db, config: defaultConfig({ limits: { ...DEFAULT_LIMITS, depth: 50, cost: 100_000_000 } }) });
  });

  async function run(document: string, variables: Record<string, unknown>) {
    const { result, statements } = await countStatements(() => execute(app, document, variables));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    // A count of 0 would mean the counting itself is broken, and every comparison would pass.
    expect(statements).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted below
    return { data: result.data as Record<string, any>, statements };
  }

  it('speaker → quotes → article → events → participants: the same count for 3 and 30 speakers', async () => {
    const small = await run(SPEAKER_TREE, { slug: 'scale-3' });
    const large = await run(SPEAKER_TREE, { slug: 'scale-30' });
    expect(small.data.article.speakers.nodes).toHaveLength(3);
    expect(large.data.article.speakers.nodes).toHaveLength(30);
    expect(large.data.article.speakers.nodes[29].quotes.nodes[0].article.events.nodes).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
    // One per level: article, speakers, roles, organizations, quotes (their articles fetched with
    // them), paragraphs, article bodies (for the paragraphs' text), events, participants.
    expect(large.statements).toBeLessThanOrEqual(9);
  });

  it('a page of events with participants and reporting articles: the same count for 3 and 30 events', async () => {
    const small = await run(EVENT_PAGE, { from: '2030-01-01', to: '2030-12-31' });
    const large = await run(EVENT_PAGE, { from: '2031-01-01', to: '2031-12-31' });
    expect(small.data.events.nodes).toHaveLength(3);
    expect(large.data.events.nodes).toHaveLength(30);
    expect(large.data.events.nodes[0].participants.nodes).toHaveLength(2);
    expect(large.statements).toBe(small.statements);
  });

  it('a root list with the speakers of its quotes: the same count for 3 and 30 quotes', async () => {
    const small = await run(QUOTE_LIST, { article: 'scale-3' });
    const large = await run(QUOTE_LIST, { article: 'scale-30' });
    expect(small.data.quotes.nodes).toHaveLength(3);
    expect(large.data.quotes.nodes).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
  });

  it("a page of quotes by a speaker with their articles (the bench's (a)) is one statement, an unknown speaker included", async () => {
    const doc = `query ($speaker: String, $article: String) { quotes(speaker: $speaker, article: $article, first: 20) { nodes { text article { title } } } }`;
    const inArticle = await run(doc, { article: 'scale-30' });
    expect(inArticle.data.quotes.nodes).toHaveLength(20);
    expect(inArticle.data.quotes.nodes.every((q: { article: { title: string } }) => q.article.title === 'A corpus of 30')).toBe(true);
    expect(inArticle.statements).toBe(1);
    const bySpeaker = await run(doc, { speaker: 'scale-30-speaker-007', article: 'scale-30' });
    expect(bySpeaker.data.quotes.nodes).toEqual([{ text: 'line 007 of 30', article: { title: 'A corpus of 30' } }]);
    expect(bySpeaker.statements).toBe(1);
    // The slug is resolved inside the same statement, and NOT_FOUND still names the argument.
    const { result, statements } = await countStatements(() => execute(app, doc, { speaker: 'nobody-at-all' }));
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toMatch(/No speaker has the slug "nobody-at-all" \(argument `speaker`\)/);
    expect(statements).toBe(1);
  });

  it("events with their participants (the bench's (b)) is one statement, and the same answer as loading them apart", async () => {
    const participants = (args: string) => `participants(${args}) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { __typename ... on Speaker { slug name } ... on Organization { slug name } } } }`;
    const shape = (args: string) => `query ($from: Date!, $to: Date!) {
      events(from: $from, to: $to, first: 20) { nodes { id slug ${participants(args)} } } }`;
    const range = { from: '2031-01-01', to: '2031-12-31' };
    const together = await run(shape('first: 1'), range);
    expect(together.statements).toBe(1);
    expect(together.data.events.nodes).toHaveLength(20);
    // Any page of the participants rides in the events' statement, cursors included.
    const withCursor = await run(shape('first: 1, after: null'), range);
    expect(withCursor.statements).toBe(1);
    expect(withCursor.data).toEqual(together.data);
    // Events fetched by id come from their node loader, so their participants are loaded by the
    // field's own statement: the answers must agree, cursors and all.
    const ids = together.data.events.nodes.map((e: { id: string }) => e.id);
    const apart = await run(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Event { id slug ${participants('first: 1')} } } }`, { ids });
    expect(apart.statements).toBe(2);
    expect(apart.data.nodes).toEqual(together.data.events.nodes);
    expect(together.data.events.nodes[0].participants).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
  });

  it('search with nested relations: the same count for 3 and 30 matches of each kind', async () => {
    const small = await run(SEARCH, { q: 'of 3' });
    const large = await run(SEARCH, { q: 'of 30' });
    expect(small.data.search.totalCount).toBe(3 + 1 + 3);
    expect(large.data.search.totalCount).toBe(30 + 1 + 30);
    expect(large.statements).toBe(small.statements);
  });
});
