/**
 * The bench's raw-SQL floor must answer each scenario with the API's data, reading the rows the
 * API reads (a page size + 1), or the ratio the bench reports compares different work. Checked
 * on the seed fixture, on both databases, through the floor's own answer function.
 */
import { expect, it } from 'vitest';
import { floorAnswer, type RunSql } from '../../bench/floor-answer.js';
import { EVENTS_IN_MONTH, QUOTES_BY_SPEAKER, TYPENAME } from '../../bench/queries.js';
import type { Database } from '../../src/db/client.js';
import { withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

/** Runs a SQL text with $n parameters on whichever driver is under the database, and counts the rows read. */
function runner(db: Database): { run: RunSql; read: number[] } {
  const client = (
    db as unknown as {
      $client: {
        unsafe?: (t: string, p: unknown[]) => Promise<unknown[]>;
        query?: (t: string, p: unknown[]) => Promise<{ rows: unknown[] }>;
      };
    }
  ).$client;
  const read: number[] = [];
  const run: RunSql = async (text, params) => {
    let rows: unknown[];
    if (client.unsafe) rows = [...(await client.unsafe(text, params))];
    else if (client.query) rows = (await client.query(text, params)).rows;
    else throw new Error('unknown driver');
    read.push(rows.length);
    return rows;
  };
  return { run, read };
}

describeEachDatabase('bench floor', (suite) => {
  const api = withCorpus(suite);

  it('(a) the floor answers the page of quotes the API answers, reading one row more', async () => {
    for (const speaker of ['claudia-sheinbaum', 'donald-trump']) {
      for (const n of [1, 2, 20]) {
        const data = await query(api.app, QUOTES_BY_SPEAKER, { speaker, n });
        expect(data.quotes.nodes.length).toBeGreaterThan(0);
        const { run, read } = runner(suite.db);
        expect(await floorAnswer(run, { operationName: 'QuotesBySpeaker', variables: { speaker, n } })).toEqual(data);
        // As many rows as the API reads: the page and one more when there is one.
        const more = (await query(api.app, QUOTES_BY_SPEAKER, { speaker, n: n + 1 })).quotes.nodes.length > n;
        expect(read).toEqual([more ? n + 1 : data.quotes.nodes.length]);
      }
    }
  });

  it('(b) the floor answers the page of events, with their participants, the API answers, reading one event more', async () => {
    for (const [from, to] of [
      ['2000-01-01', '2030-12-31'],
      ['2025-02-01', '2025-02-28'],
      ['2025-08-12', '2025-08-12'],
    ] as const) {
      for (const n of [1, 20]) {
        const data = await query(api.app, EVENTS_IN_MONTH, { from, to, n });
        expect(data.events.nodes.length).toBeGreaterThan(0);
        const { run, read } = runner(suite.db);
        expect(await floorAnswer(run, { operationName: 'EventsInMonth', variables: { from, to, n } })).toEqual(data);
        const more = (await query(api.app, EVENTS_IN_MONTH, { from, to, n: n + 1 })).events.nodes.length > n;
        expect(read).toEqual([more ? n + 1 : data.events.nodes.length]);
      }
    }
  });

  it('{ __typename }: the floor answers what the API answers, without a statement', async () => {
    const { run, read } = runner(suite.db);
    expect(await floorAnswer(run, { operationName: 'Typename' })).toEqual(await query(api.app, TYPENAME));
    expect(read).toEqual([]);
  });

  it('refuses an operation it does not know', async () => {
    const { run } = runner(suite.db);
    expect(await floorAnswer(run, { operationName: 'Nested' })).toBeUndefined();
  });
});
