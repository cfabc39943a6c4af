/**
 * `npm run bench`: the API server (src/server/main.ts, its own process) and the raw-SQL floor
 * (bench/floor.ts) on the bench database, driven by autocannon on loopback. Prints one table and
 * writes it as JSON under bench/results/.
 *
 * The load generator shares the machine's cores with both servers and PostgreSQL, so next to
 * requests per second it reports CPU milliseconds per request of the server process and of all
 * PostgreSQL processes (from /proc), which travel better between machines.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { defaultConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { countStatements } from '../src/db/instrument.js';
import { createApp } from '../src/server/app.js';
import { cpuMs, postgresCpu, postgresCpuSince, rssMb } from './proc.js';
import { type Headline, headlines } from './queries.js';
import { adminClient, benchDatabaseName, benchUrl, parseQuotes } from './target.js';

const program = new Command()
  .name('bench')
  .option('--quotes <n>', 'the corpus to bench (loaded by bench:corpus)', 'large')
  .option('--small <n>', 'the corpus to compare p50 with for flatness (skipped when not loaded)', 'small')
  .option('--duration <s>', 'seconds per scenario', '10')
  .option('--connections <n>', 'concurrent connections', '10')
  .option('--only <keys>', 'run only these scenarios, comma-separated (a-heavy,a-light,b,c,d)')
  .option('--no-small', 'skip the small corpus (flatness)')
  .parse();

interface Measure {
  scenario: string;
  /** api: the server uncached (its response cache off); api-cached: the same with it on. */
  target: 'api' | 'api-cached' | 'floor';
  quotes: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  maxRssMb: number;
}

interface Process {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** Starts a node process running `script` and waits for the port it prints. */
async function start(script: string, env: Record<string, string>): Promise<Process> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(?:127\.0\.0\.1:|listening on )([0-9]+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening: ${out}`)));
  });
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs `fn` with a started process, and stops the process whatever happens. */
async function withProcess<T>(script: string, env: Record<string, string>, fn: (proc: Process) => Promise<T>): Promise<T> {
  const proc = await start(script, env);
  try {
    return await fn(proc);
  } finally {
    await proc.stop();
  }
}

function body(h: Headline): string {
  return JSON.stringify({ query: h.query, variables: h.variables, operationName: /query (\w+)/.exec(h.query)?.[1] });
}

/** A response counts only when it is JSON without errors and with the rows asked for. */
function goodResponse(h: Headline) {
  return (text: string | Buffer | undefined): boolean => {
    try {
      const json = JSON.parse(String(text)) as { data?: Record<string, unknown>; errors?: unknown[] };
      return !json.errors && json.data != null && h.nonEmpty(json.data);
    } catch {
      return false;
    }
  };
}

async function drive(
  h: Headline,
  proc: Process,
  target: Measure['target'],
  quotes: number,
  seconds: number,
  connections: number,
): Promise<Measure> {
  const options = {
    url: `http://127.0.0.1:${proc.port}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: body(h),
    connections,
    verifyBody: goodResponse(h),
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pool connections, plan caches
  const pid = proc.child.pid as number;
  const serverBefore = cpuMs(pid);
  const pgBefore = postgresCpu();
  let maxRss = rssMb(pid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(pid))), 250);
  const result = await autocannon({ ...options, duration: seconds });
  clearInterval(sampler);
  const serverCpu = cpuMs(pid) - serverBefore;
  const pgCpu = postgresCpuSince(pgBefore);
  const requests = result.requests.total;
  return {
    scenario: h.key,
    target,
    quotes,
    requests,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx + result.mismatches + result.timeouts,
    serverCpuMsPerRequest: round(serverCpu / Math.max(1, requests), 3),
    postgresCpuMsPerRequest: round(pgCpu / Math.max(1, requests), 3),
    maxRssMb: Math.round(maxRss),
  };
}

/** SQL statements per request of each headline at page sizes 5, 20 and 50 (in-process, counted). */
async function statementCounts(url: string, quotes: number): Promise<Record<string, Record<number, number>>> {
  const handle = await openDatabase({ url });
  const yoga = createApp({ db: handle.db, config: defaultConfig({ production: true }) });
  const counts: Record<string, Record<number, number>> = {};
  try {
    for (const size of [5, 20, 50]) {
      for (const h of headlines(quotes, size)) {
        const { result, statements } = await countStatements(async () => {
          const res = await yoga.fetch('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(h),
          });
          return (await res.json()) as { errors?: unknown };
        });
        if (result.errors) throw new Error(`${h.key} failed: ${JSON.stringify(result.errors)}`);
        (counts[h.key] ??= {})[size] = statements;
      }
    }
  } finally {
    await handle.close();
  }
  return counts;
}

