import { expect, it } from 'vitest';
import { withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const slugsOf = (connection: { nodes: { slug: string }[] }) => connection.nodes.map((n) => n.slug);

describeEachDatabase('organizations', (suite) => {
  const api = withCorpus(suite);

  it('organization(slug) returns the organization with its parent and children; unknown gives null', async () => {
    const data = await query(
      api.app,
      `{ organization(slug: "mexican-navy") { slug name kind country aliases parent { slug children { totalCount nodes { slug } } } children { totalCount } }
         missing: organization(slug: "nowhere") { slug } }`,
    );
    expect(data.organization).toEqual({
      slug: 'mexican-navy',
      name: 'Mexican Navy',
      kind: 'MILITARY',
      country: 'MX',
      aliases: ['Secretaría de Marina', 'Semar'],
      parent: { slug: 'government-of-mexico', children: { totalCount: 1, nodes: [{ slug: 'mexican-navy' }] } },
      children: { totalCount: 0 },
    });
    expect(data.missing).toBeNull();
  });

  it('organizations() lists by slug; kind filters', async () => {
    const data = await query(
      api.app,
      `{ all: organizations { totalCount nodes { slug } } criminal: organizations(kind: CRIMINAL_ORGANIZATION) { nodes { slug } } }`,
    );
    expect(data.all.totalCount).toBe(7);
    expect(slugsOf(data.all)).toEqual([...slugsOf(data.all)].sort());
    expect(slugsOf(data.criminal)).toEqual(['cartel-de-los-soles', 'mara-salvatrucha', 'sinaloa-cartel']);
  });

  it('organizations(search) matches names and aliases, ignoring accents, punctuation and small typos', async () => {
    const first = async (search: string, kind?: string) =>
      (
        await query(api.app, `query ($s: String, $k: OrganizationKind) { organizations(search: $s, kind: $k) { nodes { slug } } }`, {
          s: search,
          k: kind,
        })
      ).organizations.nodes[0]?.slug;
    expect(await first('MS13')).toBe('mara-salvatrucha');
    expect(await first('ms-13')).toBe('mara-salvatrucha');
    expect(await first('Mara Salvatrucha')).toBe('mara-salvatrucha');
    expect(await first('Cartel de los Soles')).toBe('cartel-de-los-soles');
    expect(await first('Cartel de Sinaloa')).toBe('sinaloa-cartel');
    expect(await first('Sinaloa Cartell')).toBe('sinaloa-cartel');
    expect(await first('State Department')).toBe('us-state-department');
    expect(await first('Sinaloa', 'MILITARY')).toBeUndefined();
  });

  it('Organization.members lists who holds roles there, with the roles', async () => {
    const data = await query(
      api.app,
      `{ organization(slug: "us-government") { members { totalCount edges { node { slug } roles { title } } } } }`,
    );
    expect(data.organization.members).toEqual({
      totalCount: 1,
      edges: [
        {
          node: { slug: 'donald-trump' },
          roles: [{ title: 'President of the United States (first term)' }, { title: 'President of the United States' }],
        },
      ],
    });
  });

  it('Organization.events lists its events by date with its roles, and Organization.articles who mentions it', async () => {
    const data = await query(
      api.app,
      `{ organization(slug: "sinaloa-cartel") {
           events { totalCount edges { roles node { slug } } }
           articles { totalCount edges { mention node { slug } } } } }`,
    );
    expect(data.organization.events.edges).toEqual([
      { roles: ['TARGET'], node: { slug: 'sinaloa-designation' } },
      { roles: ['TARGET'], node: { slug: 'strike-order' } },
      { roles: ['TARGET'], node: { slug: 'navy-raid' } },
    ]);
    expect(data.organization.articles.edges).toEqual([{ mention: 'The Sinaloa Cartel', node: { slug: 'ms13-designated' } }]);
  });
});
