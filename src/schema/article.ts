/** Article: its node, its paragraphs and body, the `article`/`articles` root fields. Relations: src/schema/relations/. */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { matchingList, type Ordering, tableList } from '../db/pages.js';
import { idArray, inIds, type Row } from '../db/rows.js';
import { articleParagraphs, articles } from '../db/schema.js';
import { builder } from './builder.js';
import { type ListDef, rootPage, rootRow } from './connections.js';
import type { Context } from './context.js';
import { DateScalar, dateRange } from './dates.js';
import { requestLoader } from './loaders.js';
import { searchText, textQuery } from './matching.js';
import { nodeTable, tableNode } from './types.js';

export type ArticleRow = Row<typeof articles>;

/**
 * An article as the API carries it: lists and prefetches leave the body out (it is the one big
 * column, and most queries ask for titles and dates); `body` and paragraph texts load it when
 * asked, through their own loader, so a row without it is never mistaken for an empty body.
 */
export type ArticleData = Omit<ArticleRow, 'body'> & { body?: string };

export const ArticleNode = tableNode<typeof articles, ArticleData>('Article', articles);

/** Articles as page statements read them: without the body (see ArticleData). */
export const ARTICLE = nodeTable('Article', articles, ['body']);

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
export const articleOrder: Ordering<{ node: typeof articles }> = {
  name: 'article',
  keys: [
    { type: 'date', expr: ({ node }) => sql`${node.publishedOn}` },
    { type: 'int', expr: ({ node }) => sql`${node.id}` },
  ],
};

export const ArticleConnection = builder.connectionObject(
  { type: ArticleNode, name: 'ArticleConnection', description: 'A page of articles, oldest first.' },
  { name: 'ArticleEdge', description: 'An article in a list.' },
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
  }),
});

builder.queryField('article', (t) =>
  t.field({
    type: ArticleNode,
    nullable: true,
    description: 'One article by its slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The article slug.' }) },
    resolve: (_root, { slug }, ctx, info) => rootRow<typeof articles, ArticleData>(ARTICLE, (a) => eq(a.slug, slug), ctx, info),
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
      const search = args.search == null ? null : textQuery(searchText(args.search, 'search'));
      const others = (a: typeof articles): SQL[] => {
        const filters: SQL[] = [];
        if (range?.from) filters.push(sql`${a.publishedOn} >= ${range.from}::date`);
        if (range?.to) filters.push(sql`${a.publishedOn} <= ${range.to}::date`);
        return filters;
      };
      const list: ListDef<{ node: ArticleData }> = {
        source: search
          ? matchingList({ node: ARTICLE, ordering: articleOrder, match: (a) => sql`${a.search} @@ ${search}`, others })
          : tableList({ node: ARTICLE, ordering: articleOrder, where: others }),
        item: (row) => ({ node: row.row as ArticleData }),
      };
      return rootPage(list, args, ctx, info);
    },
  }),
);
