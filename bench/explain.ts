/**
 * `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement each headline query sends,
 * captured from the API itself on the bench database, and whether any plan has a sequential scan.
 */
import { Command } from 'commander';
import type { Logger } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { defaultConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';
import { createApp } from '../src/server/app.js';
import { headlines } from './queries.js';
import { benchUrl, parseQuotes } from './database.js';

const opts = new Command().option('--quotes <n>', 'the bench corpus', 'large').parse().opts<{ quotes: string }>();
const quotes = parseQuotes(opts.quotes);
const client = postgres(benchUrl(quotes), { max: 1, onnotice: () => {}, types: {}, connection: { plan_cache_mode: 'force_custom_plan' } });
const captured: { sql: string; params: unknown[] }[] = [];
const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
const db = drizzle({ client, schema, casing: 'snake_case', logger }) as unknown as Database;
const yoga = createApp({ db, config: defaultConfig({ production: true }) });

let seqScans = 0;
for (const h of headlines(quotes)) {
  captured.length = 0;
  const res = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: h.query, variables: h.variables }),
  });
  const json = (await res.json()) as { errors?: unknown };
  if (json.errors) throw new Error(`${h.key}: ${JSON.stringify(json.errors)}`);
  console.log(`\n===== ${h.label} (${captured.length} statements) =====`);
  for (const [i, statement] of [...captured].entries()) {
    const rows = await client.unsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
      statement.params as never[],
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const seq = (plan.match(/Seq Scan on (\w+)/g) ?? []).filter((s) => !/Seq Scan on _parents/.test(s));
    seqScans += seq.length;
    console.log(`--- statement ${i + 1}${seq.length ? `  <<< ${seq.join(', ')}` : ''}\n${plan}`);
  }
}
console.log(`\n${seqScans === 0 ? 'no sequential scan on any table' : `${seqScans} sequential scan(s): see above`}`);
await client.end();
process.exit(seqScans === 0 ? 0 : 1);
