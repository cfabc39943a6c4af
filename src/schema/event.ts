/** Event: its node, the `event`/`events` root fields. Participants and reports: src/schema/relations/. */
import { eq, sql, type SQL } from 'drizzle-orm';
import { aliasOf, allOf, type ListCheck, type ListSource, type Ordering, tableList } from '../db/pages.js';
import type { Row } from '../db/rows.js';
import { EVENT_SPANS, eventKind, events, spanCondition } from '../db/schema.js';
import { builder } from './builder.js';
import { type ListDef, rootPage, rootRow } from './connections.js';
import { type DateRange, dateRange, DateScalar, overlaps, PartialDate } from './dates.js';
import { notFound } from './errors.js';
import { slugFilter } from './loaders.js';
import { enumOf, nodeTable, tableNode } from './types.js';

export type EventRow = Row<typeof events>;
type EventKind = (typeof eventKind.enumValues)[number];

const eventKindDescriptions: Record<EventKind, string> = {
  ORDER: 'An order or directive given.',
  DEPLOYMENT: 'Forces or assets sent somewhere.',
  MILITARY_ACTION: 'A strike, raid or other use of military force.',
  INVASION: 'An invasion.',
  DESIGNATION: 'A formal designation (as a terrorist organization, ...).',
  EXTRADITION: 'A person handed over to another country.',
  SANCTION: 'Sanctions imposed or lifted.',
  ARREST: 'An arrest or capture.',
  SEIZURE: 'A seizure of goods, drugs or assets.',
  PUBLICATION: 'A report, article or document published.',
  STATEMENT: 'A public statement.',
  AGREEMENT: 'An agreement, deal or treaty.',
  OPERATION: 'A law-enforcement or security operation.',
  CONDEMNATION: 'A condemnation or protest.',
  APPOINTMENT: 'Someone appointed to or removed from a position.',
  OTHER: 'Anything else.',
};

export const EventKindEnum = enumOf('EventKind', 'What kind of event this is.', eventKind.enumValues, eventKindDescriptions);

export const EventNode = tableNode('Event', events);

export const EVENT = nodeTable('Event', events);

type EventRows = { node: typeof events };

/** By start, then end (unknown dates last), then id: the order of every event list. */
export const eventOrder: Ordering<EventRows> = {
  name: 'event',
  keys: [
    { type: 'date', expr: ({ node }) => sql`coalesce(${node.dateStart}, 'infinity'::date)` },
    { type: 'date', expr: ({ node }) => sql`coalesce(${node.dateEnd}, 'infinity'::date)` },
    { type: 'int', expr: ({ node }) => sql`${node.id}` },
  ],
};

/**
 * The order of events with known dates: eventOrder's without the `coalesce` for unknown dates
 * (none are left under a date filter), so the span indexes can serve it. Same name and values:
 * cursors pass between the two.
 */
const datedEventOrder: Ordering<EventRows> = {
  name: eventOrder.name,
  keys: [
    { type: 'date', expr: ({ node }) => sql`${node.dateStart}` },
    { type: 'date', expr: ({ node }) => sql`${node.dateEnd}` },
    { type: 'int', expr: ({ node }) => sql`${node.id}` },
  ],
};

/**
 * Events overlapping `range`, read span by span for a page. An event of span s overlaps
 * [from, to] when it starts in [from - s, to] and ends on or after `from`; so each span's index
 * (src/db/schema.ts EVENT_SPANS) is read in start order from `from - longest span of its kind`,
 * its first page-size rows taken, and the spans merged. Counting and the rows-before-a-cursor
 * check still see every overlapping event, through the range's GiST index.
 */
function bySpan(range: DateRange, otherFilters: (row: typeof events) => SQL[], checks: readonly ListCheck[]): ListSource<EventRows> {
  return tableList({
    node: EVENT,
    ordering: datedEventOrder,
    where: (e) => [overlaps(e.dateStart, e.dateEnd, range), ...otherFilters(e)],
    checks,
    narrow: (page, scan, fresh) => {
      const branches = EVENT_SPANS.map((span) => {
        const branch = fresh();
        const e = branch.rows.node;
        const conditions = [spanCondition(e.dateStart, e.dateEnd, span), ...otherFilters(e), page.window(branch.rows)];
        if (range.to) conditions.push(sql`${e.dateStart} <= ${range.to}::date`);
        if (range.from) {
          conditions.push(sql`${e.dateEnd} >= ${range.from}::date`);
          if (span.max !== null) conditions.push(sql`${e.dateStart} >= ${range.from}::date - ${sql.raw(String(span.max))}`);
        }
        return sql`(SELECT ${aliasOf(e)}.* FROM ${branch.from} WHERE ${allOf(conditions)} ORDER BY ${page.orderBy(branch.rows)} LIMIT ${page.limit})`;
      });
      return { from: sql`(${sql.join(branches, sql` UNION ALL `)}) ${aliasOf(scan.rows.node)}`, where: [] };
    },
  });
}

