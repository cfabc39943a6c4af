/**
 * `npm run bench`: Verbatim side by side with PostGraphile 5 and a raw-SQL floor on the same
 * bench database, driven by autocannon on loopback, in interleaved rounds. Prints the tables and
 * writes them as JSON under bench/results/.
 *
 * Targets, each its own process, all started before the first round and left idle while another
 * is driven:
 *   api           src/server/main.ts with its response cache off: every request executes
 *   api-cached    the same with the cache on: after the warm-up every request is a hit
 *   postgraphile  bench/peers/postgraphile.js (installed in bench/peers by npm ci; --no-peers skips it)
 *   floor         bench/floor.ts: node:http + postgres, one prepared statement per answer
 * Before anything is timed, every target's answer to every scenario is checked against the API's,
 * row by row. Then, per round, per scenario, each target in that order: a warm-up, then the
 * measured run. Ratios are taken within a round and reported as medians with their range.
 *
 * The load generator shares the machine's cores with the servers and PostgreSQL, so next to
 * requests per second it reports CPU milliseconds per request of the server's processes and of
 * the bench database's own PostgreSQL backends (from /proc), which travel better between
 * machines, and the runner's own CPU per request, which shows what the load costs on top.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import type postgres from 'postgres';
import { ensurePeersInstalled, installPeerSchema, postgraphileInstall } from './peers.js';
import { cpuBetween, cpuByPid, processTree, rssMb, treeCpuMs } from './proc.js';
import { type Headline, headlines } from './queries.js';
import { type Measure, printReport, summarize } from './report.js';
import { type Server, startServer } from './servers.js';
import { checkAnswers, operationOf, post, requestFor, ROOT, SERVER_ENV, startTargets, type TargetName, targetsOf } from './targets.js';
import { adminClient, benchDatabaseName, databaseUrl, parseQuotes } from './database.js';

const program = new Command()
  .name('bench')
  .option('--quotes <n>', 'the corpus to bench (loaded by bench:corpus)', 'large')
  .option('--small <n>', 'the corpus to compare p50 with for flatness (skipped when not loaded)', 'small')
  .option('--no-small', 'skip the small corpus (flatness)')
  .option('--duration <s>', 'seconds per measured run', '10')
  .option('--warmup <s>', 'seconds of warm-up before each measured run', '2')
  .option('--rounds <n>', 'interleaved rounds (ratios are medians over them)', '3')
  .option('--connections <n>', 'concurrent connections', '10')
  .option('--only <keys>', 'run only these scenarios, comma-separated (a-heavy,a-light,b,typename,c,d)')
  .option('--no-peers', 'without PostGraphile (otherwise installed in bench/peers when missing)')
  .option('--api-log-level <level>', "LOG_LEVEL of the API servers (production's default: info)", 'info')
  .option('--keep-logs', "keep the servers' logs (their folder is printed)")
  .option('--database <name>', 'the database of the corpus (default: verbatim_bench_<quotes>)')
  .option('--out <file>', 'where to write the JSON (default: bench/results/<date>-<quotes>.json)')
  .parse();

interface Options {
  quotes: string;
  small: string | false;
  duration: string;
  warmup: string;
  rounds: string;
  connections: string;
  only?: string;
  peers: boolean;
  apiLogLevel: string;
  keepLogs?: boolean;
  database?: string;
  out?: string;
}

/** The API's statement counter from /metrics: statements and requests so far, by operation. */
async function statementTotals(server: Server): Promise<Map<string, { sum: number; count: number }>> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const totals = new Map<string, { sum: number; count: number }>();
  for (const m of text.matchAll(/^verbatim_sql_statements_per_request_(sum|count)\{operation="([^"]*)"\} ([0-9.e+]+)$/gm)) {
    const entry = totals.get(m[2] as string) ?? { sum: 0, count: 0 };
    entry[m[1] as 'sum' | 'count'] = Number(m[3]);
    totals.set(m[2] as string, entry);
  }
  return totals;
}

/** Statements per request of one operation between two readings of /metrics (which count themselves too). */
function statementsBetween(
  before: Map<string, { sum: number; count: number }>,
  after: Map<string, { sum: number; count: number }>,
  operation: string,
): number | null {
  const a = after.get(operation);
  const b = before.get(operation) ?? { sum: 0, count: 0 };
  return a && a.count > b.count ? round((a.sum - b.sum) / (a.count - b.count), 2) : null;
}

