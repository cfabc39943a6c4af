/**
 * Prometheus metrics with prom-client: per-app request metrics in their own registry, plus the
 * process metrics (CPU, memory, event loop, GC), which are process-wide and so collected once.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface PoolInfo {
  driver: 'pglite' | 'postgres';
  /** Connections the pool may open (PGlite: its single in-process connection). */
  max: number;
}

export interface Metrics {
  /** One finished request: operation label, HTTP status, seconds, SQL statements. */
  observe(operation: string, status: number, seconds: number, statements: number): void;
  inFlight: Gauge;
  /** Whether an answer came from the response cache (src/server/response-cache.ts), and what it holds. */
  responseCache: { lookup(hit: boolean): void; sizeFrom(bytes: () => number): void };
  /** The exposition text for GET /metrics. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(pool: PoolInfo | undefined): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'verbatim_http_requests_total',
    help: 'HTTP requests by GraphQL operation name and status.',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'verbatim_http_request_duration_seconds',
    help: 'HTTP request latency by GraphQL operation name and status.',
    labelNames: ['operation', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'verbatim_sql_statements_per_request',
    help: 'SQL statements sent per HTTP request, by GraphQL operation name.',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'verbatim_http_requests_in_flight',
    help: 'HTTP requests being handled now.',
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'verbatim_response_cache_lookups_total',
    help: 'Answers by whether the response cache had them (hit) or they were executed (miss); none when the cache is off.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  let cacheBytes: () => number = () => 0;
  new Gauge({
    name: 'verbatim_response_cache_bytes',
    help: 'Bytes the response cache holds (answers as sent, their content type and key, and per-entry overhead).',
    registers: [registry],
    collect() {
      this.set(cacheBytes());
    },
  });
  if (pool) {
    // postgres.js does not expose its open/idle connection counts; the configured maximum and the
    // requests in flight (each holds at most one connection at a time) bound the pool's use.
    new Gauge({
      name: 'verbatim_db_pool_max_connections',
      help: 'Connections the database pool may open, by driver (pglite: one in-process connection).',
      labelNames: ['driver'] as const,
      registers: [registry],
    }).set({ driver: pool.driver }, pool.max);
  }
  return {
    observe(operation, status, seconds, count) {
      const labels = { operation, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
      statements.observe({ operation }, count);
    },
    inFlight,
    responseCache: {
      lookup: (hit) => cacheLookups.inc({ result: hit ? 'hit' : 'miss' }),
      sizeFrom: (bytes) => {
        cacheBytes = bytes;
      },
    },
    async scrape() {
      const [own, process] = await Promise.all([registry.metrics(), processMetrics().metrics()]);
      return { contentType: registry.contentType, body: `${own}\n${process}` };
    },
  };
}

/** Labels that are ours, not a client's: nothing executed, a batch, an operation without a name. */
const FIXED_LABELS = ['none', 'batch', 'anonymous'];

/**
 * Operation names come from clients, so as metric labels they are bounded: the known names (the
 * persisted operations') and our fixed labels keep their own series; any other name is "other".
 */
export function operationLabels(known: Iterable<string>): (name: string) => string {
  const labels = new Set<string>([...FIXED_LABELS, ...known]);
  return (name) => (labels.has(name) ? name : 'other');
}

/** Whether an Authorization header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(authorization: string | null | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  // Digests, so the comparison neither stops early nor needs equal lengths.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/** The answer to GET /metrics: the scrape, or 401 when a token is required and not given. */
export async function metricsResponse(
  metrics: Metrics,
  authorization: string | null | undefined,
  token: string | undefined,
): Promise<Response> {
  if (token !== undefined && !bearerMatches(authorization, token)) {
    return new Response('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n', {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' },
    });
  }
  const { contentType, body } = await metrics.scrape();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
