/**
 * `/health` answers while the process lives; `/ready` answers 503 until the database is reachable
 * and its migrations are current, and again while the server shuts down.
 *
 * On the embedded database the server applies new migrations itself, at once
 * (src/db/live-migrations.ts), and serves the previous corpus whole until then: a migration file
 * just written is not a reason to take the server out of a load balancer, so there pending
 * migrations do not make it unready (`migrations: false`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { pendingMigrations } from '../db/migrate.js';
import { errorCode } from './errors.js';

export interface Readiness {
  ready: boolean;
  /** Why not ready, for operators: never SQL or a driver's message (those can quote statements). */
  reason?: string;
  /** The error behind `reason`, for the log only. */
  cause?: unknown;
}

export type ReadinessCheck = () => Promise<Readiness>;

/** How long /ready waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2_000;

export interface ReadinessOptions {
  isShuttingDown?: () => boolean;
  /** The migrations folder whose pending migrations make it unready, or false not to look. */
  migrations?: string | false;
}

export function databaseReadiness(db: Database, { isShuttingDown = () => false, migrations }: ReadinessOptions = {}): ReadinessCheck {
  return async () => {
    if (isShuttingDown()) return { ready: false, reason: 'shutting down' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: 'database did not answer in time' }), READY_TIMEOUT_MS);
    });
    const check = (async (): Promise<Readiness> => {
      try {
        await db.execute(sql`select 1`);
      } catch (error) {
        // drizzle's message is "Failed query: select 1 ..."; the code says what happened.
        const code = errorCode(error);
        return { ready: false, reason: `database unreachable${code ? ` (${code})` : ''}`, cause: error };
      }
      const pending = migrations === false ? [] : await pendingMigrations(db, migrations);
      if (pending.length > 0) return { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
      return { ready: true };
    })();
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

export function healthPlugin(readiness: ReadinessCheck, logger: Logger): Plugin {
  // Probes come every few seconds: a reason is logged when it changes, not at each probe.
  let lastReason: string | undefined;
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/health') {
        endResponse(json(200, { status: 'ok' }));
      } else if (url.pathname === '/ready') {
        const state = await readiness();
        if (state.reason !== lastReason && state.reason !== undefined) {
          logger.warn({ err: state.cause, reason: state.reason }, `verbatim: not ready: ${state.reason}`);
        }
        lastReason = state.reason;
        endResponse(json(state.ready ? 200 : 503, state.ready ? { status: 'ready' } : { status: 'unavailable', reason: state.reason }));
      }
    },
  };
}

/**
 * Requests that arrive while the server starts (the port is taken before the database is opened
 * and migrated): alive, not ready.
 */
export const starting = (request: IncomingMessage, response: ServerResponse): void => {
  const alive = request.url === '/health';
  response.writeHead(alive ? 200 : 503, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': '1',
  });
  response.end(JSON.stringify(alive ? { status: 'ok' } : { status: 'unavailable', reason: 'starting' }));
};
