/** Speaker and Role: their nodes and connections, the `speaker`/`speakers` root fields, their loaders. */
import { asc, sql } from 'drizzle-orm';
import { inIds, type Row, rowBySlug, rowFromJson } from '../db/rows.js';
import { speakerKind, speakerRoles, speakers } from '../db/schema.js';
import { ArticleMentionConnection, articlesMentioning } from './article.js';
import { builder } from './builder.js';
import { edgeData, type JsonObject, type ListSource, loadPage, nodeJson, type Ordering, pagedBy } from './connections.js';
import type { Context } from './context.js';
import { DateScalar } from './dates.js';
import { eventsOf, ParticipationConnection } from './event.js';
import { type Mention, mentionEdge, mentionFields, type RoleRow, type Roles, rolesEdge, rolesJoin, toMention, toRoles } from './links.js';
import { namedList } from './matching.js';
import { OrganizationNode, OrganizationRoleConnection, organizationsOf } from './organization.js';
import { QuoteConnection, quotesIn } from './quote.js';
import { enumOf, tableNode } from './types.js';

export type SpeakerRow = Row<typeof speakers>;
type SpeakerKind = (typeof speakerKind.enumValues)[number];

const speakerKindDescriptions: Record<SpeakerKind, string> = {
  PERSON: 'A named person.',
  ORGANIZATION: 'A body that speaks as one ("the State Department said", "Caracas claims").',
  UNNAMED_GROUP: 'Unnamed sources ("US officials", "analysts").',
};

export const SpeakerKindEnum = enumOf('SpeakerKind', 'What kind of speaker this is.', speakerKind.enumValues, speakerKindDescriptions);

export const SpeakerNode = tableNode('Speaker', speakers);

/** By slug (byte order, the same on every database): the order of speaker lists. */
export const speakerOrder: Ordering = { name: 'speaker', keys: [{ expr: sql`t.slug COLLATE "C"`, type: 'text' }] };

const toSpeaker = (json: JsonObject) => rowFromJson(speakers, json);

/** The speakers who hold a role in an organization. */
export const membersOf: ListSource<{ node: SpeakerRow } & Roles> = {
  ordering: speakerOrder,
  from: (parent) => sql`FROM speakers t ${rolesJoin('speaker_id', 'organization_id', parent)} WHERE true`,
  node: nodeJson(speakers),
  edge: rolesEdge,
  toItem: (node, edge) => ({ node: toSpeaker(node), ...toRoles(edge) }),
};

/** The speakers an article mentions. */
export const speakersMentionedIn: ListSource<{ node: SpeakerRow } & Mention> = {
  ordering: speakerOrder,
  from: (parent) => sql`FROM speakers t JOIN article_speakers x ON x.speaker_id = t.id WHERE x.article_id = ${parent}`,
  node: nodeJson(speakers),
  edge: mentionEdge,
  toItem: (node, edge) => ({ node: toSpeaker(node), ...toMention(edge) }),
};

export const RoleRef = builder.objectRef<RoleRow>('Role').implement({
  description: 'A position a speaker holds in an organization ("President of Mexico"), with dates where known.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The position ("US Ambassador to Mexico").' }),
    speaker: t.field({ type: SpeakerNode, description: 'Who holds it.', resolve: (r) => r.speakerId }),
    organization: t.field({ type: OrganizationNode, description: 'Where.', resolve: (r) => r.organizationId }),
    start: t.expose('startOn', { type: DateScalar, nullable: true, description: 'When it began, if known.' }),
    end: t.expose('endOn', {
      type: DateScalar,
      nullable: true,
      description: 'When it ended, if known; null while it lasts or when unknown.',
    }),
    datesExternal: t.exposeBoolean('datesExternal', {
      description: "True when the dates come from outside the corpus's articles.",
    }),
  }),
});

export const SpeakerConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'SpeakerConnection', description: 'A page of speakers (by slug, or by relevance when searching).' },
  { name: 'SpeakerEdge', description: 'A speaker in a list.' },
);

