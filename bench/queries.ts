/**
 * The headline queries of the bench, as GraphQL and (for (a) and (b)) as the raw SQL the floor
 * server answers them with: the same rows read, one statement, no GraphQL.
 */
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { EVENT_SPANS, type EventSpan, spanCondition } from '../src/db/schema.js';
import { sizeFor, SyntheticCorpus } from './corpus/generate.js';

export interface Headline {
  /** Short key used in the table and JSON. */
  key: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Path to a list that must be non-empty in a good answer. */
  nonEmpty: (data: Record<string, unknown>) => boolean;
}

/** The month (b) asks for, and the name (c) searches for: a typo and no accents. */
export const MONTH = { from: '2021-03-01', to: '2021-03-31' };
export const FUZZY_NAME = 'Jose Hernandes';

/** The framework's cost alone: nothing to read. */
export const TYPENAME = 'query Typename { __typename }';

/** The first page of participants (b) asks for. */
export const PARTICIPANTS_PAGE = 10;

export const QUOTES_BY_SPEAKER = `query QuotesBySpeaker($speaker: String!, $n: Int!) {
  quotes(speaker: $speaker, first: $n) { nodes { text kind startOffset endOffset article { title } } }
}`;

export const EVENTS_IN_MONTH = `query EventsInMonth($from: Date!, $to: Date!, $n: Int!) {
  events(from: $from, to: $to, first: $n) {
    nodes {
      slug title date { start end precision }
      participants(first: ${PARTICIPANTS_PAGE}) { edges { role node { __typename ... on Speaker { slug name } ... on Organization { slug name } } } }
    }
  }
}`;

const FUZZY_SPEAKERS = `query FuzzySpeakers($search: String!, $n: Int!) {
  speakers(search: $search, first: $n) { nodes { slug name aliases } }
}`;

const NESTED = `query Nested($speaker: String!, $n: Int!) {
  speaker(slug: $speaker) {
    name
    quotes(first: $n) { nodes { text article { title events(first: 5) { nodes { slug title date { start end precision } } } } } }
  }
}`;

type Json = Record<string, unknown>;
const at = (data: Json, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v as Json | null | undefined)?.[k], data);
const nonEmptyAt =
  (...path: string[]) =>
  (data: Json) => {
    const list = at(data, ...path);
    return Array.isArray(list) && list.length > 0;
  };

/** The speakers the bench uses, recomputed from the generator (same seed and size, same slugs). */
export function benchSpeakers(quotes: number, seed = 1): { heavy: string; light: string } {
  const corpus = new SyntheticCorpus(sizeFor(quotes), seed);
  return { heavy: corpus.heavySpeaker(), light: corpus.lightSpeaker() };
}

export function headlines(quotes: number, pageSize = 20): Headline[] {
  const { heavy, light } = benchSpeakers(quotes);
  const n = pageSize;
  return [
    {
      key: 'a-heavy',
      label: '(a) quotes by heavy speaker',
      query: QUOTES_BY_SPEAKER,
      variables: { speaker: heavy, n },
      nonEmpty: nonEmptyAt('quotes', 'nodes'),
    },
    {
      key: 'a-light',
      label: '(a) quotes by light speaker',
      query: QUOTES_BY_SPEAKER,
      variables: { speaker: light, n },
      nonEmpty: nonEmptyAt('quotes', 'nodes'),
    },
    {
      key: 'b',
      label: '(b) events in a month',
      query: EVENTS_IN_MONTH,
      variables: { ...MONTH, n },
      nonEmpty: nonEmptyAt('events', 'nodes'),
    },
    {
      key: 'typename',
      label: '{ __typename }',
      query: TYPENAME,
      variables: {},
      nonEmpty: (data) => data.__typename === 'Query',
    },
    {
      key: 'c',
      label: '(c) fuzzy speaker search',
      query: FUZZY_SPEAKERS,
      variables: { search: FUZZY_NAME, n: Math.min(n, 10) },
      nonEmpty: nonEmptyAt('speakers', 'nodes'),
    },
    {
      key: 'd',
      label: '(d) speaker→quotes→article→events',
      query: NESTED,
      variables: { speaker: heavy, n: Math.min(n, 10) },
      nonEmpty: nonEmptyAt('speaker', 'quotes', 'nodes'),
    },
  ];
}

/**
 * (a) in one statement: the page of quotes with each article's title, in the API's order. $2 is
 * the page size + 1: the API reads one row more than it answers (to know whether there is a next
 * page), and so does the floor.
 */
export const FLOOR_QUOTES_SQL = `
  SELECT q.text, q.kind, q.start_offset AS "startOffset", q.end_offset AS "endOffset", json_build_object('title', a.title) AS article
    FROM quotes q JOIN articles a ON a.id = q.article_id
   WHERE q.speaker_id = (SELECT id FROM speakers WHERE slug = $1)
   ORDER BY q.published_on, q.article_id, q.start_offset, q.id
   LIMIT $2`;

/**
 * (b) in one statement: the page of events overlapping the range, each with its first page of
 * participants. Read the way the API reads it (src/schema/event.ts): span by span from the span
 * indexes, each limited, then merged, so the floor is the best plain SQL for the same rows. $3
 * is the page size + 1, and each event reads PARTICIPANTS_PAGE + 1 participants, as the API does.
 */
export const FLOOR_EVENTS_SQL = `
  SELECT e.slug, e.title,
         json_build_object('start', e.date_start, 'end', e.date_end, 'precision', e.date_precision) AS date,
         json_build_object('edges', coalesce((
           SELECT json_agg(json_build_object('role', p.role, 'node', json_build_object(
                    '__typename', CASE WHEN p.speaker_id IS NULL THEN 'Organization' ELSE 'Speaker' END,
                    'slug', coalesce(s.slug, o.slug), 'name', coalesce(s.name, o.name))) ORDER BY p.id)
             FROM (SELECT * FROM event_participants WHERE event_id = e.id ORDER BY id LIMIT ${PARTICIPANTS_PAGE + 1}) p
             LEFT JOIN speakers s ON s.id = p.speaker_id
             LEFT JOIN organizations o ON o.id = p.organization_id), '[]'::json)) AS participants
    FROM (${EVENT_SPANS.map(
      (span) =>
        `(SELECT * FROM events t WHERE ${spanOverlap(span, '$1::date', '$2::date')} ORDER BY t.date_start, t.date_end, t.id LIMIT $3)`,
    ).join('\n      UNION ALL ')}) e
   ORDER BY e.date_start, e.date_end, e.id
   LIMIT $3`;

/**
 * Events `t` of one span that overlap [from, to] (SQL expressions), in a form its partial index
 * serves: the span's condition, rendered from the one the index is declared with, and a start
 * no earlier than the span's length before `from`.
 */
export function spanOverlap(span: EventSpan, from: string, to: string): string {
  const condition = new PgDialect().sqlToQuery(spanCondition(sql.raw('t.date_start'), sql.raw('t.date_end'), span)).sql;
  return `${condition} AND t.date_start <= ${to} AND t.date_end >= ${from}${span.max === null ? '' : ` AND t.date_start >= ${from} - ${span.max}`}`;
}
