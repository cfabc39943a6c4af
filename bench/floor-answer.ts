/**
 * What the raw-SQL floor answers, given a way to run a statement: the same `data` as the API for
 * (a), (b) and `{ __typename }`, from one prepared statement each (none for `__typename`), with
 * the rows the API reads — a page size + 1 of them, and the extra one dropped — and nothing else.
 */
import { FLOOR_EVENTS_SQL, FLOOR_QUOTES_SQL, PARTICIPANTS_PAGE } from './queries.js';

/** Runs a SQL text with $n parameters; rows with json columns parsed. */
export type RunSql = (text: string, params: (string | number)[]) => Promise<readonly unknown[]>;

export interface FloorRequest {
  operationName?: string;
  variables?: Record<string, unknown>;
}

type EventRow = { participants: { edges: unknown[] } };

/** The answer's `data`, or undefined for an operation the floor does not know. */
export async function floorAnswer(run: RunSql, request: FloorRequest): Promise<Record<string, unknown> | undefined> {
  const v = request.variables ?? {};
  switch (request.operationName) {
    case 'QuotesBySpeaker': {
      const n = Number(v.n);
      const rows = await run(FLOOR_QUOTES_SQL, [String(v.speaker), n + 1]);
      return { quotes: { nodes: rows.slice(0, n) } };
    }
    case 'EventsInMonth': {
      const n = Number(v.n);
      const rows = (await run(FLOOR_EVENTS_SQL, [String(v.from), String(v.to), n + 1])) as EventRow[];
      const nodes = rows.slice(0, n);
      for (const e of nodes) e.participants.edges = e.participants.edges.slice(0, PARTICIPANTS_PAGE);
      return { events: { nodes } };
    }
    case 'Typename':
      return { __typename: 'Query' };
    default:
      return undefined;
  }
}
