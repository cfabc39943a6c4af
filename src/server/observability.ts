/**
 * Per request: a request id (the caller's x-request-id when sane, else a new one; echoed back),
 * one JSON log line (operation, status, duration, SQL statements) and the Prometheus metrics; and
 * GET /metrics. Kept cheap: a few clock reads and map lookups, no parsing beyond what yoga does.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getOperationAST } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import { withStatementCounter, type StatementCounter } from '../db/instrument.js';
import { metricsResponse, operationLabels, type Metrics } from './metrics.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** Ids we accept from callers: short and printable, so they cannot forge log structure. */
const SANE_ID = /^[\w.:@/+=-]{1,128}$/;

const PROBES = new Set(['/health', '/ready', '/metrics']);

interface RequestState {
  id: string;
  started: number;
  counter: StatementCounter;
  operations: string[];
}

export interface ObservabilityOptions {
  logger: Logger;
  /** Undefined: no /metrics endpoint and nothing recorded. */
  metrics: Metrics | undefined;
  /**
   * Where GET /metrics is answered: here (with the token, when one is set), or not here (it has a
   * port of its own, src/server/http.ts).
   */
  scrape: { here: true; token: string | undefined } | { here: false };
  /** Operation names labelled as themselves (the persisted ones); others are "other". */
  knownOperations?: Iterable<string>;
}

export function observabilityPlugin({ logger, metrics, scrape, knownOperations = [] }: ObservabilityOptions): Plugin {
  const states = new WeakMap<Request, RequestState>();
  const label = operationLabels(knownOperations);
  return {
    instrumentation: {
      // Every statement sent while this request is handled is counted in its own async scope.
      request({ request }, wrapped) {
        const incoming = request.headers.get(REQUEST_ID_HEADER);
        const state: RequestState = {
          id: incoming && SANE_ID.test(incoming) ? incoming : randomUUID(),
          started: performance.now(),
          counter: { count: 0 },
          operations: [],
        };
        states.set(request, state);
        metrics?.inFlight.inc();
        return withStatementCounter(state.counter, wrapped);
      },
    },
    async onRequest({ request, url, endResponse }) {
      if (metrics && scrape.here && url.pathname === '/metrics' && request.method === 'GET') {
        endResponse(await metricsResponse(metrics, request.headers.get('authorization'), scrape.token));
      }
    },
    onExecute({ args }) {
      const state = states.get(args.contextValue.request);
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      state?.operations.push(name ?? 'anonymous');
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      response.headers.set(REQUEST_ID_HEADER, state.id);
      const ms = performance.now() - state.started;
      // Batches log every name; in the metrics they are one label, "batch".
      const operation = state.operations.length === 0 ? 'none' : state.operations.length === 1 ? state.operations[0]! : 'batch';
      metrics?.inFlight.dec();
      metrics?.observe(label(operation), response.status, ms / 1000, state.counter.count);
      const path = pathOf(request.url);
      // Probes and scrapes come every few seconds: they would drown the lines that matter.
      const level = PROBES.has(path) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          requestId: state.id,
          method: request.method,
          path,
          operation: state.operations.length > 1 ? state.operations : operation,
          status: response.status,
          durationMs: Math.round(ms * 100) / 100,
          sqlStatements: state.counter.count,
        },
        'request',
      );
    },
  };
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?', start);
  return url.slice(start, end === -1 ? undefined : end);
}

/** yoga's own messages (e.g. the original of a masked error) through our logger. */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (!logger.isLevelEnabled(level)) return;
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args
        .filter((a) => !(a instanceof Error))
        .map(String)
        .join(' ');
      if (error) logger[level]({ err: error }, text || error.message);
      else logger[level](text);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
