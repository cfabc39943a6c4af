/**
 * What per-request machinery costs, measured in process with `yoga.fetch`: server CPU per request
 * (process.cpuUsage), SQL statements per request, and on PostgreSQL the database's CPU per request
 * (its backends' /proc times). Variants run interleaved, round after round, and the medians of
 * the rounds are printed. Not a test: it prints figures.
 *
 *   npm run measure:requests                                   # embedded PGlite, seed corpus
 *   npm run measure:requests -- --database-url postgres://…    # a migrated server database
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { createYoga, createSchema } from 'graphql-yoga';
import { defaultConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { CorpusVersion } from '../src/db/corpus-version.js';
import { countStatements } from '../src/db/instrument.js';
import { migrate } from '../src/db/migrate.js';
import { queryRows } from '../src/db/rows.js';
import { createApp } from '../src/server/app.js';
import { operationCost } from '../src/server/limits.js';
import { schema } from '../src/schema/index.js';
import { parse } from 'graphql';

const opts = new Command()
  .option('--database-url <url>', 'a migrated PostgreSQL database (default: embedded PGlite with the seed corpus)')
  .option('--requests <n>', 'requests per variant per round', '400')
  .option('--rounds <n>', 'interleaved rounds', '5')
  .parse()
  .opts<{ databaseUrl?: string; requests: string; rounds: string }>();

const QUERY = `query QuotesBySpeaker($s: String!) { quotes(speaker: $s, first: 20) { nodes { text kind article { title } } } }`;
const MULTI = `query Multi { a: article(slug: "trump-orders-pentagon-military-force-cartels") { title } speakers(first: 5) { nodes { name quotes(first: 3) { nodes { text } } } } }`;
const BODY = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

type Fetcher = (request: Request) => Response | Promise<Response>;

function post(body: string): Request {
  return new Request('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
}

/** CPU ticks of the database's backends (Linux /proc), or 0 when not on a local server. */
async function backendTicks(db: Database | undefined): Promise<number> {
  if (!db) return 0;
  const rows = await queryRows<{ pid: number }>(db, sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend ended meanwhile.
    }
  }
  return ticks;
}

interface Sample {
  cpuMs: number;
  statements: number;
  pgMs: number;
}

async function measure(fetcher: Fetcher, body: string, n: number, pg: Database | undefined): Promise<Sample> {
  const pgBefore = await backendTicks(pg);
  const cpu = process.cpuUsage();
  const { statements } = await countStatements(async () => {
    for (let i = 0; i < n; i++) {
      const response = await fetcher(post(body));
      await response.arrayBuffer();
    }
  });
  const used = process.cpuUsage(cpu);
  const pgTicks = (await backendTicks(pg)) - pgBefore;
  return { cpuMs: (used.user + used.system) / 1000 / n, statements: statements / n, pgMs: (pgTicks * 10) / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const handle = await openDatabase({ url: opts.databaseUrl });
  if (handle.driver === 'pglite') await migrate(handle.db);
  const pg = handle.driver === 'postgres' ? handle.db : undefined;
  const version = new CorpusVersion(handle.db);
  await version.refresh();
  const uncached = defaultConfig({ responseCacheMb: 0 });
  const speaker = (
    await queryRows<{ slug: string }>(
      handle.db,
      sql`SELECT s.slug FROM speakers s JOIN quotes q ON q.speaker_id = s.id GROUP BY s.slug ORDER BY count(*) DESC LIMIT 1`,
    )
  )[0]!.slug;

  const minimal = createSchema({ typeDefs: 'type Query { ok: Boolean }' });
  const variants: Record<string, { fetcher: Fetcher; body: string }> = {
    'quotes, snapshot': { fetcher: createApp({ db: handle.db, config: uncached }).fetch, body: BODY(QUERY, { s: speaker }) },
    'quotes, no snapshot': {
      fetcher: createApp({ db: handle.db, config: uncached, snapshots: false }).fetch,
      body: BODY(QUERY, { s: speaker }),
    },
    'multi, snapshot': { fetcher: createApp({ db: handle.db, config: uncached }).fetch, body: BODY(MULTI) },
    'multi, no snapshot': { fetcher: createApp({ db: handle.db, config: uncached, snapshots: false }).fetch, body: BODY(MULTI) },
    'quotes, cache hit': {
      fetcher: createApp({ db: handle.db, corpusVersion: version }).fetch,
      body: BODY(QUERY, { s: speaker }),
    },
    '{ __typename }': { fetcher: createApp({ db: handle.db, config: uncached }).fetch, body: BODY('{ __typename }') },
    'bare yoga, body limit on': { fetcher: createYoga({ schema: minimal, logging: false }).fetch, body: BODY('{ ok }') },
    'bare yoga, body limit off': {
      fetcher: createYoga({ schema: minimal, logging: false, maxRequestBodySize: false }).fetch,
      body: BODY('{ ok }'),
    },
  };
  const n = Number(opts.requests);
  const results = new Map<string, Sample[]>();
  for (const v of Object.values(variants)) await measure(v.fetcher, v.body, 50, undefined); // warm-up
  for (let round = 0; round < Number(opts.rounds); round++) {
    for (const [name, v] of Object.entries(variants)) {
      const list = results.get(name) ?? [];
      list.push(await measure(v.fetcher, v.body, n, pg));
      results.set(name, list);
    }
  }
  const table: Record<string, Record<string, string>> = {};
  for (const [name, samples] of results) {
    table[name] = {
      'server CPU ms/request': median(samples.map((s) => s.cpuMs)).toFixed(3),
      'statements/request': median(samples.map((s) => s.statements)).toFixed(2),
      ...(pg ? { 'PostgreSQL CPU ms/request': median(samples.map((s) => s.pgMs)).toFixed(3) } : {}),
    };
  }
  console.log(`${handle.location}, ${opts.rounds} interleaved rounds of ${n} requests per variant, medians:`);
  console.table(table);

  // The cost estimate on its own, and what its memo costs instead.
  const document = parse(QUERY);
  const reps = 20_000;
  let t = performance.now();
  for (let i = 0; i < reps; i++) operationCost(schema, document, { s: speaker });
  const estimate = ((performance.now() - t) * 1000) / reps;
  const memo = new Map<string, number>([[JSON.stringify({ s: speaker }), 1]]);
  t = performance.now();
  for (let i = 0; i < reps; i++) memo.get(JSON.stringify({ s: speaker }));
  const lookup = ((performance.now() - t) * 1000) / reps;
  console.log(`cost estimate of the quotes query: ${estimate.toFixed(1)} µs; its memo lookup: ${lookup.toFixed(2)} µs`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error('measure-requests:', error);
  process.exit(1);
});
