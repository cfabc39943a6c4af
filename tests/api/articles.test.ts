import { expect, it } from 'vitest';
import { expectError, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

describeEachDatabase('articles', (suite) => {
  const api = withCorpus(suite);

  it('article(slug) returns the article with its paragraphs; an unknown slug gives null', async () => {
    const data = await query(
      api.app,
      `{ article(slug: "ms13-designated") { slug title authors outlet publishedOn language body paragraphs { position text startOffset endOffset } }
         missing: article(slug: "no-such-article") { slug } }`,
    );
    const a = data.article;
    expect(a).toMatchObject({
      slug: 'ms13-designated',
      authors: ['Ana Reporter'],
      outlet: 'The Fixture Times',
      publishedOn: '2025-02-20',
      language: 'en',
    });
    expect(a.paragraphs.map((p: { position: number }) => p.position)).toEqual([0, 1, 2]);
    for (const p of a.paragraphs) expect(a.body.slice(p.startOffset, p.endOffset)).toBe(p.text);
    expect(a.paragraphs.map((p: { text: string }) => p.text).join('\n\n')).toBe(a.body);
    expect(data.missing).toBeNull();
  });

  it('the body is the same wherever the article is reached: lists leave it out and load it when asked', async () => {
    const direct = await query(api.app, `{ article(slug: "mexico-rejects-strikes") { body paragraphs { text } } }`);
    expect(direct.article.body.length).toBeGreaterThan(0);
    const listed = await query(
      api.app,
      `{
      articles { nodes { slug body paragraphs { text } } }
      quotes(article: "mexico-rejects-strikes") { nodes { article { slug body } paragraph { text } } }
    }`,
    );
    const inList = listed.articles.nodes.find((a: { slug: string }) => a.slug === 'mexico-rejects-strikes');
    expect(inList).toEqual({ slug: 'mexico-rejects-strikes', ...direct.article });
    for (const q of listed.quotes.nodes) {
      expect(q.article.body).toBe(direct.article.body);
      expect(direct.article.paragraphs.map((p: { text: string }) => p.text)).toContain(q.paragraph.text);
    }
  });

  it('articles() lists every article oldest first', async () => {
    const data = await query(api.app, `{ articles { totalCount nodes { slug publishedOn } } }`);
    expect(data.articles.totalCount).toBe(3);
    expect(data.articles.nodes.map((a: { slug: string }) => a.slug)).toEqual([
      'ms13-designated',
      'mexico-rejects-strikes',
      'a-century-of-intervention',
    ]);
  });

  it('articles(search) finds words of the title and the body, stemmed', async () => {
    const slugs = async (search: string) =>
      (await query(api.app, `query ($s: String) { articles(search: $s) { nodes { slug } } }`, { s: search })).articles.nodes.map(
        (a: { slug: string }) => a.slug,
      );
    expect(await slugs('Pershing')).toEqual(['a-century-of-intervention']);
    expect(await slugs('expedition')).toEqual(['a-century-of-intervention']);
    expect(await slugs('designating')).toEqual(['ms13-designated', 'mexico-rejects-strikes']);
    expect(await slugs('"terrorist organization" -Salvatrucha')).toEqual([]);
    expect(await slugs('nothing-like-this-anywhere')).toEqual([]);
  });

  it('articles(publishedFrom, publishedTo) filters by publication date, inclusive, open on either side', async () => {
    const slugs = async (vars: Record<string, string>) =>
      (
        await query(api.app, `query ($f: Date, $t: Date) { articles(publishedFrom: $f, publishedTo: $t) { nodes { slug } } }`, vars)
      ).articles.nodes.map((a: { slug: string }) => a.slug);
    expect(await slugs({ f: '2025-08-15', t: '2025-08-15' })).toEqual(['mexico-rejects-strikes']);
    expect(await slugs({ f: '2025-08-16' })).toEqual(['a-century-of-intervention']);
    expect(await slugs({ t: '2025-08-15' })).toEqual(['ms13-designated', 'mexico-rejects-strikes']);
  });

  it('rejects publishedFrom after publishedTo, and malformed dates', async () => {
    await expectError(
      api.app,
      `{ articles(publishedFrom: "2025-09-01", publishedTo: "2025-01-01") { totalCount } }`,
      {},
      'BAD_USER_INPUT',
      /`publishedFrom` \(2025-09-01\) is after `publishedTo`/,
    );
    await expectError(
      api.app,
      `query ($f: Date) { articles(publishedFrom: $f) { totalCount } }`,
      { f: '15/08/2025' },
      'BAD_USER_INPUT',
      /Invalid date "15\/08\/2025"/,
    );
    await expectError(api.app, `{ articles(search: "   ") { totalCount } }`, {}, 'BAD_USER_INPUT', /`search` must not be blank/);
  });

  it('Article.quotes lists its quotes in the order they appear, each pointing into the body', async () => {
    const data = await query(
      api.app,
      `{ article(slug: "mexico-rejects-strikes") { body quotes { totalCount nodes { kind text startOffset endOffset speaker { slug } paragraph { position } } } } }`,
    );
    const { body, quotes } = data.article;
    expect(quotes.totalCount).toBe(4);
    expect(quotes.nodes.map((q: { speaker: { slug: string } }) => q.speaker.slug)).toEqual([
      'claudia-sheinbaum',
      'donald-trump',
      'us-officials',
      'vito-hernandez-ochoa',
    ]);
    expect(quotes.nodes.map((q: { paragraph: { position: number } }) => q.paragraph.position)).toEqual([0, 1, 2, 3]);
    for (const q of quotes.nodes) if (q.kind !== 'INDIRECT') expect(body.slice(q.startOffset, q.endOffset)).toBe(q.text);
  });

  it('Article.events lists the events it reports, by date, with the reporting sentence', async () => {
    const data = await query(
      api.app,
      `{ article(slug: "mexico-rejects-strikes") { body events { totalCount edges { sentence startOffset endOffset node { slug } } } } }`,
    );
    const { body, events } = data.article;
    expect(events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(['ms13-designation', 'strike-order', 'navy-raid']);
    for (const e of events.edges) expect(body.slice(e.startOffset, e.endOffset)).toBe(e.sentence);
  });

  it('Article.speakers and Article.organizations list who it mentions, with how it names them', async () => {
    const data = await query(
      api.app,
      `{ article(slug: "mexico-rejects-strikes") {
           speakers { totalCount edges { mention node { slug } } }
           organizations { totalCount edges { mention node { slug } } } } }`,
    );
    expect(data.article.speakers.edges).toEqual([
      { mention: 'Mexican President Claudia Sheinbaum', node: { slug: 'claudia-sheinbaum' } },
      { mention: 'Donald Trump', node: { slug: 'donald-trump' } },
      { mention: 'US officials', node: { slug: 'us-officials' } },
      { mention: 'Security analyst Vito Hernández Ochoa', node: { slug: 'vito-hernandez-ochoa' } },
    ]);
    expect(data.article.organizations.edges).toEqual([
      { mention: 'Mara Salvatrucha (MS-13)', node: { slug: 'mara-salvatrucha' } },
      { mention: 'the Navy', node: { slug: 'mexican-navy' } },
    ]);
  });
});
