/** Article: its node, its connections, its root fields and its loaders. */
import { asc, sql, type SQL } from 'drizzle-orm';
import { articleParagraphs, articles } from '../db/schema.js';
import { idArray, inIds, type Row, rowJson, rowBySlug, rowFromJson } from '../db/rows.js';
import { builder } from './builder.js';
import { allOf, type JsonObject, type ListSource, loadPage, type Ordering, pagedBy, tableList } from './connections.js';
import type { Context } from './context.js';
import { DateScalar, dateRange } from './dates.js';
import { requestLoader } from './loaders.js';
import { EventReportConnection, eventsReportedIn } from './event.js';
import { type Mention, mentionEdge, mentionFields, type Report, reportEdge, reportFields, toMention, toReport } from './links.js';
import { searchText, textQuery } from './matching.js';
import { OrganizationMentionConnection, organizationsMentionedIn } from './organization.js';
import { QuoteConnection, quotesIn } from './quote.js';
import { SpeakerMentionConnection, speakersMentionedIn } from './speaker.js';
import { tableNode } from './types.js';

export type ArticleRow = Row<typeof articles>;

/**
 * An article as the API carries it: lists and prefetches leave the body out (it is the one big
 * column, and most queries ask for titles and dates); `body` and paragraph texts load it when
 * asked, through their own loader, so a row without it is never mistaken for an empty body.
 */
export type ArticleData = Omit<ArticleRow, 'body'> & { body?: string };

export const ArticleNode = tableNode<typeof articles, ArticleData>('Article', articles);

/** An article row as jsonb without its body and search vector (see ArticleData); `t` is the article. */
export const ARTICLE_JSON = rowJson(articles, 't', ['body']);

/** An article from ARTICLE_JSON (or any row json of it, body included). */
export function articleFromJson(json: JsonObject): ArticleData {
  const { body, ...row } = rowFromJson(articles, json);
  return json.body == null ? row : { ...row, body };
}

/** Article bodies by id, loaded only for the fields that show them. */
const articleBodies = requestLoader<number, string>(async (ids, ctx) => {
  const rows = await ctx.db.select({ id: articles.id, body: articles.body }).from(articles).where(inIds(articles.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.body]));
  return ids.map((id) => byId.get(id) ?? new Error(`article ${id} has no body`));
});

async function bodyOf(article: ArticleData, ctx: Context): Promise<string> {
  return article.body ?? articleBodies(ctx).load(article.id);
}

/** Oldest first, then by id: the order of every list of articles. */
export const articleOrder: Ordering = {
  name: 'article',
  keys: [
    { expr: sql`t.published_on`, type: 'date' },
    { expr: sql`t.id`, type: 'int' },
  ],
};

const toArticle = articleFromJson;

/** Articles that mention a speaker or an organization, through `table`'s `column`. */
export function articlesMentioning(
  table: 'article_speakers' | 'article_organizations',
  column: string,
): ListSource<{ node: ArticleData } & Mention> {
  return {
    ordering: articleOrder,
    from: (parent) =>
      sql`FROM articles t JOIN ${sql.identifier(table)} x ON x.article_id = t.id WHERE x.${sql.identifier(column)} = ${parent}`,
    node: ARTICLE_JSON,
    edge: mentionEdge,
    toItem: (node, edge) => ({ node: toArticle(node), ...toMention(edge) }),
  };
}

/** Articles that report an event. */
export const articlesReporting: ListSource<{ node: ArticleData } & Report> = {
  ordering: articleOrder,
  from: (parent) => sql`FROM articles t JOIN article_events x ON x.article_id = t.id WHERE x.event_id = ${parent}`,
  node: ARTICLE_JSON,
  edge: reportEdge,
  toItem: (node, edge) => ({ node: toArticle(node), ...toReport(edge) }),
};

export const ArticleConnection = builder.connectionObject(
  { type: ArticleNode, name: 'ArticleConnection', description: 'A page of articles, oldest first.' },
  { name: 'ArticleEdge', description: 'An article in a list.' },
);

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

export const ArticleReportConnection = builder.connectionObject(
  { type: ArticleNode, name: 'ArticleReportConnection', description: 'A page of the articles that report an event, oldest first.' },
  { name: 'ArticleReportEdge', description: 'An article, and the sentence in which it reports the event.', fields: (t) => reportFields(t) },
);

interface Paragraph {
  articleId: number;
  position: number;
  startOffset: number;
  endOffset: number;
}

