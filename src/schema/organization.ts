/** Organization: its node, the `organization`/`organizations` root fields. Relations: src/schema/relations/. */
import { eq, sql } from 'drizzle-orm';
import type { Ordering } from '../db/pages.js';
import type { Row } from '../db/rows.js';
import { organizationKind, organizations } from '../db/schema.js';
import { builder } from './builder.js';
import { type ListDef, rootPage, rootRow } from './connections.js';
import { namedList } from './matching.js';
import { enumOf, nodeTable, tableNode } from './types.js';

export type OrganizationRow = Row<typeof organizations>;
type OrganizationKind = (typeof organizationKind.enumValues)[number];

const organizationKindDescriptions: Record<OrganizationKind, string> = {
  GOVERNMENT: 'A national, regional or local government as a whole.',
  GOVERNMENT_BODY: 'A ministry, department, agency or legislature.',
  MILITARY: 'Armed forces or one of their branches or commands.',
  LAW_ENFORCEMENT: 'Police, prosecutors and similar bodies.',
  INTELLIGENCE_AGENCY: 'An intelligence service.',
  CRIMINAL_ORGANIZATION: 'A cartel, gang or other criminal group.',
  MEDIA: 'A news outlet or broadcaster.',
  POLITICAL_PARTY: 'A political party.',
  INTERNATIONAL_BODY: 'An international or intergovernmental organization.',
  RESEARCH_INSTITUTE: 'A think tank, university or research institute.',
  COMPANY: 'A business.',
  NGO: 'A non-governmental organization.',
  OTHER: 'Anything else.',
};

export const OrganizationKindEnum = enumOf(
  'OrganizationKind',
  'What kind of organization this is.',
  organizationKind.enumValues,
  organizationKindDescriptions,
);

export const OrganizationNode = tableNode('Organization', organizations);

export const ORGANIZATION = nodeTable('Organization', organizations);

/** By slug (byte order, the same on every database): the order of organization lists. */
export const organizationOrder: Ordering<{ node: typeof organizations }> = {
  name: 'organization',
  keys: [{ type: 'text', expr: ({ node }) => sql`${node.slug} COLLATE "C"` }],
};

export const OrganizationConnection = builder.connectionObject(
  {
    type: OrganizationNode,
    name: 'OrganizationConnection',
    description: 'A page of organizations (by slug, or by relevance when searching).',
  },
  { name: 'OrganizationEdge', description: 'An organization in a list.' },
);

OrganizationNode.implement({
  description: 'A government body, military, criminal organization, outlet, party, international body, ...',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable identifier ("sinaloa-cartel").' }),
    name: t.exposeString('name', { description: 'The name as the corpus writes it.' }),
    kind: t.expose('kind', { type: OrganizationKindEnum, description: 'What kind of organization it is.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names ("MS-13" for "Mara Salvatrucha").' }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 country code, when it belongs to one country.' }),
    description: t.exposeString('description', { nullable: true, description: 'A short description.' }),
    wikidataId: t.exposeString('wikidataId', { nullable: true, description: 'Wikidata item id ("Q...") when known.' }),
  }),
});

builder.queryField('organization', (t) =>
  t.field({
    type: OrganizationNode,
    nullable: true,
    description: 'One organization by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The organization slug ("sinaloa-cartel").' }) },
    resolve: (_root, { slug }, ctx, info) =>
      rootRow<typeof organizations, OrganizationRow>(ORGANIZATION, (o) => eq(o.slug, slug), ctx, info),
  }),
);

builder.queryField('organizations', (t) =>
  t.field({
    type: OrganizationConnection,
    description:
      'Organizations by slug; with `search`, those whose name or an alias resembles it (accents, case, punctuation and small typos ignored), best match first.',
    args: {
      ...t.arg.connectionArgs(),
      search: t.arg.string({ description: 'A name or alias, or part of one ("MS13", "Sinaloa").' }),
      kind: t.arg({ type: OrganizationKindEnum, description: 'Only organizations of this kind.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const list: ListDef<{ node: OrganizationRow }> = {
        source: namedList(ORGANIZATION, organizationOrder, args),
        item: (row) => ({ node: row.row as OrganizationRow }),
      };
      return rootPage(list, args, ctx, info);
    },
  }),
);