/** SQL statements per request of each API headline at page sizes 5, 20 and 50, from the server's /metrics. */
async function statementCounts(api: Server, quotes: number, picked: (h: Headline) => boolean) {
  const counts: Record<string, Record<number, number | null>> = {};
  for (const size of [5, 20, 50]) {
    for (const h of headlines(quotes, size).filter(picked)) {
      const before = await statementTotals(api);
      const { json } = await post(api, requestFor(h, 'api').body);
      if (json.errors) throw new Error(`${h.key} at page size ${size}: ${JSON.stringify(json.errors)}`);
      (counts[h.key] ??= {})[size] = statementsBetween(before, await statementTotals(api), operationOf(h));
    }
  }
  return counts;
}

/** Pids of the database's own backends (not the server's other databases, not ours). */
async function backendsOf(admin: postgres.Sql, database: string): Promise<number[]> {
  const rows = await admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}

interface Run {
  h: Headline;
  target: TargetName;
  server: Server;
  round: number;
  quotes: number;
  database: string;
  expectedLength: number | undefined;
}

async function measure(run: Run, admin: postgres.Sql, o: { seconds: number; warmup: number; connections: number }): Promise<Measure> {
  const { body } = requestFor(run.h, run.target);
  const expected = run.expectedLength;
  const options = {
    url: run.server.url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    connections: o.connections,
    // A good answer is data without errors, of the checked answer's length: no JSON parsing per
    // response. Within a few characters, since autocannon decodes each chunk on its own, and a
    // character split between two becomes two replacement characters.
    verifyBody: (body: string | Buffer | undefined) => {
      const text = String(body);
      return (
        text.startsWith('{"data":') && !text.includes('"errors":') && (expected === undefined || Math.abs(text.length - expected) <= 16)
      );
    },
  };
  if (o.warmup > 0) await autocannon({ ...options, duration: o.warmup }); // JIT, pool connections, plan caches, the response cache
  const isApi = run.target === 'api' || run.target === 'api-cached';
  const statementsBefore = isApi ? await statementTotals(run.server) : undefined;
  const tree = processTree(run.server.pid);
  const pgBefore = cpuByPid(await backendsOf(admin, run.database));
  const serverBefore = treeCpuMs(tree);
  const runnerBefore = process.cpuUsage();
  const logBefore = run.server.logBytes();
  let maxRss = rssMb(tree);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(tree))), 250);
  const result = await autocannon({ ...options, duration: o.seconds });
  clearInterval(sampler);
  const serverCpu = treeCpuMs(tree) - serverBefore;
  const runner = process.cpuUsage(runnerBefore);
  const pgCpu = cpuBetween(pgBefore, cpuByPid(await backendsOf(admin, run.database)));
  const logBytes = run.server.logBytes() - logBefore;
  const statements = statementsBefore ? statementsBetween(statementsBefore, await statementTotals(run.server), operationOf(run.h)) : null;
  const requests = result.requests.total;
  const per = (x: number) => round(x / Math.max(1, requests), 3);
  return {
    round: run.round,
    scenario: run.h.key,
    target: run.target,
    quotes: run.quotes,
    requests,
    rps: Math.round(requests / o.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx + result.mismatches + result.timeouts,
    badAnswers: result.mismatches,
    serverCpuMsPerRequest: per(serverCpu),
    postgresCpuMsPerRequest: per(pgCpu),
    runnerCpuMsPerRequest: per((runner.user + runner.system) / 1000),
    logBytesPerRequest: Math.round(logBytes / Math.max(1, requests)),
    statementsPerRequest: statements,
    maxRssMb: Math.round(maxRss),
  };
}

