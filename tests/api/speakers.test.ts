import { expect, it } from 'vitest';
import { expectError, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const slugsOf = (connection: { nodes: { slug: string }[] }) => connection.nodes.map((n) => n.slug);

describeEachDatabase('speakers', (suite) => {
  const api = withCorpus(suite);

  it('speaker(slug) returns the speaker; an unknown slug gives null', async () => {
    const data = await query(
      api.app,
      `{ speaker(slug: "vito-hernandez-ochoa") { slug name kind aliases description wikidataId }
         missing: speaker(slug: "nobody") { slug } }`,
    );
    expect(data.speaker).toEqual({
      slug: 'vito-hernandez-ochoa',
      name: 'Vito Hernández Ochoa',
      kind: 'PERSON',
      aliases: [],
      description: 'Security analyst.',
      wikidataId: null,
    });
    expect(data.missing).toBeNull();
  });

  it('speakers() lists everyone by slug; kind filters', async () => {
    const data = await query(
      api.app,
      `{ all: speakers { totalCount nodes { slug } } groups: speakers(kind: UNNAMED_GROUP) { nodes { slug } } }`,
    );
    expect(slugsOf(data.all)).toEqual([
      'claudia-sheinbaum',
      'donald-trump',
      'ronald-johnson',
      'state-department',
      'us-officials',
      'vito-hernandez-ochoa',
    ]);
    expect(data.all.totalCount).toBe(6);
    expect(slugsOf(data.groups)).toEqual(['us-officials']);
  });

  it('speakers(search) tolerates typos, missing accents, case, and matches aliases', async () => {
    const first = async (search: string) =>
      (await query(api.app, `query ($s: String) { speakers(search: $s) { nodes { slug } } }`, { s: search })).speakers.nodes[0]?.slug;
    expect(await first('Sheinbam')).toBe('claudia-sheinbaum');
    expect(await first('sheinbaum')).toBe('claudia-sheinbaum');
    expect(await first('Hernandez Ochoa')).toBe('vito-hernandez-ochoa');
    expect(await first('HERNÁNDEZ')).toBe('vito-hernandez-ochoa');
    expect(await first('Sheinbaum Pardo')).toBe('claudia-sheinbaum');
    expect(await first('Donald Trump')).toBe('donald-trump');
    expect(await first('Zyxwvut')).toBeUndefined();
  });

  it('speakers(search) ranks the best match first', async () => {
    const data = await query(api.app, `{ speakers(search: "Donald") { nodes { slug } } }`);
    expect(slugsOf(data.speakers)[0]).toBe('donald-trump');
  });

  it("Speaker.quotes lists what they said by the article's date, then position", async () => {
    const data = await query(
      api.app,
      `{ speaker(slug: "claudia-sheinbaum") { quotes { totalCount nodes { text publishedOn article { slug } said { start end precision text external } } } } }`,
    );
    const { quotes } = data.speaker;
    expect(quotes.totalCount).toBe(3);
    expect(quotes.nodes.map((q: { article: { slug: string } }) => q.article.slug)).toEqual([
      'ms13-designated',
      'mexico-rejects-strikes',
      'a-century-of-intervention',
    ]);
    expect(quotes.nodes[1].said).toEqual({ start: '2025-08-12', end: '2025-08-12', precision: 'DAY', text: 'on Tuesday', external: false });
    expect(quotes.nodes[0].said).toEqual({ start: null, end: null, precision: null, text: null, external: false });
  });

  it('Speaker.events lists their events by date (unknown last) with their roles', async () => {
    const data = await query(api.app, `{ speaker(slug: "donald-trump") { events { totalCount edges { roles node { slug } } } } }`);
    expect(data.speaker.events.edges).toEqual([
      { roles: ['ACTOR'], node: { slug: 'strike-order' } },
      { roles: ['SUBJECT', 'PARTNER'], node: { slug: 'sovereignty-talks' } },
    ]);
  });

  it('Speaker.roles and Speaker.organizations give the positions they hold', async () => {
    const data = await query(
      api.app,
      `{ speaker(slug: "donald-trump") {
           roles { title start end datesExternal organization { slug } speaker { slug } }
           organizations { totalCount edges { node { slug } roles { title } } } } }`,
    );
    expect(data.speaker.roles).toEqual([
      {
        title: 'President of the United States (first term)',
        start: '2017-01-20',
        end: '2021-01-20',
        datesExternal: true,
        organization: { slug: 'us-government' },
        speaker: { slug: 'donald-trump' },
      },
      {
        title: 'President of the United States',
        start: '2025-01-20',
        end: null,
        datesExternal: false,
        organization: { slug: 'us-government' },
        speaker: { slug: 'donald-trump' },
      },
    ]);
    expect(data.speaker.organizations).toEqual({
      totalCount: 1,
      edges: [
        {
          node: { slug: 'us-government' },
          roles: [{ title: 'President of the United States (first term)' }, { title: 'President of the United States' }],
        },
      ],
    });
  });

  it('Speaker.articles lists the articles that mention them, oldest first, with the mention', async () => {
    const data = await query(api.app, `{ speaker(slug: "claudia-sheinbaum") { articles { totalCount edges { mention node { slug } } } } }`);
    expect(data.speaker.articles.edges).toEqual([
      { mention: 'Claudia Sheinbaum', node: { slug: 'ms13-designated' } },
      { mention: 'Mexican President Claudia Sheinbaum', node: { slug: 'mexico-rejects-strikes' } },
      { mention: 'Claudia Sheinbaum', node: { slug: 'a-century-of-intervention' } },
    ]);
  });

  it('Speaker.organization links a speaking body to its organization, and back', async () => {
    const data = await query(
      api.app,
      `{ speaker(slug: "state-department") { kind organization { slug speakers { slug } } }
         person: speaker(slug: "ronald-johnson") { organization { slug } quotes { totalCount } } }`,
    );
    expect(data.speaker).toEqual({
      kind: 'ORGANIZATION',
      organization: { slug: 'us-state-department', speakers: [{ slug: 'state-department' }] },
    });
    expect(data.person).toEqual({ organization: null, quotes: { totalCount: 0 } });
  });

  it('rejects a blank or overlong search', async () => {
    await expectError(api.app, `{ speakers(search: "") { totalCount } }`, {}, 'BAD_USER_INPUT', /`search` must not be blank/);
    await expectError(
      api.app,
      `query ($s: String) { speakers(search: $s) { totalCount } }`,
      { s: 'x'.repeat(201) },
      'BAD_USER_INPUT',
      /at most 200 characters/,
    );
  });
});
