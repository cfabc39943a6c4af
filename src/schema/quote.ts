/** Quote: its node, its connection, the `quotes` root field and its loaders. */
import { sql, type SQL } from 'drizzle-orm';
import { rowFromJson, rowJson, type Row } from '../db/rows.js';
import { articles, quoteKind, quotes } from '../db/schema.js';
import { type ArticleData, articleFromJson, ArticleNode, paragraphField } from './article.js';
import { builder } from './builder.js';
import { allOf, type JsonObject, type ListCheck, type ListSource, loadPage, type Ordering, tableList } from './connections.js';
import { DateScalar, dateRange, overlaps, PartialDate } from './dates.js';
import { slugFilter } from './loaders.js';
import { searchText, textQuery } from './matching.js';
import { SpeakerNode } from './speaker.js';
import { enumOf, tableNode } from './types.js';

export type QuoteRow = Row<typeof quotes>;
type QuoteKind = (typeof quoteKind.enumValues)[number];

const quoteKindDescriptions: Record<QuoteKind, string> = {
  DIRECT: 'The exact words, in quotation marks in the article.',
  PARTIAL: "A fragment of the exact words, quoted inside the article's own sentence.",
  INDIRECT: 'A paraphrase: what the article says the speaker said, not in their words.',
};

export const QuoteKindEnum = enumOf(
  'QuoteKind',
  "How directly a quote gives the speaker's words.",
  quoteKind.enumValues,
  quoteKindDescriptions,
);

export const QuoteNode = tableNode('Quote', quotes);

/** By the article's date, then the article, then position in it: the order of every quote list. */
export const quoteOrder: Ordering = {
  name: 'quote',
  keys: [
    { expr: sql`t.published_on`, type: 'date' },
    { expr: sql`t.article_id`, type: 'int' },
    { expr: sql`t.start_offset`, type: 'int' },
    { expr: sql`t.id`, type: 'int' },
  ],
};

/** A quote as lists carry it: with its article when the query selects it (see ListSource.include). */
type ListedQuote = QuoteRow & { article?: ArticleData };

function toQuote(json: JsonObject): ListedQuote {
  const row = rowFromJson(quotes, json);
  return json.article ? { ...row, article: articleFromJson(json.article as JsonObject) } : row;
}

/** The quote's article, shaped as ARTICLE_JSON. */
const QUOTE_ARTICLE = sql`(SELECT ${rowJson(articles, 'a', ['body'])} FROM articles a WHERE a.id = t.article_id)`;

function quoteList(where: (parent: SQL) => SQL, checks?: ListSource<unknown>['checks']): ListSource<{ node: ListedQuote }> {
  return {
    ...tableList(quotes, quoteOrder, (node) => ({ node: toQuote(node) }), where),
    include: { article: QUOTE_ARTICLE },
    ...(checks ? { checks } : {}),
  };
}

/** The quotes of a speaker or in an article: `column` names the parent. */
export function quotesIn(column: 'speaker_id' | 'article_id'): ListSource<{ node: QuoteRow }> {
  return quoteList((parent) => sql`t.${sql.identifier(column)} = ${parent}`);
}

export const QuoteConnection = builder.connectionObject(
  {
    type: QuoteNode,
    name: 'QuoteConnection',
    description: "A page of quotes, ordered by the article's publication date, then by position in the article.",
  },
  { name: 'QuoteEdge', description: 'A quote in a list.' },
);

QuoteNode.implement({
  description:
    'Something a speaker said, as an article reports it. For DIRECT and PARTIAL quotes, `article.body.slice(startOffset, endOffset)` equals `text` exactly.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: "DIRECT and PARTIAL: the exact words as they stand in the article. INDIRECT: the article's paraphrase.",
    }),
    kind: t.expose('kind', { type: QuoteKindEnum, description: 'Direct words, a fragment, or a paraphrase.' }),
    speaker: t.field({ type: SpeakerNode, description: 'Who said it.', resolve: (q) => q.speakerId }),
    article: t.field({
      type: ArticleNode,
      description: 'The article that reports it.',
      // Fetched with the page when the list's query asked for it; loaded by id otherwise.
      resolve: (q: ListedQuote) => q.article ?? q.articleId,
    }),
    speakerDescription: t.exposeString('speakerDescription', {
      nullable: true,
      description: 'How the article describes the speaker here ("Mexican President").',
    }),
    verb: t.exposeString('verb', { nullable: true, description: 'The reporting verb ("said", "warned").' }),
    channel: t.exposeString('channel', { nullable: true, description: 'Where it was said ("a post on X", "a statement").' }),
    said: t.field({
      type: PartialDate,
      description: 'When it was said, as the article gives it; start, end and precision are null when the article does not say.',
      resolve: (q) => ({ start: q.saidStart, end: q.saidEnd, precision: q.saidPrecision, text: q.saidText, external: false }),
    }),
    publishedOn: t.expose('publishedOn', { type: DateScalar, description: 'The publication date of the article that reports it.' }),
    paragraph: t.loadable({
      ...paragraphField,
      description: 'The paragraph of the article the quote stands in.',
      resolve: (q) => `${q.articleId}:${q.paragraph}`,
    }),
    startOffset: t.exposeInt('startOffset', {
      description: "Offset of the quote in `Article.body` (UTF-16 code units, as JavaScript's `String.slice`).",
    }),
    endOffset: t.exposeInt('endOffset', { description: 'Offset just past the quote in `Article.body`.' }),
  }),
});

builder.queryField('quotes', (t) =>
  t.field({
    type: QuoteConnection,
    description:
      "Quotes, ordered by the article's publication date, then by position in the article. Filters combine with AND; an unknown speaker or article slug is a NOT_FOUND error.",
    args: {
      ...t.arg.connectionArgs(),
      speaker: t.arg.string({ description: 'Only quotes by the speaker with this slug ("claudia-sheinbaum").' }),
      article: t.arg.string({ description: 'Only quotes in the article with this slug.' }),
      search: t.arg.string({ description: 'Full-text search in the quoted words (web-search syntax: "a phrase", or, -word).' }),
      from: t.arg({
        type: DateScalar,
        description: 'Only quotes said on or after this date (when the article does not say when, its publication date counts).',
      }),
      to: t.arg({ type: DateScalar, description: 'Only quotes said on or before this date (same rule as `from`).' }),
      on: t.arg({ type: DateScalar, description: 'Only quotes said on this day (same rule as `from`); not with `from` or `to`.' }),
      kind: t.arg({ type: QuoteKindEnum, description: 'Only quotes of this kind.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const range = dateRange(args);
      const filters: SQL[] = [];
      const checks: ListCheck[] = [];
      if (args.speaker != null) {
        const speaker = slugFilter('speaker', args.speaker, 'speaker');
        filters.push(sql`t.speaker_id = ${speaker.id}`);
        checks.push(speaker.check);
      }
      if (args.article != null) {
        const article = slugFilter('article', args.article, 'article');
        filters.push(sql`t.article_id = ${article.id}`);
        checks.push(article.check);
      }
      if (args.search != null) filters.push(sql`t.search @@ ${textQuery(searchText(args.search, 'search'))}`);
      if (range) filters.push(overlaps(sql`coalesce(t.said_start, t.published_on)`, sql`coalesce(t.said_end, t.published_on)`, range));
      if (args.kind != null) filters.push(sql`t.kind = ${args.kind}`);
      return loadPage(
        ctx.db,
        quoteList(() => allOf(filters), checks),
        args,
        info,
      );
    },
  }),
);
