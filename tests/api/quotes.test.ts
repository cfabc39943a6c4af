import { expect, it } from 'vitest';
import { expectError, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const QUOTES = `query ($speaker: String, $article: String, $search: String, $from: Date, $to: Date, $on: Date, $kind: QuoteKind) {
  quotes(speaker: $speaker, article: $article, search: $search, from: $from, to: $to, on: $on, kind: $kind) {
    totalCount nodes { text } } }`;

describeEachDatabase('quotes', (suite) => {
  const api = withCorpus(suite);
  const texts = async (variables: Record<string, unknown>) =>
    (await query(api.app, QUOTES, variables)).quotes.nodes.map((q: { text: string }) => q.text);

  it("quotes() lists every quote by the article's date, then position in the article", async () => {
    expect(await texts({})).toEqual([
      'Mara Salvatrucha is a foreign terrorist organization.',
      'will cooperate, but will not subordinate',
      'there will be no invasion of Mexico',
      'terrorist organizations',
      'The plan had been discussed since February.',
      'strikes would not end the violence.',
      'history teaches us to defend sovereignty.',
    ]);
  });

  it("quotes(speaker) gives a speaker's quotes, as Speaker.quotes does", async () => {
    const root = await texts({ speaker: 'claudia-sheinbaum' });
    expect(root).toEqual([
      'will cooperate, but will not subordinate',
      'there will be no invasion of Mexico',
      'history teaches us to defend sovereignty.',
    ]);
    const nested = await query(api.app, `{ speaker(slug: "claudia-sheinbaum") { quotes { nodes { text } } } }`);
    expect(nested.speaker.quotes.nodes.map((q: { text: string }) => q.text)).toEqual(root);
  });

  it('filters combine: article, kind, text search', async () => {
    expect(await texts({ speaker: 'claudia-sheinbaum', article: 'mexico-rejects-strikes' })).toEqual([
      'there will be no invasion of Mexico',
    ]);
    expect(await texts({ article: 'ms13-designated', kind: 'INDIRECT' })).toEqual([
      'Mara Salvatrucha is a foreign terrorist organization.',
    ]);
    expect(await texts({ search: 'invasions' })).toEqual(['there will be no invasion of Mexico']);
    expect(await texts({ search: 'terrorist', kind: 'PARTIAL' })).toEqual(['terrorist organizations']);
  });

  it('from/to/on filter by when it was said, or the publication date when the article does not say', async () => {
    // Said "on Tuesday" (2025-08-12) in an article of 2025-08-15.
    expect(await texts({ on: '2025-08-12' })).toEqual(['there will be no invasion of Mexico']);
    expect(await texts({ from: '2025-08-13', to: '2025-08-31' })).toEqual([
      'terrorist organizations',
      'The plan had been discussed since February.',
      'strikes would not end the violence.',
    ]);
    expect(await texts({ to: '2025-02-20' })).toHaveLength(2);
    expect(await texts({ from: '2025-09-01' })).toEqual(['history teaches us to defend sovereignty.']);
  });

  it('each quote knows its speaker, article, paragraph and exact place in the body', async () => {
    const data = await query(
      api.app,
      `{ quotes(speaker: "vito-hernandez-ochoa") { nodes { kind text verb channel speakerDescription startOffset endOffset publishedOn
           speaker { slug } article { slug body } paragraph { position text startOffset endOffset } } } }`,
    );
    const [q] = data.quotes.nodes;
    expect(q).toMatchObject({
      kind: 'DIRECT',
      verb: 'warned',
      channel: null,
      speakerDescription: 'Security analyst',
      publishedOn: '2025-08-15',
      speaker: { slug: 'vito-hernandez-ochoa' },
      article: { slug: 'mexico-rejects-strikes' },
      paragraph: { position: 3 },
    });
    expect(q.article.body.slice(q.startOffset, q.endOffset)).toBe(q.text);
    expect(q.paragraph.text).toContain(q.text);
    expect(q.paragraph.startOffset).toBeLessThanOrEqual(q.startOffset);
    expect(q.paragraph.endOffset).toBeGreaterThanOrEqual(q.endOffset);
  });

  it('an unknown speaker or article slug in a filter is NOT_FOUND, naming the argument', async () => {
    const speaker = await expectError(
      api.app,
      QUOTES,
      { speaker: 'nobody' },
      'NOT_FOUND',
      /No speaker has the slug "nobody" \(argument `speaker`\)/,
    );
    expect(speaker.errors?.[0]?.extensions).toMatchObject({ argument: 'speaker', slug: 'nobody' });
    await expectError(
      api.app,
      QUOTES,
      { speaker: 'claudia-sheinbaum', article: 'no-such-article' },
      'NOT_FOUND',
      /No article has the slug "no-such-article"/,
    );
  });

  it('rejects bad dates: malformed, impossible, from after to, on with from', async () => {
    await expectError(api.app, QUOTES, { from: '2025-13-01' }, 'BAD_USER_INPUT', /Invalid date "2025-13-01"/);
    await expectError(api.app, QUOTES, { on: '2025-02-29' }, 'BAD_USER_INPUT', /Invalid date "2025-02-29"/);
    await expectError(
      api.app,
      QUOTES,
      { from: '2025-08-31', to: '2025-08-01' },
      'BAD_USER_INPUT',
      /`from` \(2025-08-31\) is after `to` \(2025-08-01\)/,
    );
    await expectError(api.app, QUOTES, { on: '2025-08-12', from: '2025-08-01' }, 'BAD_USER_INPUT', /Pass `on` alone/);
  });
});