export const EventConnection = builder.connectionObject(
  { type: EventNode, name: 'EventConnection', description: 'A page of events by date: by start, then end (unknown dates last), then id.' },
  { name: 'EventEdge', description: 'An event in a list.' },
);

EventNode.implement({
  description: 'Something that happened, dated as precisely as the articles allow, with who took part and who reported it.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable identifier.' }),
    title: t.exposeString('title', { description: 'A one-line title.' }),
    description: t.exposeString('description', { nullable: true, description: 'What happened, in a few sentences.' }),
    kind: t.expose('kind', { type: EventKindEnum, description: 'What kind of event it is.' }),
    date: t.field({
      type: PartialDate,
      description: 'When it happened, as a range with a precision; start, end and precision are null when unknown.',
      resolve: (e) => ({ start: e.dateStart, end: e.dateEnd, precision: e.datePrecision, text: e.dateText, external: e.dateExternal }),
    }),
    places: t.exposeStringList('places', { description: 'Where it happened, as the articles name the places.' }),
  }),
});

builder.queryField('event', (t) =>
  t.field({
    type: EventNode,
    nullable: true,
    description: 'One event by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The event slug.' }) },
    resolve: (_root, { slug }, ctx, info) => rootRow<typeof events, EventRow>(EVENT, (e) => eq(e.slug, slug), ctx, info),
  }),
);

builder.queryField('events', (t) =>
  t.field({
    type: EventConnection,
    description:
      'Events by date: by start, then end (unknown dates last), then id. With a date filter, an event matches when its date range overlaps the asked range (both inclusive), so an event dated "February 2025" is found by `on: "2025-02-14"`; events of unknown date never match a date filter.',
    args: {
      ...t.arg.connectionArgs(),
      from: t.arg({ type: DateScalar, description: 'Only events that end on or after this date. Alone: an open range.' }),
      to: t.arg({ type: DateScalar, description: 'Only events that start on or before this date. Alone: an open range.' }),
      on: t.arg({ type: DateScalar, description: 'Only events whose range includes this day; not with `from` or `to`.' }),
      participant: t.arg.string({
        description: 'Only events in which the speaker or organization with this slug took part (NOT_FOUND when neither exists).',
      }),
      kind: t.arg({ type: EventKindEnum, description: 'Only events of this kind.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const range = dateRange(args);
      const checks: ListCheck[] = [];
      const participant = args.participant;
      // A speaker or an organization: resolved in the page's statement, like every slug filter.
      const speaker = participant == null ? null : slugFilter('speaker', participant, 'participant');
      const organization = participant == null ? null : slugFilter('organization', participant, 'participant');
      if (speaker && organization) {
        checks.push({
          holds: sql`(${speaker.check.holds} OR ${organization.check.holds})`,
          error: () =>
            notFound(`No speaker or organization has the slug ${JSON.stringify(participant)} (argument \`participant\`).`, {
              argument: 'participant',
              slug: participant,
            }),
        });
      }
      const otherFilters = (e: typeof events): SQL[] => {
        const filters: SQL[] = [];
        if (args.kind != null) filters.push(sql`${e.kind} = ${args.kind}`);
        if (speaker && organization) {
          filters.push(sql`EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = ${e.id}
            AND (ep.speaker_id = ${speaker.id} OR ep.organization_id = ${organization.id}))`);
        }
        return filters;
      };
      const source = range
        ? bySpan(range, otherFilters, checks)
        : tableList({ node: EVENT, ordering: eventOrder, where: otherFilters, checks });
      const list: ListDef<{ node: EventRow }> = { source, item: (row) => ({ node: row.row as EventRow }) };
      return rootPage(list, args, ctx, info);
    },
  }),
);