export const ParagraphRef = builder.objectRef<Paragraph>('Paragraph').implement({
  description: 'One paragraph of an article body.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0-based position in the article.' }),
    startOffset: t.exposeInt('startOffset', { description: 'Offset of its first character in `Article.body` (UTF-16 code units).' }),
    endOffset: t.exposeInt('endOffset', { description: 'Offset just past its last character in `Article.body`.' }),
    text: t.string({
      description: 'The paragraph text: `body.slice(startOffset, endOffset)`.',
      resolve: async (p, _args, ctx) => {
        const body = await articleBodies(ctx).load(p.articleId);
        return body.slice(p.startOffset, p.endOffset);
      },
    }),
  }),
});

/** Paragraphs by "articleId:position" (a quote's paragraph), all in one statement. */
export const paragraphField = {
  type: ParagraphRef,
  load: async (keys: string[], ctx: Context) => {
    const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const rows = await ctx.db
      .select()
      .from(articleParagraphs)
      .where(
        sql`(${articleParagraphs.articleId}, ${articleParagraphs.position}) IN (SELECT * FROM unnest(${idArray(pairs.map(([a]) => a))}, ${idArray(pairs.map(([, p]) => p))}))`,
      );
    return rows;
  },
  sort: (p: Paragraph) => `${p.articleId}:${p.position}`,
};

ArticleNode.implement({
  description: 'A news article, its body stored exactly as published so every quote can point into it.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable identifier: lowercase ASCII words joined by hyphens.' }),
    title: t.exposeString('title', { description: 'The headline.' }),
    authors: t.exposeStringList('authors', { description: 'Bylines, in the order the article gives them.' }),
    outlet: t.exposeString('outlet', { nullable: true, description: 'The publication that ran the article.' }),
    publishedOn: t.expose('publishedOn', { type: DateScalar, description: 'Publication date (ISO 8601).' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the article was published, when known.' }),
    language: t.exposeString('language', { description: 'BCP 47 language tag of the body.' }),
    body: t.string({
      description: 'The full body exactly as stored: paragraphs joined by a blank line. Quote offsets index into it.',
      resolve: (article, _args, ctx) => bodyOf(article, ctx),
    }),
    paragraphs: t.loadableGroup({
      type: ParagraphRef,
      description: 'The body as paragraphs, in order, each with its character offsets into `body`.',
      load: (ids: number[], ctx: Context) =>
        ctx.db.select().from(articleParagraphs).where(inIds(articleParagraphs.articleId, ids)).orderBy(asc(articleParagraphs.position)),
      group: (p) => p.articleId,
      resolve: (article) => article.id,
    }),
    quotes: t.field({
      type: QuoteConnection,
      description: 'The quotes in this article, in the order they appear.',
      args: t.arg.connectionArgs(),
      ...pagedBy(quotesIn('article_id')),
    }),
    events: t.field({
      type: EventReportConnection,
      description: 'The events this article reports, by date (unknown dates last), each with the reporting sentence.',
      args: t.arg.connectionArgs(),
      ...pagedBy(eventsReportedIn),
    }),
    speakers: t.field({
      type: SpeakerMentionConnection,
      description: 'Everyone this article mentions, quoted or not, by slug, each with how the article names them.',
      args: t.arg.connectionArgs(),
      ...pagedBy(speakersMentionedIn),
    }),
    organizations: t.field({
      type: OrganizationMentionConnection,
      description: 'The organizations this article mentions, by slug, each with how the article names them.',
      args: t.arg.connectionArgs(),
      ...pagedBy(organizationsMentionedIn),
    }),
  }),
});

builder.queryField('article', (t) =>
  t.field({
    type: ArticleNode,
    nullable: true,
    description: 'One article by its slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The article slug.' }) },
    resolve: (_root, { slug }, ctx) => rowBySlug(ctx.db, articles, slug),
  }),
);

builder.queryField('articles', (t) =>
  t.field({
    type: ArticleConnection,
    description: 'Articles, oldest first, optionally filtered by text and publication date.',
    args: {
      ...t.arg.connectionArgs(),
      search: t.arg.string({ description: 'Full-text search in the title and body (web-search syntax: "a phrase", or, -word).' }),
      publishedFrom: t.arg({ type: DateScalar, description: 'Only articles published on or after this date.' }),
      publishedTo: t.arg({ type: DateScalar, description: 'Only articles published on or before this date.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const range = dateRange({ from: args.publishedFrom, to: args.publishedTo }, { from: 'publishedFrom', to: 'publishedTo' });
      const filters: SQL[] = [];
      if (args.search != null) filters.push(sql`t.search @@ ${textQuery(searchText(args.search, 'search'))}`);
      if (range?.from) filters.push(sql`t.published_on >= ${range.from}::date`);
      if (range?.to) filters.push(sql`t.published_on <= ${range.to}::date`);
      const source = tableList(
        articles,
        articleOrder,
        (node) => ({ node: toArticle(node) }),
        () => allOf(filters),
      );
      return loadPage(ctx.db, { ...source, node: ARTICLE_JSON }, args, info);
    },
  }),
);
