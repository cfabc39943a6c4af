/**
 * PostGraphile 5 as a peer in the bench: where it is installed (bench/peers, its own package.json
 * and lock, so the project's `npm ci` stays lean), the SQL it needs in the bench database, the
 * query it is asked for each scenario, and how its answer maps onto the API's rows.
 *
 * PostGraphile has no `speakerBySlug` (the slugs are unique indexes, not constraints), so (a) is
 * `allSpeakers(condition: { slug })`; it has no date-range filter, so (b) goes through a SQL
 * function in a schema of its own (`bench_peers`) with the API's overlap rule, read span by span
 * from the same partial indexes. The function is plain SQL, so PostgreSQL inlines it into
 * PostGraphile's statement and plans it with the request's values.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { EVENT_SPANS } from '../src/db/schema.js';
import { type Headline, PARTICIPANTS_PAGE, spanOverlap, TYPENAME } from './queries.js';

export const PEERS_DIR = path.resolve(import.meta.dirname, 'peers');
export const POSTGRAPHILE_SERVER = path.join(PEERS_DIR, 'postgraphile.js');
export const PEER_SCHEMA = 'bench_peers';

/** The PostGraphile version the lock pins, and whether exactly that one is installed. */
export function postgraphileInstall(): { locked: string; installed: string | null } {
  const lock = JSON.parse(readFileSync(path.join(PEERS_DIR, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const manifest = path.join(PEERS_DIR, 'node_modules/postgraphile/package.json');
  return {
    locked: lock.packages['node_modules/postgraphile']?.version ?? '?',
    installed: existsSync(manifest) ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version ?? null) : null,
  };
}

/** `npm ci` in bench/peers unless the locked PostGraphile is already there. */
export function ensurePeersInstalled(): void {
  const { locked, installed } = postgraphileInstall();
  if (installed === locked) return;
  console.log(`PostGraphile ${locked} ${installed ? `(found ${installed})` : 'not installed'}: npm ci in ${PEERS_DIR} ...`);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS_DIR, stdio: 'inherit' });
  if (npm.status !== 0)
    throw new Error(`npm ci in ${PEERS_DIR} failed (${npm.status ?? npm.signal}); --no-peers runs without PostGraphile`);
}

/**
 * (b)'s function: the events overlapping [from, to], read span by span in start order, at most
 * `span_limit` of each span (the page size: enough for a first page), as the API reads them;
 * PostGraphile orders the union and takes its page. Without the per-span ORDER BY … LIMIT,
 * PostgreSQL cannot merge the spans' index scans (a UNION ALL member with a WHERE clause is not
 * pulled up into the outer query) and sorts all ~8,900 events of March 2021 for every request.
 */
export function peerSchemaSql(): string[] {
  const branches = EVENT_SPANS.map(
    (span) =>
      `(SELECT t.* FROM public.events t WHERE ${spanOverlap(span, '"from"', '"to"')} ORDER BY t.date_start, t.date_end, t.id LIMIT span_limit)`,
  );
  return [
    `CREATE SCHEMA IF NOT EXISTS ${PEER_SCHEMA}`,
    `DROP FUNCTION IF EXISTS ${PEER_SCHEMA}.events_in_range(date, date)`, // the first version, without span_limit
    `CREATE OR REPLACE FUNCTION ${PEER_SCHEMA}.events_in_range("from" date, "to" date, span_limit int) RETURNS SETOF public.events
       LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
       ${branches.join('\n       UNION ALL ')}
       $fn$`,
    // PostGraphile smart tags: a short field name, and orderBy on the function's connection.
    `COMMENT ON FUNCTION ${PEER_SCHEMA}.events_in_range(date, date, int) IS E'@name eventsInRange\\n@behavior +order'`,
  ];
}

/** Creates or replaces the peer schema in the database at `url` (idempotent; corpus untouched). */
export async function installPeerSchema(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      for (const statement of peerSchemaSql()) await tx.unsafe(statement);
    });
  } finally {
    await sql.end();
  }
}

