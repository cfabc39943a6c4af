import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute, query } from '../helpers/graphql.js';

describeEachDatabase('the server', (suite) => {
  let app: App;

  beforeAll(async () => {
    await suite.db.execute(
      sql`INSERT INTO articles (slug, title, authors, published_on, body)
          VALUES ('skeleton-article', 'A skeleton', ARRAY['Ann Author'], '2025-08-15', ${'First paragraph.\n\nSecond one.'})`,
    );
    await suite.db.execute(
      sql`INSERT INTO article_paragraphs (article_id, position, start_offset, end_offset)
          SELECT id, p.position, p.s, p.e FROM articles, (VALUES (0, 0, 16), (1, 18, 29)) AS p(position, s, e)
          WHERE slug = 'skeleton-article'`,
    );
    app = createApp({ db: suite.db });
  });

  it('answers article(slug) with its paragraphs', async () => {
    const data = await query(
      app,
      `{ article(slug: "skeleton-article") { id title authors publishedOn paragraphs { position startOffset endOffset text } } }`,
    );
    expect(data.article.title).toBe('A skeleton');
    expect(data.article.authors).toEqual(['Ann Author']);
    expect(data.article.publishedOn).toBe('2025-08-15');
    expect(data.article.paragraphs).toEqual([
      { position: 0, startOffset: 0, endOffset: 16, text: 'First paragraph.' },
      { position: 1, startOffset: 18, endOffset: 29, text: 'Second one.' },
    ]);
  });

  it('answers null for an unknown slug', async () => {
    const data = await query(app, `{ article(slug: "no-such-article") { id } }`);
    expect(data.article).toBeNull();
  });

  it('fetches the same article back through node(id)', async () => {
    const { article } = await query(app, `{ article(slug: "skeleton-article") { id } }`);
    const data = await query(app, `query ($id: ID!) { node(id: $id) { __typename id ... on Article { slug } } }`, {
      id: article.id,
    });
    expect(data.node).toEqual({ __typename: 'Article', id: article.id, slug: 'skeleton-article' });
  });

  it('serves GraphiQL at /graphql without any CDN', async () => {
    const response = await app.fetch('http://verbatim.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Verbatim</title>');
    // Every script and stylesheet is inline: no URL to another host.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });

  it('answers a malformed query with a 400 and a GraphQL error', async () => {
    const result = await execute(app, `{ article(slug: ) { id } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});