async function databaseExists(admin: postgres.Sql, name: string): Promise<boolean> {
  return (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
}

/** The scenarios whose p50 should not grow with the corpus. */
const FLATNESS = ['a-heavy', 'a-light', 'b', 'c'];

/** The flatness scenarios that find rows on the small corpus too (others compare no work with some). */
async function withRows(list: Headline[], server: Server, small: number): Promise<Headline[]> {
  const kept: Headline[] = [];
  for (const h of list) {
    const { json } = await post(server, requestFor(h, 'api').body);
    if (json.errors) throw new Error(`${h.key} at ${small} quotes: ${JSON.stringify(json.errors).slice(0, 500)}`);
    if (json.data && h.nonEmpty(json.data)) kept.push(h);
    else console.log(`(${h.key} finds no rows at ${small} quotes: left out of the flatness check)`);
  }
  return kept;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const opts = program.opts<Options>();
  const only = opts.only?.split(',').map((k) => k.trim());
  const picked = (h: Headline) => !only || only.includes(h.key);
  const quotes = parseQuotes(opts.quotes);
  const small = opts.small === false ? quotes : parseQuotes(opts.small);
  const o = { seconds: Number(opts.duration), warmup: Number(opts.warmup), connections: Number(opts.connections) };
  const rounds = Number(opts.rounds);
  const database = opts.database ?? benchDatabaseName(quotes);
  const url = databaseUrl(database);
  const picks = headlines(quotes).filter(picked);
  if (picks.length === 0) throw new Error(`--only ${opts.only}: no such scenario (a-heavy, a-light, b, typename, c, d)`);

  const admin = adminClient();
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-'));
  const servers = new Map<TargetName, Server>();
  const others: Server[] = [];
  const measures: Measure[] = [];
  const loadBefore = os.loadavg();
  const statements: Awaited<ReturnType<typeof statementCounts>> = {};
  try {
    if (!(await databaseExists(admin, database)))
      throw new Error(`${database} does not exist: run npm run bench:corpus -- --quotes ${quotes}`);
    if (opts.peers) {
      ensurePeersInstalled();
      await installPeerSchema(url);
    }
    console.log(
      `starting ${opts.peers ? 'api, api-cached, postgraphile, floor' : 'api, api-cached, floor'} on ${database} (logs in ${logDir}) ...`,
    );
    await startTargets(url, opts.peers, logDir, opts.apiLogLevel, servers);
    // Flatness: the API on the small corpus too, measured right after the large one, each round.
    const smallDatabase = benchDatabaseName(small);
    const flat = new Map(
      headlines(small)
        .filter((h) => picked(h) && FLATNESS.includes(h.key))
        .map((h) => [h.key, h]),
    );
    let smallApi: Server | undefined;
    if (small !== quotes && flat.size > 0 && (await databaseExists(admin, smallDatabase))) {
      smallApi = await startServer(
        'api-small',
        ['--import', 'tsx', 'src/server/main.ts'],
        { ...SERVER_ENV, DATABASE_URL: databaseUrl(smallDatabase), RESPONSE_CACHE_MB: '0', LOG_LEVEL: opts.apiLogLevel },
        { cwd: ROOT, logDir },
      );
      others.push(smallApi);
    } else if (small !== quotes) {
      console.log(`(no ${smallDatabase}: flatness skipped; load it with npm run bench:corpus -- --quotes ${small})`);
    }

    console.log('checking that every target answers the API rows ...');
    const lengths = await checkAnswers(picks, servers, opts.peers);
    if (smallApi) {
      const kept = new Set((await withRows([...flat.values()], smallApi, small)).map((h) => h.key));
      for (const key of flat.keys()) if (!kept.has(key)) flat.delete(key);
    }
    console.log('statements per request (page sizes 5, 20, 50) ...');
    Object.assign(statements, await statementCounts(servers.get('api') as Server, quotes, picked));

    const say = (m: Measure) =>
      console.log(`${m.rps} req/s, ${m.serverCpuMsPerRequest} ms CPU/req, p50 ${m.p50} ms${m.failures ? `, ${m.failures} FAILED` : ''}`);
    for (let r = 1; r <= rounds; r += 1) {
      for (const h of picks) {
        for (const target of targetsOf(h, opts.peers)) {
          process.stdout.write(`round ${r}/${rounds}: ${h.label}, ${target} ... `);
          const server = servers.get(target) as Server;
          const expectedLength = lengths.get(`${h.key}/${target}`);
          const m = await measure({ h, target, server, round: r, quotes, database, expectedLength }, admin, o);
          say(m);
          measures.push(m);
          const hSmall = flat.get(h.key);
          if (target === 'api' && smallApi && hSmall) {
            process.stdout.write(`round ${r}/${rounds}: ${h.label}, api at ${small} quotes ... `);
            const ms = await measure(
              { h: hSmall, target, server: smallApi, round: r, quotes: small, database: smallDatabase, expectedLength: undefined },
              admin,
              o,
            );
            say(ms);
            measures.push(ms);
          }
        }
      }
    }
  } finally {
    await Promise.all([...servers.values(), ...others].map((s) => s.stop()));
    await admin.end();
  }

  const report = summarize(measures, {
    statements,
    quotes,
    small,
    rounds,
    ...o,
    apiLogLevel: opts.apiLogLevel,
    postgraphile: opts.peers ? postgraphileInstall().installed : null,
    load: { before: loadBefore, after: os.loadavg() },
  });
  printReport(report);
  const file = opts.out
    ? path.resolve(opts.out)
    : path.join(ROOT, 'bench/results', `${report.date.slice(0, 19).replace(/[:T]/g, '-')}-${quotes}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${file.startsWith(ROOT) ? path.relative(ROOT, file) : file}`);
  if (opts.keepLogs) console.log(`server logs: ${logDir}`);
  else rmSync(logDir, { recursive: true, force: true });
  if (measures.some((m) => m.failures > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
