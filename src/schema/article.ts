/** Article: its node, its root fields and its loaders. */
import { asc, eq, inArray } from 'drizzle-orm';
import { articleParagraphs, articles } from '../db/schema.js';
import { builder } from './builder.js';
import { DateScalar } from './dates.js';
import { byKeys } from './loaders.js';

export type ArticleRow = typeof articles.$inferSelect;

export const ArticleNode = builder.loadableNodeRef<ArticleRow, number>('Article', {
  id: { resolve: (a) => a.id, parse: (id) => Number(id) },
  load: async (ids, ctx) => {
    const rows = await ctx.db.select().from(articles).where(inArray(articles.id, [...ids]));
    return byKeys(ids, rows, (r) => r.id, 'Article');
  },
});

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
    body: t.exposeString('body', {
      description: 'The full body exactly as stored: paragraphs joined by a blank line. Quote offsets index into it.',
    }),
    paragraphs: t.field({
      type: [ParagraphRef],
      description: 'The body as paragraphs, each with its character offsets into `body`.',
      resolve: async (article, _args, ctx) => {
        const rows = await ctx.db
          .select()
          .from(articleParagraphs)
          .where(eq(articleParagraphs.articleId, article.id))
          .orderBy(asc(articleParagraphs.position));
        return rows.map((p) => ({ ...p, text: article.body.slice(p.startOffset, p.endOffset) }));
      },
    }),
  }),
});

interface Paragraph {
  position: number;
  startOffset: number;
  endOffset: number;
  text: string;
}

const ParagraphRef = builder.objectRef<Paragraph>('Paragraph').implement({
  description: 'One paragraph of an article body.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0-based position in the article.' }),
    startOffset: t.exposeInt('startOffset', { description: 'Offset of its first character in `Article.body` (UTF-16 code units).' }),
    endOffset: t.exposeInt('endOffset', { description: 'Offset just past its last character in `Article.body`.' }),
    text: t.exposeString('text', { description: 'The paragraph text: `body.slice(startOffset, endOffset)`.' }),
  }),
});

builder.queryField('article', (t) =>
  t.field({
    type: ArticleNode,
    nullable: true,
    description: 'One article by its slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The article slug.' }) },
    resolve: async (_root, { slug }, ctx) => {
      const [row] = await ctx.db.select().from(articles).where(eq(articles.slug, slug)).limit(1);
      return row ?? null;
    },
  }),
);
