/** Organization: its node and connections, the `organization`/`organizations` root fields, its loaders. */
import { asc, sql } from 'drizzle-orm';
import { inIds, type Row, rowBySlug, rowColumns, rowFromJson } from '../db/rows.js';
import { organizationKind, organizations, speakers } from '../db/schema.js';
import { ArticleMentionConnection, articlesMentioning } from './article.js';
import { builder } from './builder.js';
import { edgeData, type JsonObject, type ListSource, loadPage, nodeJson, type Ordering, pagedBy, tableList } from './connections.js';
import type { Context } from './context.js';
import { eventsOf, ParticipationConnection } from './event.js';
import { type Mention, mentionEdge, mentionFields, type Roles, rolesEdge, rolesJoin, toMention, toRoles } from './links.js';
import { namedList } from './matching.js';
import { MemberConnection, membersOf, RoleRef, SpeakerNode, type SpeakerRow } from './speaker.js';
import { enumOf, tableNode } from './types.js';

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

/** By slug (byte order, the same on every database): the order of organization lists. */
export const organizationOrder: Ordering = { name: 'organization', keys: [{ expr: sql`t.slug COLLATE "C"`, type: 'text' }] };

const toOrganization = (json: JsonObject) => rowFromJson(organizations, json);

/** The organizations a speaker holds roles in. */
export const organizationsOf: ListSource<{ node: OrganizationRow } & Roles> = {
  ordering: organizationOrder,
  from: (parent) => sql`FROM organizations t ${rolesJoin('organization_id', 'speaker_id', parent)} WHERE true`,
  node: nodeJson(organizations),
  edge: rolesEdge,
  toItem: (node, edge) => ({ node: toOrganization(node), ...toRoles(edge) }),
};

/** The organizations an article mentions. */
export const organizationsMentionedIn: ListSource<{ node: OrganizationRow } & Mention> = {
  ordering: organizationOrder,
  from: (parent) => sql`FROM organizations t JOIN article_organizations x ON x.organization_id = t.id WHERE x.article_id = ${parent}`,
  node: nodeJson(organizations),
  edge: mentionEdge,
  toItem: (node, edge) => ({ node: toOrganization(node), ...toMention(edge) }),
};

const childrenOf = tableList(
  organizations,
  organizationOrder,
  (node) => ({ node: toOrganization(node) }),
  (parent) => sql`t.parent_id = ${parent}`,
);

export const OrganizationConnection = builder.connectionObject(
  {
    type: OrganizationNode,
    name: 'OrganizationConnection',
    description: 'A page of organizations (by slug, or by relevance when searching).',
  },
  { name: 'OrganizationEdge', description: 'An organization in a list.' },
);

export const OrganizationMentionConnection = builder.connectionObject(
  {
    type: OrganizationNode,
    name: 'OrganizationMentionConnection',
    description: 'A page of the organizations an article mentions, by slug.',
  },
  {
    name: 'OrganizationMentionEdge',
    description: 'An organization, and how the article names it.',
    fields: (t) => mentionFields(t, 'How the article first names the organization.'),
  },
);

export const OrganizationRoleConnection = builder.connectionObject(
  {
    type: OrganizationNode,
    name: 'OrganizationRoleConnection',
    description: 'A page of the organizations a speaker holds roles in, by slug.',
  },
  {
    name: 'OrganizationRoleEdge',
    description: 'An organization, and the roles the speaker holds in it.',
    fields: (t) => ({
      roles: t.field({
        type: [RoleRef],
        description: "The speaker's roles in the organization, oldest first.",
        resolve: (e) => edgeData<Roles>(e).roles,
      }),
    }),
  },
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
    parent: t.field({
      type: OrganizationNode,
      nullable: true,
      description: 'The organization this one is part of, if any.',
      resolve: (o) => o.parentId,
    }),
    children: t.field({
      type: OrganizationConnection,
      description: 'The organizations that are part of this one, by slug.',
      args: t.arg.connectionArgs(),
      ...pagedBy(childrenOf),
    }),
    members: t.field({
      type: MemberConnection,
      description: 'The people who hold roles in this organization, by slug, each with those roles.',
      args: t.arg.connectionArgs(),
      ...pagedBy(membersOf),
    }),
    speakers: t.loadableGroup({
      type: SpeakerNode,
      description: 'The speakers that stand for this organization as a body ("the State Department said").',
      load: (ids: number[], ctx: Context) =>
        ctx.db.select(rowColumns(speakers)).from(speakers).where(inIds(speakers.organizationId, ids)).orderBy(asc(speakers.slug)),
      group: (s) => (s as SpeakerRow).organizationId as number,
      resolve: (o) => o.id,
    }),
    events: t.field({
      type: ParticipationConnection,
      description: 'The events the organization took part in, by date (unknown dates last), each with its roles.',
      args: t.arg.connectionArgs(),
      ...pagedBy(eventsOf('organization_id')),
    }),
    articles: t.field({
      type: ArticleMentionConnection,
      description: 'The articles that mention the organization, oldest first.',
      args: t.arg.connectionArgs(),
      ...pagedBy(articlesMentioning('article_organizations', 'organization_id')),
    }),
  }),
});

builder.queryField('organization', (t) =>
  t.field({
    type: OrganizationNode,
    nullable: true,
    description: 'One organization by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The organization slug ("sinaloa-cartel").' }) },
    resolve: (_root, { slug }, ctx) => rowBySlug(ctx.db, organizations, slug),
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
    resolve: (_root, args, ctx, info) =>
      loadPage(
        ctx.db,
        namedList(organizations, organizationOrder, (node) => ({ node: toOrganization(node) }), args),
        args,
        info,
      ),
  }),
);
