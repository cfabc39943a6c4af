/**
 * Reports: the events an article reports and the articles that report an event (Article.events,
 * Event.articles), each with the sentence that does and its offsets into the body.
 */
import { eq, sql } from 'drizzle-orm';
import { linkList } from '../../db/pages.js';
import { articleEvents } from '../../db/schema.js';
import { ARTICLE, type ArticleData, ArticleNode, articleOrder } from '../article.js';
import { builder, type Types } from '../builder.js';
import { edgeData, type ListDef, relatedConnection } from '../connections.js';
import { EVENT, EventNode, eventOrder, type EventRow } from '../event.js';

/** Where an article reports an event: the sentence and its offsets into the body. */
interface Report {
  sentence: string | null;
  startOffset: number | null;
  endOffset: number | null;
}

const reportEdge = (x: typeof articleEvents) =>
  sql`jsonb_build_object('sentence', ${x.sentence}, 'startOffset', ${x.startOffset}, 'endOffset', ${x.endOffset})`;

function toReport(edge: Record<string, unknown> | null): Report {
  return {
    sentence: (edge?.sentence as string | null) ?? null,
    startOffset: (edge?.startOffset as number | null) ?? null,
    endOffset: (edge?.endOffset as number | null) ?? null,
  };
}

/** The edge fields of a report, for both directions. */
function reportFields<Edge extends object>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Edge>) {
  const report = (e: Edge) => edgeData<Report>(e);
  return {
    sentence: t.string({
      nullable: true,
      description: 'The sentence of the article that reports the event.',
      resolve: (e) => report(e).sentence,
    }),
    startOffset: t.int({
      nullable: true,
      description: 'Offset of the sentence in `Article.body` (UTF-16 code units).',
      resolve: (e) => report(e).startOffset,
    }),
    endOffset: t.int({
      nullable: true,
      description: 'Offset just past the sentence in `Article.body`.',
      resolve: (e) => report(e).endOffset,
    }),
  };
}

export const EventReportConnection = builder.connectionObject(
  { type: EventNode, name: 'EventReportConnection', description: 'A page of the events an article reports, by date (unknown dates last).' },
  { name: 'EventReportEdge', description: 'An event, and the sentence in which the article reports it.', fields: (t) => reportFields(t) },
);

export const ArticleReportConnection = builder.connectionObject(
  { type: ArticleNode, name: 'ArticleReportConnection', description: 'A page of the articles that report an event, oldest first.' },
  { name: 'ArticleReportEdge', description: 'An article, and the sentence in which it reports the event.', fields: (t) => reportFields(t) },
);

const eventsReportedIn: ListDef<{ node: EventRow } & Report> = {
  source: linkList({
    node: EVENT,
    link: articleEvents,
    ordering: eventOrder,
    on: (e, x) => eq(x.eventId, e.id),
    where: (x, article) => [sql`${x.articleId} = ${article}`],
    edge: reportEdge,
  }),
  item: (row) => ({ node: row.row as EventRow, ...toReport(row.edge) }),
};

const articlesReporting: ListDef<{ node: ArticleData } & Report> = {
  source: linkList({
    node: ARTICLE,
    link: articleEvents,
    ordering: articleOrder,
    on: (a, x) => eq(x.articleId, a.id),
    where: (x, event) => [sql`${x.eventId} = ${event}`],
    edge: reportEdge,
  }),
  item: (row) => ({ node: row.row as ArticleData, ...toReport(row.edge) }),
};

builder.objectFields(ArticleNode, (t) => ({
  events: t.field({
    type: EventReportConnection,
    description: 'The events this article reports, by date (unknown dates last), each with the reporting sentence.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(eventsReportedIn, ARTICLE),
  }),
}));

builder.objectFields(EventNode, (t) => ({
  articles: t.field({
    type: ArticleReportConnection,
    description: 'The articles that report the event, oldest first, each with the sentence that does.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(articlesReporting, EVENT),
  }),
}));
