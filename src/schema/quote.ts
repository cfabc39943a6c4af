/** Quote: its node, the `quotes` root field. Its speaker, article and paragraph: src/schema/relations/quotes.ts. */
import { sql, type SQL } from 'drizzle-orm';
import { type ListCheck, matchingList, type Ordering, tableList } from '../db/pages.js';
import type { Row } from '../db/rows.js';
import { quoteKind, quotes } from '../db/schema.js';
import { builder } from './builder.js';
import { type ListDef, rootPage } from './connections.js';
import { DateScalar, dateRange, overlaps, PartialDate } from './dates.js';
import { slugFilter } from './loaders.js';
import { searchText, textQuery } from './matching.js';
import { enumOf, nodeTable, tableNode } from './types.js';

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

export const QUOTE = nodeTable('Quote', quotes);

/** By the article's date, then the article, then position in it: the order of every quote list. */
export const quoteOrder: Ordering<{ node: typeof quotes }> = {
  name: 'quote',
  keys: [
    { type: 'date', expr: ({ node }) => sql`${node.publishedOn}` },
    { type: 'int', expr: ({ node }) => sql`${node.articleId}` },
    { type: 'int', expr: ({ node }) => sql`${node.startOffset}` },
    { type: 'int', expr: ({ node }) => sql`${node.id}` },
  ],
};

/** Quotes as the API lists them. */
export function quoteList(where: (row: typeof quotes, parent: SQL) => readonly SQL[]): ListDef<{ node: QuoteRow }> {
  return { source: tableList({ node: QUOTE, ordering: quoteOrder, where }), item: (row) => ({ node: row.row as QuoteRow }) };
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
      const checks: ListCheck[] = [];
      // The slugs are resolved inside the page's statement; each check fails it with NOT_FOUND.
      const speaker = args.speaker == null ? null : slugFilter('speaker', args.speaker, 'speaker');
      const article = args.article == null ? null : slugFilter('article', args.article, 'article');
      if (speaker) checks.push(speaker.check);
      if (article) checks.push(article.check);
      const search = args.search == null ? null : textQuery(searchText(args.search, 'search'));
      const others = (q: typeof quotes): SQL[] => {
        const filters: SQL[] = [];
        if (speaker) filters.push(sql`${q.speakerId} = ${speaker.id}`);
        if (article) filters.push(sql`${q.articleId} = ${article.id}`);
        if (range)
          filters.push(overlaps(sql`coalesce(${q.saidStart}, ${q.publishedOn})`, sql`coalesce(${q.saidEnd}, ${q.publishedOn})`, range));
        if (args.kind != null) filters.push(sql`${q.kind} = ${args.kind}`);
        return filters;
      };
      const list: ListDef<{ node: QuoteRow }> = {
        source: search
          ? matchingList({ node: QUOTE, ordering: quoteOrder, match: (q) => sql`${q.search} @@ ${search}`, others, checks })
          : tableList({ node: QUOTE, ordering: quoteOrder, where: others, checks }),
        item: (row) => ({ node: row.row as QuoteRow }),
      };
      return rootPage(list, args, ctx, info);
    },
  }),
);
