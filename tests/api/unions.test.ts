/**
 * The examples of the issue "Right answers on every path", on the seed corpus: a connection under
 * a union, or asked in sibling branches with other arguments, used to answer with another field's
 * rows or counts (one loader per response path spoke for every field at that path).
 */
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

describeEachDatabase('connections under unions and sibling branches (seed corpus)', (suite) => {
  let app: App;
  beforeAll(() => {
    app = createApp({ db: suite.db });
  });

  /** How many events a speaker or an organization took part in, asked directly. */
  async function directEvents(typename: string, slug: string): Promise<number> {
    const field = typename === 'Speaker' ? 'speaker' : 'organization';
    const data = await query(app, `query ($slug: String!) { x: ${field}(slug: $slug) { events { totalCount } } }`, { slug });
    return data.x.events.totalCount as number;
  }

  it('Speaker.events and Organization.events under one event’s participants', async () => {
    const data = await query(
      app,
      `{ event(slug: "mexico-extradites-26-cartel-members") { participants { nodes {
          __typename ... on Speaker { slug events { totalCount } } ... on Organization { slug events { totalCount } } } } } }`,
    );
    const participants = data.event.participants.nodes as { __typename: string; slug: string; events: { totalCount: number } }[];
    const mexico = participants.find((p) => p.slug === 'government-of-mexico');
    expect(mexico?.events.totalCount).toBe(3);
    expect(await directEvents('Organization', 'government-of-mexico')).toBe(3);
    for (const p of participants) expect(p.events.totalCount, p.slug).toBe(await directEvents(p.__typename, p.slug));
  });

  it('every participant of every event counts its own events', async () => {
    const data = await query(
      app,
      `{ events(first: 100) { nodes { participants { nodes {
          __typename ... on Speaker { slug events { totalCount } } ... on Organization { slug events { totalCount } } } } } } }`,
    );
    const seen = new Map<string, number>();
    for (const event of data.events.nodes) {
      for (const p of event.participants.nodes as { __typename: string; slug: string; events: { totalCount: number } }[]) {
        const expected = await directEvents(p.__typename, p.slug);
        expect(p.events.totalCount, `${p.__typename} ${p.slug}`).toBe(expected);
        seen.set(p.slug, expected);
      }
    }
    // The counts the issue saw wrong: Donald Trump 6 for 4, Pancho Villa 1 for 2.
    expect(seen.get('donald-trump')).toBe(4);
    expect(seen.get('pancho-villa')).toBe(2);
  });

  it('Article.quotes(first: 1) beside Speaker.quotes(first: 5) under search', async () => {
    const data = await query(
      app,
      `{ search(query: "Sheinbaum") { nodes {
          __typename ... on Article { slug quotes(first: 1) { totalCount nodes { text } } } ... on Speaker { slug quotes(first: 5) { totalCount nodes { text } } } } } }`,
    );
    const nodes = data.search.nodes as { __typename: string; slug?: string; quotes?: { totalCount: number; nodes: unknown[] } }[];
    const article = nodes.find((n) => n.__typename === 'Article');
    const speaker = nodes.find((n) => n.__typename === 'Speaker' && n.slug === 'claudia-sheinbaum');
    expect(article?.quotes).toMatchObject({ totalCount: 48 });
    expect(article?.quotes?.nodes).toHaveLength(1);
    const direct = await query(app, `{ speaker(slug: "claudia-sheinbaum") { quotes(first: 5) { totalCount nodes { text } } } }`);
    expect(speaker?.quotes).toEqual(direct.speaker.quotes);
    expect(speaker?.quotes?.nodes).toHaveLength(5);
  });
});
