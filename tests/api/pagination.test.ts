import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { expectError, walk, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ...Key } }`;
const KEY = `fragment Key on Node { id ... on Quote { text } ... on Event { slug } ... on Speaker { slug } ... on Article { slug } ... on Organization { slug } }`;
const ARGS = `$first: Int, $after: String, $last: Int, $before: String`;
const PAGING = `first: $first, after: $after, last: $last, before: $before`;

/** Lists to page through: a document and where its connection is. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are asserted, not typed
const LISTS: { name: string; document: string; pick: (d: Record<string, any>) => any }[] = [
  { name: 'quotes', document: `query (${ARGS}) { quotes(${PAGING}) { ${PAGE} } } ${KEY}`, pick: (d) => d.quotes },
  { name: 'events', document: `query (${ARGS}) { events(${PAGING}) { ${PAGE} } } ${KEY}`, pick: (d) => d.events },
  {
    name: 'events(from, to), read span by span',
    document: `query (${ARGS}) { events(from: "2000-01-01", to: "2030-12-31", ${PAGING}) { ${PAGE} } } ${KEY}`,
    pick: (d) => d.events,
  },
  { name: 'speakers', document: `query (${ARGS}) { speakers(${PAGING}) { ${PAGE} } } ${KEY}`, pick: (d) => d.speakers },
  { name: 'organizations', document: `query (${ARGS}) { organizations(${PAGING}) { ${PAGE} } } ${KEY}`, pick: (d) => d.organizations },
  { name: 'articles', document: `query (${ARGS}) { articles(${PAGING}) { ${PAGE} } } ${KEY}`, pick: (d) => d.articles },
  {
    name: 'organizations(search), by relevance',
    document: `query (${ARGS}) { organizations(search: "de", ${PAGING}) { ${PAGE} } } ${KEY}`,
    pick: (d) => d.organizations,
  },
  {
    name: 'Speaker.quotes',
    document: `query (${ARGS}) { speaker(slug: "claudia-sheinbaum") { quotes(${PAGING}) { ${PAGE} } } } ${KEY}`,
    pick: (d) => d.speaker.quotes,
  },
  {
    name: 'Article.speakers',
    document: `query (${ARGS}) { article(slug: "mexico-rejects-strikes") { speakers(${PAGING}) { ${PAGE} } } } ${KEY}`,
    pick: (d) => d.article.speakers,
  },
  {
    name: 'Organization.events',
    document: `query (${ARGS}) { organization(slug: "sinaloa-cartel") { events(${PAGING}) { ${PAGE} } } } ${KEY}`,
    pick: (d) => d.organization.events,
  },
  {
    name: 'Event.participants',
    document: `query (${ARGS}) { event(slug: "strike-order") { participants(${PAGING}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor role node { ... on Speaker { slug } ... on Organization { slug } } } } } }`,
    pick: (d) => d.event.participants,
  },
];

describeEachDatabase('pagination', (suite) => {
  const api = withCorpus(suite);

  for (const list of LISTS) {
    it(`${list.name}: forward and backward to the end, no row missing or repeated`, async () => {
      const whole = list.pick(await query(api.app, list.document, { first: 100 }));
      const all = whole.edges.map((e: { node: unknown }) => e.node);
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      for (const size of [1, 2]) {
        for (const backward of [false, true]) {
          const { nodes, pages } = await walk(api.app, list.document, list.pick, { size, backward });
          expect(nodes, `size ${size}, ${backward ? 'backward' : 'forward'}`).toEqual(all);
          expect(pages).toHaveLength(Math.ceil(all.length / size));
          for (const page of pages) expect(page.totalCount).toBe(all.length);
          // Each page knows there is more on the side it came from (Relay's optional case, answered).
          const [first, ...rest] = pages;
          expect(backward ? first!.pageInfo.hasNextPage : first!.pageInfo.hasPreviousPage).toBe(false);
          for (const page of rest) expect(backward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage).toBe(true);
        }
      }
    });
  }

  it('after and before together return the rows between the two cursors', async () => {
    const [list] = LISTS;
    const all = list!.pick(await query(api.app, list!.document, { first: 100 })).edges;
    const between = list!.pick(await query(api.app, list!.document, { after: all[1].cursor, before: all[5].cursor, first: 10 }));
    expect(between.edges.map((e: { cursor: string }) => e.cursor)).toEqual(all.slice(2, 5).map((e: { cursor: string }) => e.cursor));
    expect(between.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last2 = list!.pick(await query(api.app, list!.document, { after: all[1].cursor, before: all[5].cursor, last: 2 }));
    expect(last2.edges.map((e: { cursor: string }) => e.cursor)).toEqual(all.slice(3, 5).map((e: { cursor: string }) => e.cursor));
    expect(last2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('first: 0 gives no edges but the count and whether rows exist', async () => {
    const data = await query(
      api.app,
      `{ events(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } } }`,
    );
    expect(data.events).toEqual({ totalCount: 7, edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  it('totalCount and pageInfo are right however the query selects them: aliases, fragments, inline fragments', async () => {
    // The statement counts rows and looks behind the cursor only for a query that asks; asking
    // through a fragment or under an alias must still count as asking.
    const all = (await query(api.app, `{ quotes(first: 100) { edges { cursor } } }`)).quotes.edges;
    const doc = `query ($after: String) {
      plain: quotes(first: 2, after: $after) { edges { cursor } }
      counted: quotes(first: 2, after: $after) { ...Counted }
      inline: quotes(first: 2, after: $after) { ... on QuoteConnection { n: totalCount info: pageInfo { back: hasPreviousPage } } }
    }
    fragment Counted on QuoteConnection { totalCount pageInfo { ...Back } }
    fragment Back on PageInfo { hasPreviousPage hasNextPage }`;
    const data = await query(api.app, doc, { after: all[2].cursor });
    expect(data.plain.edges.map((e: { cursor: string }) => e.cursor)).toEqual(all.slice(3, 5).map((e: { cursor: string }) => e.cursor));
    expect(data.counted).toEqual({ totalCount: all.length, pageInfo: { hasPreviousPage: true, hasNextPage: true } });
    expect(data.inline).toEqual({ n: all.length, info: { back: true } });
    const nested = await query(
      api.app,
      `{ speaker(slug: "claudia-sheinbaum") { quotes(first: 1) { ...C } } } fragment C on QuoteConnection { totalCount }`,
    );
    expect(nested.speaker.quotes.totalCount).toBe(3);
  });

  it('defaults to 20 items a page', async () => {
    const data = await query(api.app, `{ quotes { edges { cursor } pageInfo { hasNextPage } } }`);
    expect(data.quotes.edges.length).toBe(7);
    expect(data.quotes.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects page sizes over 100, negative sizes, and first with last', async () => {
    const doc = `query (${ARGS}) { events(${PAGING}) { totalCount } }`;
    const over = await expectError(api.app, doc, { first: 101 }, 'BAD_USER_INPUT', /`first` must be at most 100 \(got 101\)/);
    expect(over.errors?.[0]?.extensions).toMatchObject({ argument: 'first', maximum: 100 });
    await expectError(api.app, doc, { first: 100_000 }, 'BAD_USER_INPUT', /`first` must be at most 100/);
    await expectError(api.app, doc, { last: 500 }, 'BAD_USER_INPUT', /`last` must be at most 100/);
    await expectError(api.app, doc, { first: -1 }, 'BAD_USER_INPUT', /`first` must not be negative/);
    await expectError(api.app, doc, { last: -3 }, 'BAD_USER_INPUT', /`last` must not be negative/);
    await expectError(api.app, doc, { first: 2, last: 2 }, 'BAD_USER_INPUT', /either `first` or `last`/);
  });

  it('a bad page size in a nested connection fails that field only', async () => {
    const result = await expectError(
      api.app,
      `{ speaker(slug: "claudia-sheinbaum") { name quotes(first: 1000) { totalCount } } }`,
      {},
      'BAD_USER_INPUT',
      /`first` must be at most 100/,
    );
    expect(result.errors?.[0]?.path).toEqual(['speaker', 'quotes']);
  });

  it('rejects malformed cursors, tampered cursors and cursors of another list', async () => {
    const doc = `query (${ARGS}) { quotes(${PAGING}) { totalCount } }`;
    const eventCursor = (await query(api.app, `{ events(first: 1) { edges { cursor } } }`)).events.edges[0].cursor;
    const tampered = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    await expectError(api.app, doc, { after: 'not a cursor!' }, 'BAD_USER_INPUT', /Invalid cursor in `after`/);
    await expectError(api.app, doc, { before: 'abc' }, 'BAD_USER_INPUT', /Invalid cursor in `before`/);
    await expectError(api.app, doc, { after: eventCursor }, 'BAD_USER_INPUT', /belongs to a list ordered as "event", not "quote"/);
    await expectError(api.app, doc, { after: tampered(['quote', '2025-02-30', 1, 1, 1]) }, 'BAD_USER_INPUT', /Invalid cursor/);
    await expectError(api.app, doc, { after: tampered(['quote', '2025-02-20', 1, 1]) }, 'BAD_USER_INPUT', /Invalid cursor/);
    await expectError(api.app, doc, { after: tampered(['quote', '2025-02-20', 1, 1, 99_999_999_999]) }, 'BAD_USER_INPUT', /Invalid cursor/);
    await expectError(api.app, doc, { after: tampered(['quote', '2025-02-20', '1', 1, 1]) }, 'BAD_USER_INPUT', /Invalid cursor/);
    await expectError(
      api.app,
      `{ speakers(after: "${tampered(['speaker', 'a\u0000b'])}") { totalCount } }`,
      {},
      'BAD_USER_INPUT',
      /Invalid cursor/,
    );
  });

  it('a forged name-search cursor out of float4 range is a client error, and a real one still pages', async () => {
    const tampered = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const doc = `query ($after: String) { speakers(search: "Sheinbaum", first: 1, after: $after) { edges { cursor node { slug } } } }`;
    // The distance is a real (float4): "1e99" and "1e-99" read as numbers but fail PostgreSQL's cast.
    for (const distance of ['1e99', '1e-99', '-1e99', '3.5e38']) {
      await expectError(
        api.app,
        doc,
        { after: tampered(['speaker-match', distance, 'claudia-sheinbaum']) },
        'BAD_USER_INPUT',
        /Invalid cursor in `after`/,
      );
    }
    const first = (await query(api.app, doc)).speakers.edges[0];
    const again = await query(api.app, doc, { after: first.cursor });
    expect(again.speakers.edges.map((e: { node: { slug: string } }) => e.node.slug)).not.toContain(first.node.slug);
    const small = await query(api.app, doc, { after: tampered(['speaker-match', '1e-30', 'a']) });
    expect(small.speakers.edges.length).toBeLessThanOrEqual(1);
  });

  // Last: it adds rows to the corpus.
  it('a cursor stays valid after rows are added on either side of it', async () => {
    const doc = `query (${ARGS}) { quotes(${PAGING}) { ${PAGE} } } ${KEY}`;
    const before = (await query(api.app, doc, { first: 100 })).quotes.edges.map((e: { node: { text: string } }) => e.node.text);
    const page1 = (await query(api.app, doc, { first: 3 })).quotes;

    for (const [slug, day, text] of [
      ['early-article', '2024-01-01', 'an early word'],
      ['late-article', '2026-01-01', 'a late word'],
    ] as const) {
      await suite.db.execute(sql`
        WITH a AS (INSERT INTO articles (slug, title, published_on, body) VALUES (${slug}, ${slug}, ${day}::date, ${`They said "${text}".`}) RETURNING id)
        INSERT INTO quotes (article_id, speaker_id, kind, text, published_on, paragraph, start_offset, end_offset)
        SELECT a.id, s.id, 'DIRECT', ${text}, ${day}::date, 0, 10, ${10 + text.length} FROM a, speakers s WHERE s.slug = 'donald-trump'`);
    }

    const next = (await query(api.app, doc, { first: 100, after: page1.pageInfo.endCursor })).quotes;
    expect(next.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual([...before.slice(3), 'a late word']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    const previous = (await query(api.app, doc, { last: 100, before: page1.pageInfo.startCursor })).quotes;
    expect(previous.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(['an early word']);
    expect(previous.totalCount).toBe(before.length + 2);
  });
});
