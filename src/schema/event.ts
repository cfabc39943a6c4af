/** Event: its node, participants and connections, the `event`/`events` root fields, its loaders. */
import { brandWithType } from '@pothos/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowBySlug, rowFromJson, rowJson, type Row } from '../db/rows.js';
import { EVENT_SPANS, eventKind, events, organizations, participantRole, spanCondition, speakers } from '../db/schema.js';
import { ArticleReportConnection, articlesReporting } from './article.js';
import { builder } from './builder.js';
import {
  allOf,
  edgeData,
  type JsonObject,
  type ListCheck,
  type ListSource,
  loadPage,
  nodeJson,
  type Ordering,
  pagedBy,
  tableList,
} from './connections.js';
import { type DateRange, dateRange, DateScalar, overlaps, PartialDate } from './dates.js';
import { notFound } from './errors.js';
import { type Report, reportEdge, reportFields, toReport } from './links.js';
import { slugFilter } from './loaders.js';
import { OrganizationNode, type OrganizationRow } from './organization.js';
import { SpeakerNode, type SpeakerRow } from './speaker.js';
import { enumOf, tableNode } from './types.js';

export type EventRow = Row<typeof events>;
type EventKind = (typeof eventKind.enumValues)[number];
type ParticipantRole = (typeof participantRole.enumValues)[number];

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

const participantRoleDescriptions: Record<ParticipantRole, string> = {
  ACTOR: 'Did it.',
  TARGET: 'Had it done to them.',
  SUBJECT: 'What it was about.',
  PARTNER: 'Took part alongside the actor.',
  OBSERVER: 'Commented or witnessed without taking part.',
  OTHER: 'Any other part.',
};

export const EventKindEnum = enumOf('EventKind', 'What kind of event this is.', eventKind.enumValues, eventKindDescriptions);

export const ParticipantRoleEnum = enumOf(
  'ParticipantRole',
  'The part a speaker or an organization played in an event.',
  participantRole.enumValues,
  participantRoleDescriptions,
);

export const EventNode = tableNode('Event', events);

/** By start, then end (unknown dates last), then id: the order of every event list. */
export const eventOrder: Ordering = {
  name: 'event',
  keys: [
    { expr: sql`coalesce(t.date_start, 'infinity'::date)`, type: 'date' },
    { expr: sql`coalesce(t.date_end, 'infinity'::date)`, type: 'date' },
    { expr: sql`t.id`, type: 'int' },
  ],
};

const toEvent = (json: JsonObject) => rowFromJson(events, json);

/**
 * The order of events with known dates: eventOrder's without the `coalesce` for unknown dates
 * (none are left under a date filter), so the span indexes can serve it. Same name and values:
 * cursors pass between the two.
 */
const datedEventOrder: Ordering = {
  name: eventOrder.name,
  keys: [
    { expr: sql`t.date_start`, type: 'date' },
    { expr: sql`t.date_end`, type: 'date' },
    { expr: sql`t.id`, type: 'int' },
  ],
};

/**
 * Events overlapping `range`, read span by span for a page. An event of span s overlaps
 * [from, to] when it starts in [from - s, to] and ends on or after `from`; so each span's index
 * (src/db/schema.ts EVENT_SPANS) is read in start order from `from - longest span of its kind`,
 * its first page-size rows taken, and the spans merged. Counting and the rows-before-a-cursor
 * check still see every overlapping event, through the range's GiST index.
 */
function bySpan(range: DateRange, otherFilters: readonly SQL[]): Pick<ListSource<unknown>, 'ordering' | 'from'> {
  const overlapping = overlaps(sql`t.date_start`, sql`t.date_end`, range);
  return {
    ordering: datedEventOrder,
    from: (_parent, page) => {
      if (!page) return sql`FROM events t WHERE ${allOf([overlapping, ...otherFilters])}`;
      const branches = EVENT_SPANS.map((span) => {
        const conditions = [spanCondition(sql`t.date_start`, sql`t.date_end`, span), ...otherFilters, page.window];
        if (range.to) conditions.push(sql`t.date_start <= ${range.to}::date`);
        if (range.from) {
          conditions.push(sql`t.date_end >= ${range.from}::date`);
          if (span.max !== null) conditions.push(sql`t.date_start >= ${range.from}::date - ${sql.raw(String(span.max))}`);
        }
        return sql`(SELECT t.* FROM events t WHERE ${allOf(conditions)} ORDER BY ${page.orderBy} LIMIT ${page.limit})`;
      });
      return sql`FROM (${sql.join(branches, sql` UNION ALL `)}) t WHERE true`;
    },
  };
}

/** A speaker's or an organization's part in an event. */
export interface Participation {
  roles: ParticipantRole[];
}

/** The events a speaker or an organization (`column` of event_participants) took part in. */
export function eventsOf(column: 'speaker_id' | 'organization_id'): ListSource<{ node: EventRow } & Participation> {
  return {
    ordering: eventOrder,
    from: (parent) => sql`FROM events t JOIN (
        SELECT ep.event_id, array_agg(DISTINCT ep.role ORDER BY ep.role) AS roles
        FROM event_participants ep WHERE ep.${sql.identifier(column)} = ${parent} GROUP BY ep.event_id
      ) x ON x.event_id = t.id WHERE true`,
    node: nodeJson(events),
    edge: sql`jsonb_build_object('roles', to_jsonb(x.roles))`,
    toItem: (node, edge) => ({ node: toEvent(node), roles: (edge?.roles as ParticipantRole[] | undefined) ?? [] }),
  };
}