async function databaseExists(quotes: number): Promise<boolean> {
  const admin = adminClient();
  try {
    const rows = await admin`SELECT 1 FROM pg_database WHERE datname = ${benchDatabaseName(quotes)}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The server as deployed, uncached: the response cache is measured on its own (api-cached). */
const SERVER_ENV = { NODE_ENV: 'production', GRAPHIQL: 'false', PORT: '0', HOST: '127.0.0.1', RESPONSE_CACHE_MB: '0' };

async function main(): Promise<void> {
  const opts = program.opts<{ quotes: string; small: string | false; duration: string; connections: string; only?: string }>();
  const only = opts.only?.split(',').map((k) => k.trim());
  const picked = (h: Headline) => !only || only.includes(h.key);
  const quotes = parseQuotes(opts.quotes);
  const small = opts.small === false ? quotes : parseQuotes(opts.small);
  const seconds = Number(opts.duration);
  const connections = Number(opts.connections);
  if (!(await databaseExists(quotes)))
    throw new Error(`${benchDatabaseName(quotes)} does not exist: run npm run bench:corpus -- --quotes ${quotes}`);
  const url = benchUrl(quotes);

  console.log(`statements per request (page sizes 5, 20, 50) on ${benchDatabaseName(quotes)} ...`);
  const statements = await statementCounts(url, quotes);

  const measures: Measure[] = [];
  const run = async (list: Headline[], proc: Process, target: Measure['target'], corpus: number, label: string) => {
    for (const h of list) {
      console.log(`${label} ${h.label}${corpus === quotes ? '' : ` at ${corpus} quotes`} ...`);
      measures.push(await drive(h, proc, target, corpus, seconds, connections));
    }
  };
  const picks = headlines(quotes).filter(picked);
  await withProcess('src/server/main.ts', { ...SERVER_ENV, DATABASE_URL: url }, (api) =>
    withProcess('bench/floor.ts', { PORT: '0', DATABASE_URL: url }, async (floor) => {
      for (const h of picks) {
        await run([h], api, 'api', quotes, 'api');
        if (h.key.startsWith('a') || h.key === 'b') await run([h], floor, 'floor', quotes, 'floor');
      }
    }),
  );
  // The same server with its response cache on: after the warm-up every request is a hit.
  await withProcess('src/server/main.ts', { ...SERVER_ENV, RESPONSE_CACHE_MB: '64', DATABASE_URL: url }, (cached) =>
    run(picks, cached, 'api-cached', quotes, 'api (response cache)'),
  );

  // Flatness: p50 of (a), (b), (c) on the small corpus, same settings.
  if (small !== quotes && (await databaseExists(small))) {
    const flat = headlines(small).filter((h) => picked(h) && ['a-heavy', 'a-light', 'b', 'c'].includes(h.key));
    await withProcess('src/server/main.ts', { ...SERVER_ENV, DATABASE_URL: benchUrl(small) }, (smallApi) =>
      run(flat, smallApi, 'api', small, 'api'),
    );
  } else {
    console.log(`(no ${benchDatabaseName(small)}: flatness skipped; load it with npm run bench:corpus -- --quotes ${small})`);
  }

  const report = summarize(measures, statements, quotes, small, seconds, connections);
  printTable(report);
  const file = path.join('bench/results', `${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}-${quotes}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
}

function summarize(
  measures: Measure[],
  statements: Record<string, Record<number, number>>,
  quotes: number,
  small: number,
  seconds: number,
  connections: number,
) {
  const find = (scenario: string, target: Measure['target'], q = quotes) =>
    measures.find((m) => m.scenario === scenario && m.target === target && m.quotes === q);
  const rows = measures
    .filter((m) => m.quotes === quotes)
    .map((m) => {
      const floor = m.target !== 'floor' ? find(m.scenario, 'floor') : undefined;
      const smallRun = m.target === 'api' ? find(m.scenario, 'api', small) : undefined;
      return {
        ...m,
        statements: m.target === 'api' ? (statements[m.scenario]?.[20] ?? null) : 1,
        statementsBySize: m.target === 'api' ? (statements[m.scenario] ?? null) : null,
        ofFloor: floor ? round(m.rps / floor.rps) : null,
        cpuOfFloor: floor ? round(m.serverCpuMsPerRequest / floor.serverCpuMsPerRequest) : null,
        smallP50: smallRun?.p50 ?? null,
        flatness: smallRun ? round(m.p50 / smallRun.p50) : null,
      };
    });
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    corpus: { quotes, small },
    settings: {
      secondsPerScenario: seconds,
      connections,
      planCacheMode: 'force_custom_plan',
      responseCache: 'api: off; api-cached: 64 MB, keyed by corpus version',
    },
    rows,
    smallCorpus: measures.filter((m) => m.quotes === small),
  };
}

function printTable(report: ReturnType<typeof summarize>): void {
  const header = [
    'scenario',
    'target',
    'req/s',
    'of floor',
    'p50 ms',
    'p99 ms',
    'fail',
    'SQL/req (5/20/50)',
    'srv CPU ms/req',
    'CPU of floor',
    'pg CPU ms/req',
    'max RSS MB',
    `p50 @${report.corpus.small}`,
    'p50 ratio',
  ];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = report.rows.map((r) =>
    [
      r.scenario,
      r.target,
      r.rps,
      r.ofFloor,
      r.p50,
      r.p99,
      r.failures,
      r.statementsBySize ? [5, 20, 50].map((s) => r.statementsBySize?.[s]).join('/') : '1',
      r.serverCpuMsPerRequest,
      r.cpuOfFloor,
      r.postgresCpuMsPerRequest,
      r.maxRssMb,
      r.smallP50,
      r.flatness,
    ].map(cell),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(
    `\n${report.date.slice(0, 10)}, ${report.machine.cpus} cores (${report.machine.model}), ${report.corpus.quotes.toLocaleString('en-US')} quotes, ${report.settings.connections} connections, ${report.settings.secondsPerScenario} s each`,
  );
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
