/**
 * The bench's raw-SQL floor must answer (a) and (b) with the rows the API gives, or the ratio it
 * reports compares different work. Checked on the seed fixture, on both databases.
 */
import { expect, it } from 'vitest';
import { EVENTS_IN_MONTH, FLOOR_EVENTS_SQL, FLOOR_QUOTES_SQL, QUOTES_BY_SPEAKER } from '../../bench/queries.js';
import type { Database } from '../../src/db/client.js';
import { withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

/** Runs a SQL text with $n parameters on whichever driver is under the database. */
async function raw(db: Database, text: string, params: unknown[]): Promise<unknown[]> {
  const client = (
    db as unknown as {
      $client: {
        unsafe?: (t: string, p: unknown[]) => Promise<unknown[]>;
        query?: (t: string, p: unknown[]) => Promise<{ rows: unknown[] }>;
      };
    }
  ).$client;
  if (client.unsafe) return [...(await client.unsafe(text, params))];
  if (client.query) return (await client.query(text, params)).rows;
  throw new Error('unknown driver');
}

describeEachDatabase('bench floor', (suite) => {
  const api = withCorpus(suite);

  it('(a) the floor returns the page of quotes the API returns', async () => {
    for (const speaker of ['claudia-sheinbaum', 'donald-trump']) {
      for (const n of [1, 2, 20]) {
        const data = await query(api.app, QUOTES_BY_SPEAKER, { speaker, n });
        expect(data.quotes.nodes.length).toBeGreaterThan(0);
        expect(await raw(suite.db, FLOOR_QUOTES_SQL, [speaker, n])).toEqual(data.quotes.nodes);
      }
    }
  });

  it('(b) the floor returns the page of events, with their participants, the API returns', async () => {
    for (const [from, to] of [
      ['2000-01-01', '2030-12-31'],
      ['2025-02-01', '2025-02-28'],
      ['2025-08-12', '2025-08-12'],
    ] as const) {
      const data = await query(api.app, EVENTS_IN_MONTH, { from, to, n: 20 });
      expect(data.events.nodes.length).toBeGreaterThan(0);
      expect(await raw(suite.db, FLOOR_EVENTS_SQL, [from, to, 20])).toEqual(data.events.nodes);
    }
  });
});