type Json = Record<string, unknown>;

/** A scenario as PostGraphile is asked it, and its answer mapped to the API's `data`. */
export interface PeerQuery {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
  toApi(data: Json): Json;
}

const QUOTES = `query QuotesBySpeaker($speaker: String!, $n: Int!) {
  allSpeakers(condition: { slug: $speaker }, first: 1) {
    nodes {
      quotesBySpeakerId(first: $n, orderBy: [PUBLISHED_ON_ASC, ARTICLE_ID_ASC, START_OFFSET_ASC, ROW_ID_ASC]) {
        nodes { text kind startOffset endOffset articleByArticleId { title } }
      }
    }
  }
}`;

const EVENTS = `query EventsInMonth($from: Date!, $to: Date!, $n: Int!) {
  eventsInRange(from: $from, to: $to, spanLimit: $n, first: $n, orderBy: [DATE_START_ASC, DATE_END_ASC, ROW_ID_ASC]) {
    nodes {
      slug title dateStart dateEnd datePrecision
      eventParticipantsByEventId(first: ${PARTICIPANTS_PAGE}, orderBy: ROW_ID_ASC) {
        nodes { role speakerBySpeakerId { slug name } organizationByOrganizationId { slug name } }
      }
    }
  }
}`;

interface PgQuote {
  text: string;
  kind: string;
  startOffset: number;
  endOffset: number;
  articleByArticleId: { title: string } | null;
}
interface PgParty {
  slug: string;
  name: string;
}
interface PgEvent {
  slug: string;
  title: string;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  eventParticipantsByEventId: {
    nodes: { role: string; speakerBySpeakerId: PgParty | null; organizationByOrganizationId: PgParty | null }[];
  };
}

/** PostGraphile's query for a headline; undefined for those it is not compared on ((c), (d)). */
export function postgraphileQuery(h: Headline): PeerQuery | undefined {
  switch (h.key) {
    case 'a-heavy':
    case 'a-light':
      return {
        query: QUOTES,
        variables: h.variables,
        operationName: 'QuotesBySpeaker',
        toApi: (data) => {
          const speakers = (data.allSpeakers as { nodes: { quotesBySpeakerId: { nodes: PgQuote[] } }[] } | null)?.nodes ?? [];
          const quotes = speakers[0]?.quotesBySpeakerId.nodes ?? [];
          return {
            quotes: {
              nodes: quotes.map((q) => ({
                text: q.text,
                kind: q.kind,
                startOffset: q.startOffset,
                endOffset: q.endOffset,
                article: q.articleByArticleId && { title: q.articleByArticleId.title },
              })),
            },
          };
        },
      };
    case 'b':
      return {
        query: EVENTS,
        variables: h.variables,
        operationName: 'EventsInMonth',
        toApi: (data) => {
          const events = (data.eventsInRange as { nodes: PgEvent[] } | null)?.nodes ?? [];
          return {
            events: {
              nodes: events.map((e) => ({
                slug: e.slug,
                title: e.title,
                date: { start: e.dateStart, end: e.dateEnd, precision: e.datePrecision },
                participants: {
                  edges: e.eventParticipantsByEventId.nodes.map((p) => ({
                    role: p.role,
                    node: p.speakerBySpeakerId
                      ? { __typename: 'Speaker', slug: p.speakerBySpeakerId.slug, name: p.speakerBySpeakerId.name }
                      : {
                          __typename: 'Organization',
                          slug: p.organizationByOrganizationId?.slug,
                          name: p.organizationByOrganizationId?.name,
                        },
                  })),
                },
              })),
            },
          };
        },
      };
    case 'typename':
      return { query: TYPENAME, variables: {}, operationName: 'Typename', toApi: (data) => data };
    default:
      return undefined;
  }
}