export const SpeakerMentionConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'SpeakerMentionConnection', description: 'A page of the speakers an article mentions, by slug.' },
  {
    name: 'SpeakerMentionEdge',
    description: 'A speaker, and how the article names them.',
    fields: (t) => mentionFields(t, 'How the article first names the speaker ("Mexican President Claudia Sheinbaum").'),
  },
);

export const MemberConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'MemberConnection', description: 'A page of the people who hold roles in an organization, by slug.' },
  {
    name: 'MemberEdge',
    description: 'A member, and the roles they hold in the organization.',
    fields: (t) => ({
      roles: t.field({
        type: [RoleRef],
        description: 'Their roles in the organization, oldest first.',
        resolve: (e) => edgeData<Roles>(e).roles,
      }),
    }),
  },
);

SpeakerNode.implement({
  description:
    'Anyone the corpus knows, quoted or not: a person, a body that speaks as one ("the State Department said"), or unnamed sources ("US officials").',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable identifier ("claudia-sheinbaum").' }),
    name: t.exposeString('name', { description: 'The name as the corpus writes it, accents included.' }),
    kind: t.expose('kind', { type: SpeakerKindEnum, description: 'Person, body or unnamed group.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the speaker goes by.' }),
    description: t.exposeString('description', { nullable: true, description: 'A short description.' }),
    wikidataId: t.exposeString('wikidataId', { nullable: true, description: 'Wikidata item id ("Q...") when known.' }),
    organization: t.field({
      type: OrganizationNode,
      nullable: true,
      description: 'For a speaker of kind ORGANIZATION: the organization that speaks.',
      resolve: (s) => s.organizationId,
    }),
    roles: t.loadableGroup({
      type: RoleRef,
      description: 'Every role the speaker holds or held, oldest first.',
      load: (ids: number[], ctx: Context) =>
        ctx.db
          .select()
          .from(speakerRoles)
          .where(inIds(speakerRoles.speakerId, ids))
          .orderBy(sql`${speakerRoles.startOn} ASC NULLS LAST`, asc(speakerRoles.id)),
      group: (r) => r.speakerId,
      resolve: (s) => s.id,
    }),
    organizations: t.field({
      type: OrganizationRoleConnection,
      description: 'The organizations the speaker holds roles in, by slug, each with those roles.',
      args: t.arg.connectionArgs(),
      ...pagedBy(organizationsOf),
    }),
    quotes: t.field({
      type: QuoteConnection,
      description: "What the speaker said, ordered by the article's publication date, then position in the article.",
      args: t.arg.connectionArgs(),
      ...pagedBy(quotesIn('speaker_id')),
    }),
    events: t.field({
      type: ParticipationConnection,
      description: 'The events the speaker took part in, by date (unknown dates last), each with their roles.',
      args: t.arg.connectionArgs(),
      ...pagedBy(eventsOf('speaker_id')),
    }),
    articles: t.field({
      type: ArticleMentionConnection,
      description: 'The articles that mention the speaker, oldest first.',
      args: t.arg.connectionArgs(),
      ...pagedBy(articlesMentioning('article_speakers', 'speaker_id')),
    }),
  }),
});

builder.queryField('speaker', (t) =>
  t.field({
    type: SpeakerNode,
    nullable: true,
    description: 'One speaker by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The speaker slug ("claudia-sheinbaum").' }) },
    resolve: (_root, { slug }, ctx) => rowBySlug(ctx.db, speakers, slug),
  }),
);

builder.queryField('speakers', (t) =>
  t.field({
    type: SpeakerConnection,
    description:
      'Speakers by slug; with `search`, those whose name or an alias resembles it (accents, case and small typos ignored), best match first.',
    args: {
      ...t.arg.connectionArgs(),
      search: t.arg.string({ description: 'A name or alias, or part of one ("Sheinbam", "Hernandez Ochoa").' }),
      kind: t.arg({ type: SpeakerKindEnum, description: 'Only speakers of this kind.' }),
    },
    resolve: (_root, args, ctx, info) =>
      loadPage(
        ctx.db,
        namedList(speakers, speakerOrder, (node) => ({ node: toSpeaker(node) }), args),
        args,
        info,
      ),
  }),
);
