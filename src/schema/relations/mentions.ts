/**
 * Mentions: the speakers and organizations an article names, and how it names them
 * (Article.speakers, Article.organizations), and the articles that mention a speaker or an
 * organization (Speaker.articles, Organization.articles).
 */
import { type AnyColumn, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { linkList, type NodeTable, type Ordering } from '../../db/pages.js';
import { articleOrganizations, type articles, articleSpeakers, type organizations, type speakers } from '../../db/schema.js';
import { ARTICLE, type ArticleData, ArticleNode, articleOrder } from '../article.js';
import { builder, type Types } from '../builder.js';
import { edgeData, type ListDef, relatedConnection } from '../connections.js';
import { ORGANIZATION, OrganizationNode, organizationOrder, type OrganizationRow } from '../organization.js';
import { SPEAKER, SpeakerNode, speakerOrder, type SpeakerRow } from '../speaker.js';

/** How an article names a speaker or an organization it mentions. */
interface Mention {
  mention: string | null;
}

const mentionEdge = (link: typeof articleSpeakers | typeof articleOrganizations): SQL =>
  sql`jsonb_build_object('mention', ${link.mention})`;

function toMention(edge: Record<string, unknown> | null): Mention {
  return { mention: (edge?.mention as string | null) ?? null };
}

/** The edge field of a mention, for articles, speakers and organizations alike. */
function mentionFields<Edge extends object>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Edge>, description: string) {
  return { mention: t.string({ nullable: true, description, resolve: (e) => edgeData<Mention>(e).mention }) };
}

export const ArticleMentionConnection = builder.connectionObject(
  {
    type: ArticleNode,
    name: 'ArticleMentionConnection',
    description: 'A page of the articles that mention someone or something, oldest first.',
  },
  {
    name: 'ArticleMentionEdge',
    description: 'An article, and how it names who or what it mentions.',
    fields: (t) => mentionFields(t, 'How the article first names them ("Mexican President Claudia Sheinbaum").'),
  },
);

export const SpeakerMentionConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'SpeakerMentionConnection', description: 'A page of the speakers an article mentions, by slug.' },
  {
    name: 'SpeakerMentionEdge',
    description: 'A speaker, and how the article names them.',
    fields: (t) => mentionFields(t, 'How the article first names the speaker ("Mexican President Claudia Sheinbaum").'),
  },
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

/** A list through a mention link: `to` names the listed row, `from` the parent. */
function mentionList<
  T extends PgTable & { id: AnyColumn },
  L extends typeof articleSpeakers | typeof articleOrganizations,
  Row extends object,
>(
  node: NodeTable<T>,
  ordering: Ordering<{ node: T }>,
  link: L,
  columns: { to: (x: L) => AnyColumn; from: (x: L) => AnyColumn },
): ListDef<{ node: Row } & Mention> {
  return {
    source: linkList({
      node,
      link,
      ordering,
      on: (row, x) => eq(columns.to(x), row.id),
      where: (x, parent) => [sql`${columns.from(x)} = ${parent}`],
      edge: mentionEdge,
    }),
    item: (row) => ({ node: row.row as Row, ...toMention(row.edge) }),
  };
}

const speakersMentionedIn = mentionList<typeof speakers, typeof articleSpeakers, SpeakerRow>(SPEAKER, speakerOrder, articleSpeakers, {
  to: (x) => x.speakerId,
  from: (x) => x.articleId,
});
const organizationsMentionedIn = mentionList<typeof organizations, typeof articleOrganizations, OrganizationRow>(
  ORGANIZATION,
  organizationOrder,
  articleOrganizations,
  { to: (x) => x.organizationId, from: (x) => x.articleId },
);
const articlesMentioningSpeaker = mentionList<typeof articles, typeof articleSpeakers, ArticleData>(
  ARTICLE,
  articleOrder,
  articleSpeakers,
  {
    to: (x) => x.articleId,
    from: (x) => x.speakerId,
  },
);
const articlesMentioningOrganization = mentionList<typeof articles, typeof articleOrganizations, ArticleData>(
  ARTICLE,
  articleOrder,
  articleOrganizations,
  { to: (x) => x.articleId, from: (x) => x.organizationId },
);

builder.objectFields(ArticleNode, (t) => ({
  speakers: t.field({
    type: SpeakerMentionConnection,
    description: 'Everyone this article mentions, quoted or not, by slug, each with how the article names them.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(speakersMentionedIn, ARTICLE),
  }),
  organizations: t.field({
    type: OrganizationMentionConnection,
    description: 'The organizations this article mentions, by slug, each with how the article names them.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(organizationsMentionedIn, ARTICLE),
  }),
}));

builder.objectFields(SpeakerNode, (t) => ({
  articles: t.field({
    type: ArticleMentionConnection,
    description: 'The articles that mention the speaker, oldest first.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(articlesMentioningSpeaker, SPEAKER),
  }),
}));

builder.objectFields(OrganizationNode, (t) => ({
  articles: t.field({
    type: ArticleMentionConnection,
    description: 'The articles that mention the organization, oldest first.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(articlesMentioningOrganization, ORGANIZATION),
  }),
}));
