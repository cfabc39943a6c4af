/**
 * Opening the database: embedded PGlite in a local folder by default, or the real server through
 * `postgres` when a URL is given. Both return the same typed drizzle database.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { recordStatement } from './instrument.js';
import type { DataDirClaim } from './ownership.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whatever the driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** Set when the handle was opened while the server was down (allowUnavailable). */
  unavailable?: string;
  driver: 'pglite' | 'postgres';
  /** Connections the handle may open at once (PGlite: its one in-process connection). */
  maxConnections: number;
  /** Where the data lives, for log lines (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  url?: string | undefined;
  /**
   * PGlite's data folder, claimed by this process (src/db/ownership.ts: two processes on one folder
   * corrupt it); when absent (and no url), an in-memory PGlite.
   */
  dataDir?: DataDirClaim | undefined;
  /** Connections in the server pool. */
  maxConnections?: number;
  /** Seconds to wait for a connection before failing. */
  connectTimeout?: number;
  /**
   * PostgreSQL's statement_timeout (15 s by default); idle-in-transaction sessions are ended after
   * twice that. Tests raise it: on a starved CI machine their deliberately huge queries take longer.
   */
  statementTimeoutMs?: number;
  /**
   * Open the server handle even when the server is down right now (connection refused, starting
   * up): the pool reconnects by itself when it comes back. Misconfiguration (unknown host, wrong
   * database, bad credentials, timeout to an unreachable host) still throws.
   */
  allowUnavailable?: boolean;
}

/** Counts every statement drizzle sends, for the per-request SQL statement count. */
const countingLogger: Logger = { logQuery: () => recordStatement() };

/**
 * PGlite and its extensions, loaded only when the embedded database is used: the module is ~37 MB
 * of resident memory a server on PostgreSQL does not need.
 */
export async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, drizzle, extensions: { pg_trgm, unaccent } };
}

export class DatabaseConnectionError extends Error {
  override name = 'DatabaseConnectionError';
}

/** Opens the database and checks it answers; throws DatabaseConnectionError with one clear line. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openServer(options.url, options);
  return openPglite(options.dataDir);
}

async function openPglite(claim: DataDirClaim | undefined): Promise<DatabaseHandle> {
  const dataDir = claim?.dir;
  claim?.publish(); // from now on the folder is in use: a second process is told by whom
  const { PGlite, drizzle: drizzlePglite, extensions } = await loadPglite();
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ?? 'memory://', { extensions });
  } catch (error) {
    // The folder is ours (claimed), so this is a damaged folder, not a busy one.
    throw new DatabaseConnectionError(
      `cannot open the embedded database in ${dataDir ?? 'memory'}: ${errorText(error)}` +
        ' (the folder may be damaged: move it away and start again to rebuild it from the migrations, or set DATA_DIR to use another one)',
    );
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case', logger: countingLogger });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    maxConnections: 1,
    location: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory',
    close: () => client.close(),
  };
}

async function openServer(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const location = `PostgreSQL at ${redactUrl(url)}`;
  const maxConnections = options.maxConnections ?? 10;
  const client = postgres(url, {
    max: maxConnections,
    connect_timeout: options.connectTimeout ?? 5,
    onnotice: () => {},
    // Keep bigint/date values as strings; drizzle maps them per column.
    types: {},
    // Bound every statement so a stuck query cannot hold a request (and a pool slot) forever.
    // plan_cache_mode: postgres.js prepares every statement, and after five executions PostgreSQL
    // may switch to a generic plan that ignores the parameters' values. The corpus is skewed (a
    // speaker with 13,000 quotes next to one with 3), and the generic plan for "a page of this
    // speaker's quotes" read all 13,000 (188 ms instead of 2 ms). Planning each execution costs
    // well under a millisecond for our statements, so always plan for the actual values.
    connection: {
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      idle_in_transaction_session_timeout: 2 * (options.statementTimeoutMs ?? 15_000),
      plan_cache_mode: 'force_custom_plan',
    },
  });
  let unavailable: string | undefined;
  try {
    await client`select 1`;
  } catch (error) {
    if (!options.allowUnavailable || !isTransient(error)) {
      await client.end({ timeout: 0 }).catch(() => {});
      throw new DatabaseConnectionError(`cannot connect to ${location}: ${errorText(error)}`);
    }
    unavailable = `${location} is unavailable (${errorText(error)})`;
  }
  const db = drizzlePostgres({ client: preparing(client), schema, casing: 'snake_case', logger: countingLogger });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    maxConnections,
    location,
    ...(unavailable ? { unavailable } : {}),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * The client drizzle uses, with every statement prepared. drizzle sends its queries unprepared
 * (a Parse with the whole text on every execution, then parse, analysis and rewrite on the
 * server each time); prepared, a statement text is parsed once per connection and then only
 * bound and executed. The texts are bounded: parameters carry every value, id lists travel as
 * one array parameter (src/db/rows.ts idArray), and postgres.js recycles each connection, with
 * its prepared statements, after 30 to 60 minutes (max_lifetime). Statements inside
 * transactions (migrations) go through the transaction's own client, unprepared.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  const unsafe: postgres.Sql['unsafe'] = (query, parameters, options) => client.unsafe(query, parameters, { ...options, prepare: true });
  return new Proxy(client, { get: (target, key, receiver) => (key === 'unsafe' ? unsafe : Reflect.get(target, key, receiver)) });
}

/** Errors of a server that is down for now, as opposed to a URL that can never work. */
function isTransient(error: unknown): boolean {
  const inner = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = (inner as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '57P03' || code === '53300';
}

/** A URL fit for logs: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // postgres.js reports a refused TCP connection as an AggregateError with an empty message.
    if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
    if (code === 'CONNECT_TIMEOUT') return 'timed out waiting for the server';
    if (code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
    return error.message || String(code ?? error.name);
  }
  // PGlite can reject with plain objects (its Emscripten exit status): never print [object Object].
  if (typeof error === 'object' && error !== null) {
    const { message, name } = error as { message?: unknown; name?: unknown };
    if (typeof message === 'string' && message) return message;
    const json = JSON.stringify(error);
    return json && json !== '{}' ? json.slice(0, 200) : String(name ?? 'unknown error');
  }
  return String(error);
}
