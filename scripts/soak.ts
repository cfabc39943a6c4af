/**
 * Soak: mixed headline queries against a real server process for a while at many connections,
 * reporting errors (must be zero) and the server's memory at the start and end (must not grow
 * without bound). Not a test: it prints figures and writes them to bench/results/.
 *
 *   npm run soak                                  # 60 s, 50 connections, embedded seed corpus
 *   npm run soak -- --duration 10m                # ten minutes (s, m or h; a bare number is seconds)
 *   npm run soak -- --database-url postgres://…   # against a migrated server database
 *
 * The server's resident memory is sampled every --sample seconds: the report carries the curve
 * (start, peak, end and every sample), since memory that grows slowly only shows over minutes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { Command } from 'commander';

const program = new Command()
  .name('soak')
  .option('--duration <time>', 'how long to run: 90, 90s, 10m, 1h', '60')
  .option('--sample <seconds>', 'seconds between RSS samples', '10')
  .option('--connections <n>', 'concurrent connections', '50')
  .option('--database-url <url>', 'a migrated PostgreSQL database (default: embedded PGlite with the seed corpus)')
  .parse();
const opts = program.opts<{ duration: string; sample: string; connections: string; databaseUrl?: string }>();

/** Seconds in "90", "90s", "10m" or "1h". */
function seconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration: expected a number of seconds or 10m, 1h (got ${JSON.stringify(text)})`);
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}
const durationSeconds = seconds(opts.duration);

const root = path.resolve(import.meta.dirname, '..');

const QUERIES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'quotes by speaker',
    query: `query QuotesBySpeaker($s: String!) { quotes(speaker: $s, first: 20) { totalCount nodes { text kind article { title } } } }`,
    variables: { s: 'claudia-sheinbaum' },
  },
  {
    name: 'events in a month',
    query: `query EventsInAMonth { events(from: "2025-08-01", to: "2025-08-31") { totalCount nodes { title date { start end precision } participants { nodes { __typename ... on Speaker { name } ... on Organization { name } } } } } }`,
  },
  { name: 'speaker search', query: `query SpeakerSearch { speakers(search: "Sheinbam", first: 5) { nodes { slug name } } }` },
  {
    name: 'nested',
    query: `query Nested { speaker(slug: "claudia-sheinbaum") { quotes(first: 10) { nodes { text article { title events(first: 10) { nodes { title } } } } } } }`,
  },
  { name: 'search', query: `query Search { search(query: "cartels", first: 10) { edges { rank snippet } } }` },
];

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main(): Promise<void> {
  const dataDir = opts.databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'verbatim-soak-'));
  // node --import tsx (not the tsx CLI, which would put a wrapper process between us and the
  // server): the pid we sample is the server's own.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // info: the 'listening' line carries the URL; request lines are drained, not kept.
      LOG_LEVEL: 'info',
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : { DATABASE_URL: '', DATA_DIR: dataDir! }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const look = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s"]+\/graphql)/.exec(out);
      if (m) {
        child.stdout!.off('data', look);
        child.stdout!.resume(); // keep draining the request log
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const pid = child.pid!;
  // Warm up (JIT, plans, pool) before the first memory reading.
  for (const q of QUERIES) {
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
  }
  const started = Date.now();
  const memory = { start: rssMb(pid), max: 0, end: 0, samples: [] as { atSeconds: number; rssMb: number }[] };
  memory.samples.push({ atSeconds: 0, rssMb: memory.start });
  const peak = setInterval(() => (memory.max = Math.max(memory.max, rssMb(pid))), 1_000);
  const curve = setInterval(
    () => memory.samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMb: rssMb(pid) }),
    Number(opts.sample) * 1_000,
  );

  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections: Number(opts.connections),
    duration: durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: QUERIES.map((q) => ({
      method: 'POST' as const,
      body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
      // A 200 carrying GraphQL errors is a failure too.
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  clearInterval(peak);
  clearInterval(curve);
  memory.end = rssMb(pid);
  memory.samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMb: memory.end });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });

  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  const report = {
    date: new Date().toISOString(),
    database: opts.databaseUrl ? 'postgres' : 'pglite',
    durationSeconds,
    connections: Number(opts.connections),
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: { total: errors, transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
    serverMemoryMb: memory,
  };
  console.table({
    requests: report.requests,
    'req/s': report.requestsPerSecond,
    'p50 ms': report.latencyMs.p50,
    'p99 ms': report.latencyMs.p99,
    errors: report.errors.total,
    'RSS start MB': memory.start,
    'RSS max MB': memory.max,
    'RSS end MB': memory.end,
  });
  console.log(`RSS curve (s: MB): ${memory.samples.map((p) => `${p.atSeconds}: ${p.rssMb}`).join(', ')}`);
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results', `soak-${report.database}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${path.relative(root, file)}`);
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('soak:', error);
  process.exit(1);
});
