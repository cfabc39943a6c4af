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
import { describeEachDatabase } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';

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
    // speakers, then one batched load of their quotes (and the page counts): more than one, fixed.
    expect(line?.sqlStatements).toBeGreaterThanOrEqual(2);
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
    await post({ query: 'query Scraped { articles(first: 1) { totalCount } }' });
    await post({ query: '{ nope }' });
    const response = await app.fetch('http://verbatim.test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^verbatim_http_requests_total\{operation="Scraped",status="200"\} 1$/m);
    // A validation error never executes: no operation, and its status.
    expect(text).toMatch(/^verbatim_http_requests_total\{operation="none",status="200"\} \d+$/m);
    expect(text).toMatch(/^verbatim_http_request_duration_seconds_bucket\{le="0\.1",operation="Scraped",status="200"\} 1$/m);
    expect(text).toMatch(/^verbatim_sql_statements_per_request_count\{operation="Scraped"\} 1$/m);
    expect(text).toMatch(/^verbatim_sql_statements_per_request_sum\{operation="Scraped"\} [1-9]\d*$/m);
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
});
