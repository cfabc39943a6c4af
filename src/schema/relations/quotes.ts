/**
 * Who said what, where: a speaker's quotes and an article's quotes (Speaker.quotes,
 * Article.quotes), and each quote's speaker, article and paragraph.
 */
import { sql } from 'drizzle-orm';
import { ARTICLE, type ArticleData, ArticleNode, paragraphField } from '../article.js';
import { builder } from '../builder.js';
import { prefetchedRow, relatedConnection, relatedRow } from '../connections.js';
import { QUOTE, QuoteConnection, quoteList, QuoteNode } from '../quote.js';
import { SPEAKER, SpeakerNode, type SpeakerRow } from '../speaker.js';

const quotesOfSpeaker = quoteList((q, speaker) => [sql`${q.speakerId} = ${speaker}`]);
const quotesInArticle = quoteList((q, article) => [sql`${q.articleId} = ${article}`]);

builder.objectFields(SpeakerNode, (t) => ({
  quotes: t.field({
    type: QuoteConnection,
    description: "What the speaker said, ordered by the article's publication date, then position in the article.",
    args: t.arg.connectionArgs(),
    ...relatedConnection(quotesOfSpeaker, SPEAKER),
  }),
}));

builder.objectFields(ArticleNode, (t) => ({
  quotes: t.field({
    type: QuoteConnection,
    description: 'The quotes in this article, in the order they appear.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(quotesInArticle, ARTICLE),
  }),
}));

builder.objectFields(QuoteNode, (t) => ({
  speaker: t.field({
    type: SpeakerNode,
    description: 'Who said it.',
    extensions: relatedRow(QUOTE, SPEAKER, (q) => q.speakerId),
    // Read with the quote's page when a list returned it; loaded by id otherwise.
    resolve: (q, _args, _ctx, info) => prefetchedRow<SpeakerRow>(q, info) ?? q.speakerId,
  }),
  article: t.field({
    type: ArticleNode,
    description: 'The article that reports it.',
    extensions: relatedRow(QUOTE, ARTICLE, (q) => q.articleId),
    resolve: (q, _args, _ctx, info) => prefetchedRow<ArticleData>(q, info) ?? q.articleId,
  }),
  paragraph: t.loadable({
    ...paragraphField,
    description: 'The paragraph of the article the quote stands in.',
    resolve: (q) => `${q.articleId}:${q.paragraph}`,
  }),
}));