/** The events an article reports. */
export const eventsReportedIn: ListSource<{ node: EventRow } & Report> = {
  ordering: eventOrder,
  from: (parent) => sql`FROM events t JOIN article_events x ON x.event_id = t.id WHERE x.article_id = ${parent}`,
  node: nodeJson(events),
  edge: reportEdge,
  toItem: (node, edge) => ({ node: toEvent(node), ...toReport(edge) }),
};

type ParticipantRow = SpeakerRow | OrganizationRow;

/** Who took part in an event, in the order they were recorded. */
const participantsOf: ListSource<{ node: ParticipantRow; role: ParticipantRole }> = {
  ordering: { name: 'participant', keys: [{ expr: sql`x.id`, type: 'int' }] },
  from: (parent) => sql`FROM event_participants x
      LEFT JOIN speakers s ON s.id = x.speaker_id
      LEFT JOIN organizations o ON o.id = x.organization_id
      WHERE x.event_id = ${parent}`,
  node: sql`CASE WHEN x.speaker_id IS NOT NULL THEN ${rowJson(speakers, 's')} ELSE ${rowJson(organizations, 'o')} END`,
  edge: sql`jsonb_build_object('role', x.role, 'speaker', x.speaker_id IS NOT NULL)`,
  toItem: (node, edge) => {
    const isSpeaker = edge?.speaker === true;
    const row = isSpeaker ? rowFromJson(speakers, node) : rowFromJson(organizations, node);
    // The union tells Speaker from Organization by this brand.
    brandWithType(row, isSpeaker ? SpeakerNode : OrganizationNode);
    return { node: row, role: edge?.role as ParticipantRole };
  },
};

export const ParticipantUnion = builder.unionType('Participant', {
  description: 'Who takes part in an event: a speaker or an organization.',
  types: () => [SpeakerNode, OrganizationNode],
});

export const EventConnection = builder.connectionObject(
  { type: EventNode, name: 'EventConnection', description: 'A page of events by date: by start, then end (unknown dates last), then id.' },
  { name: 'EventEdge', description: 'An event in a list.' },
);

export const ParticipationConnection = builder.connectionObject(
  {
    type: EventNode,
    name: 'ParticipationConnection',
    description: 'A page of the events someone took part in, by date (unknown dates last).',
  },
  {
    name: 'ParticipationEdge',
    description: 'An event, and the parts they played in it.',
    fields: (t) => ({
      roles: t.field({
        type: [ParticipantRoleEnum],
        description: 'Their roles in the event, in the order ParticipantRole lists them.',
        resolve: (e) => edgeData<Participation>(e).roles,
      }),
    }),
  },
);

export const EventReportConnection = builder.connectionObject(
  { type: EventNode, name: 'EventReportConnection', description: 'A page of the events an article reports, by date (unknown dates last).' },
  { name: 'EventReportEdge', description: 'An event, and the sentence in which the article reports it.', fields: (t) => reportFields(t) },
);

export const ParticipantConnection = builder.connectionObject(
  { type: ParticipantUnion, name: 'ParticipantConnection', description: 'A page of who took part in an event, in the order recorded.' },
  {
    name: 'ParticipantEdge',
    description: 'A speaker or an organization, and the part it played. One participant with two roles appears twice.',
    fields: (t) => ({
      role: t.field({
        type: ParticipantRoleEnum,
        description: 'The part it played.',
        resolve: (e) => edgeData<{ role: ParticipantRole }>(e).role,
      }),
    }),
  },
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
    participants: t.field({
      type: ParticipantConnection,
      description: 'Who took part, each with their role.',
      args: t.arg.connectionArgs(),
      ...pagedBy(participantsOf),
    }),
    articles: t.field({
      type: ArticleReportConnection,
      description: 'The articles that report the event, oldest first, each with the sentence that does.',
      args: t.arg.connectionArgs(),
      ...pagedBy(articlesReporting),
    }),
  }),
});

builder.queryField('event', (t) =>
  t.field({
    type: EventNode,
    nullable: true,
    description: 'One event by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The event slug.' }) },
    resolve: (_root, { slug }, ctx) => rowBySlug(ctx.db, events, slug),
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
      const otherFilters: SQL[] = [];
      const checks: ListCheck[] = [];
      if (args.kind != null) otherFilters.push(sql`t.kind = ${args.kind}`);
      if (args.participant != null) {
        // A speaker or an organization: resolved in the page's statement, like every slug filter.
        const slug = args.participant;
        const speaker = slugFilter('speaker', slug, 'participant');
        const organization = slugFilter('organization', slug, 'participant');
        otherFilters.push(sql`EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = t.id
          AND (ep.speaker_id = ${speaker.id} OR ep.organization_id = ${organization.id}))`);
        checks.push({
          holds: sql`(${speaker.check.holds} OR ${organization.check.holds})`,
          error: () =>
            notFound(`No speaker or organization has the slug ${JSON.stringify(slug)} (argument \`participant\`).`, {
              argument: 'participant',
              slug,
            }),
        });
      }
      const filters = range ? [overlaps(sql`t.date_start`, sql`t.date_end`, range), ...otherFilters] : otherFilters;
      // Their participants come with the page when the query asks for their first page.
      const list = {
        ...tableList(
          events,
          eventOrder,
          (node) => ({ node: toEvent(node) }),
          () => allOf(filters),
        ),
        nested: { participants: participantsOf },
        checks,
      };
      return loadPage(ctx.db, range ? { ...list, ...bySpan(range, otherFilters) } : list, args, info);
    },
  }),
);
