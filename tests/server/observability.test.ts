/**
 * Observability through the public surface: one JSON log line per request (request id, operation,
 * status, duration, SQL statements), the request id echoed back, and a Prometheus scrape.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createApp, type App } from '../../src/server/app.js';
import { listen } from '../../src/server/http.js';
import { loadManifest } from '../../src/server/persisted.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';
import { listenApp } from '../helpers/listen.js';

interface LogLine {
  level: number;
  msg: string;
  requestId: string;
  operation: string | string[];
  status: number;
  durationMs: number;
  sqlStatements: number;
  path: string;
}

describeEachDatabase('observability', (suite) => {
  const lines: LogLine[] = [];
  let app: App;
  beforeAll(async () => {
    await seedCorpus(suite.db);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    app = createApp({
      db: suite.db,
      logger: pino({ level: 'info' }, sink),
      pool: { driver: suite.handle.driver, max: suite.handle.maxConnections },
    });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.fetch('http://verbatim.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('logs one JSON line per request with its id, operation, status, duration and SQL statement count', async () => {
    const response = await post(
      { query: 'query QuotesOfOne { speakers(first: 3) { nodes { slug quotes(first: 2) { nodes { text } } } } }' },
      { 'x-request-id': 'trace-42' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const line = lines.find((l) => l.requestId === 'trace-42');
    expect(line).toMatchObject({ msg: 'request', level: 30, operation: 'QuotesOfOne', status: 200, path: '/graphql' });
    expect(line?.durationMs).toBeGreaterThan(0);
    // The speakers and their quotes: one statement since nested pages ride in their parent's.
    expect(line?.sqlStatements).toBeGreaterThanOrEqual(1);
  });

  it('makes up a request id when there is none or it is not sane, and echoes it', async () => {
    const none = await post({ query: '{ __typename }' });
    const generated = none.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await post({ query: '{ __typename }' }, { 'x-request-id': 'a"b\\c {}' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.requestId === generated)).toMatchObject({ operation: 'anonymous', sqlStatements: 0 });
  });

  it('serves Prometheus metrics: requests and latency by operation and status, SQL statements, pool, process', async () => {
    const scrape = async () => {
      const response = await app.fetch('http://verbatim.test/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    };
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };
    const series = (metric: string, labels: string) => `verbatim_${metric}{${labels}}`;
    const before = await scrape();
    // A persisted operation's name is a label; a name a client made up is "other".
    const [hash, persisted] = Object.entries(loadManifest().operations).find(([, op]) => op.name === 'SpeakerSearch')!;
    await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { search: 'Sheinbaum' } });
    for (let i = 0; i < 3; i += 1) await post({ query: `query Made${i}Up { articles(first: 1) { totalCount } }` });
    await post({ query: '{ nope }' });
    const text = await scrape();
    const delta = (s: string) => value(text, s) - value(before, s);
    expect(delta(series('http_requests_total', `operation="${persisted.name}",status="200"`))).toBe(1);
    expect(delta(series('http_requests_total', 'operation="other",status="200"'))).toBe(3);
    expect(text).not.toMatch(/Made\dUp/);
    // A validation error never executes: no operation, and its status (so is the first scrape).
    expect(delta(series('http_requests_total', 'operation="none",status="200"'))).toBe(2);
    expect(delta(series('http_request_duration_seconds_bucket', 'le="+Inf",operation="other",status="200"'))).toBe(3);
    expect(delta(series('sql_statements_per_request_count', 'operation="other"'))).toBe(3);
    expect(delta(series('sql_statements_per_request_sum', `operation="${persisted.name}"`))).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`verbatim_db_pool_max_connections{driver="${suite.handle.driver}"} ${suite.handle.maxConnections}`);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('logs an unexpected error with its cause, while the client sees it masked', async () => {
    const broken = await openDatabase({});
    await broken.close();
    const errors: { level: number; msg: string; err?: { message: string; stack: string } }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(
          ...chunk
            .toString()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as (typeof errors)[number]),
        );
        done();
      },
    });
    const app2 = createApp({ db: broken.db, logger: pino({ level: 'error' }, sink) });
    const r = await app2.fetch('http://verbatim.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ speaker(slug: "claudia-sheinbaum") { name } }' }),
    });
    const body = (await r.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe('Unexpected error.');
    const logged = errors.find((l) => l.msg === 'unexpected error');
    expect(logged?.level).toBe(50);
    expect(logged?.err?.message).toMatch(/closed/i);
    expect(logged?.err?.stack).toContain('at ');
  });

  it('has no /metrics when METRICS=false', async () => {
    const quiet = createApp({ db: suite.db, config: defaultConfig({ metrics: false }) });
    expect((await quiet.fetch('http://verbatim.test/metrics')).status).toBe(404);
  });

  it('with METRICS_TOKEN answers /metrics only to Authorization: Bearer <token>', async () => {
    const token = 'a-long-enough-metrics-token';
    const server = await listenApp(createApp({ db: suite.db, config: defaultConfig({ metricsToken: token }) }));
    try {
      const scrape = (authorization?: string) => fetch(`${server.origin}/metrics`, { headers: authorization ? { authorization } : {} });
      const refused = await scrape();
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await refused.text()).not.toMatch(/verbatim_/);
      expect((await scrape(`Bearer ${token}x`)).status).toBe(401);
      expect((await scrape(`Basic ${token}`)).status).toBe(401);
      const allowed = await scrape(`Bearer ${token}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/^verbatim_http_requests_total/m);
    } finally {
      await server.close();
    }
  });

  it('with METRICS_PORT serves /metrics there only (with its token), not beside the API', async () => {
    const token = 'another-long-metrics-token';
    const config = defaultConfig({ port: 0, metricsPort: 0, metricsToken: token });
    const app2 = createApp({ db: suite.db, config });
    const http = await listen(app2, config, pino({ level: 'silent' }), { location: 'test' });
    try {
      expect(http.metricsOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(http.metricsOrigin).not.toBe(http.origin);
      await fetch(`${http.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect((await fetch(`${http.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
      expect((await fetch(`${http.metricsOrigin}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${http.metricsOrigin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^verbatim_http_requests_total\{operation="anonymous",status="200"\} 1$/m);
      expect((await fetch(`${http.metricsOrigin}/graphql`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => {
        http.close(resolve);
        http.closeIdleConnections();
      });
    }
  });
});
