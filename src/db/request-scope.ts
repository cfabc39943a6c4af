/**
 * One snapshot and one deadline per GraphQL response.
 *
 * Every statement of one operation runs in one read-only REPEATABLE READ transaction, so a
 * response never mixes the corpus before and after a migration that commits while it executes.
 * The transaction is opened by the operation's first statement (a request that sends none, such as
 * a cache hit or `{ __typename }`, costs nothing) and ends when the operation has executed.
 *
 * The scope also bounds the operation's database time: `deadlineMs` after the scope opened,
 * running statements are cancelled and later ones refused with RequestTimeoutError. On PostgreSQL
 * a cancel request interrupts the statement; PGlite runs statements on this thread and cannot be
 * interrupted (its WebAssembly build has no timer signals, so PostgreSQL's own statement_timeout
 * never fires either): there the deadline is checked before each statement.
 *
 * The per-request database is an ordinary drizzle database (the resolvers' `ctx.db`), built on
 * the shared one's dialect and session options, so statements are counted by the same logger
 * (src/db/instrument.ts) and, on the server, prepared as src/db/client.ts prepares them.
 */
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type postgres from 'postgres';
import type { Database } from './client.js';

export const REQUEST_TIMEOUT_CODE = 'REQUEST_TIMEOUT';

/** The operation ran past its deadline; what it still wanted from the database was not run. */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  readonly code = REQUEST_TIMEOUT_CODE;
  constructor(
    readonly deadlineMs: number,
    options?: ErrorOptions,
  ) {
    super(`The request ran past its deadline of ${deadlineMs} ms of database time.`, options);
  }
}

export interface RequestDatabase {
  /** The operation's database: every statement through it reads the same snapshot. */
  readonly db: Database;
  /**
   * Ends the snapshot (commit of a read-only transaction) and gives the connection back. Safe to
   * call more than once, and before or without any statement.
   */
  end(): Promise<void>;
}

/** Opens a scope per operation: `open()` when the operation starts executing. */
export type RequestScopes = (options?: { deadlineMs?: number }) => RequestDatabase;

/** Something running on the connection that the deadline can interrupt. */
interface Running {
  cancel?(): unknown;
}

/** How one driver opens a read-only REPEATABLE READ transaction and keeps it open. */
interface Driver<C> {
  /** Starts a transaction and calls `body` with its connection; the transaction ends when `body` settles. */
  begin(body: (connection: C) => Promise<void>): Promise<unknown>;
  /** Whether a statement already running can be interrupted (PostgreSQL: yes; PGlite: no). */
  cancellable: boolean;
}

/** drizzle's internals we build the per-request database from (stable across 0.4x). */
interface DrizzleInternals {
  constructor: new (dialect: unknown, session: unknown, schema: unknown) => Database;
  dialect: unknown;
  _?: { schema: unknown; fullSchema: unknown; tableNamesMap: unknown; session?: { constructor: SessionClass; options: unknown } };
  $client: unknown;
}
type SessionClass = new (client: unknown, dialect: unknown, schema: unknown, options: unknown) => unknown;

/** Creates the scopes for a database opened by src/db/client.ts (either driver). */
export function requestScopes(base: Database, defaults: { deadlineMs: number }): RequestScopes {
  const internals = base as unknown as DrizzleInternals;
  const client = internals.$client as Record<string, unknown> | undefined;
  // A stand-in database (a test's) is used as it is: there is no driver to open a snapshot on.
  if (typeof internals._?.session?.constructor !== 'function') return () => ({ db: base, end: async () => {} });
  const { schema: tables, fullSchema, tableNamesMap, session } = internals._!;
  const schema = { schema: tables, fullSchema, tableNamesMap };
  const Session = session!.constructor;
  const sessionOptions = session!.options;
  const DatabaseClass = internals.constructor;
  // The same classes as the shared database's (PostgresJsSession or PgliteSession): no driver
  // module is imported here, so a server on PostgreSQL never loads PGlite.
  const database = (statementClient: unknown): Database =>
    new DatabaseClass(internals.dialect, new Session(statementClient, internals.dialect, schema, sessionOptions), schema);

  if (client && typeof client.begin === 'function' && typeof client.reserve === 'function') {
    const sql = client as unknown as postgres.Sql;
    const driver: Driver<postgres.TransactionSql> = {
      // postgres.js reserves a connection for the transaction and puts the options in BEGIN itself.
      begin: (body) => sql.begin('isolation level repeatable read read only', body),
      cancellable: true,
    };
    return (options) => {
      const scope = new Scope(driver, options?.deadlineMs ?? defaults.deadlineMs);
      return { db: database(postgresClient(scope)), end: () => scope.end() };
    };
  }
  if (client && typeof client.transaction === 'function' && typeof client.exec === 'function') {
    const pglite = client as unknown as PGlite;
    const driver: Driver<PgliteTransaction> = {
      begin: (body) =>
        pglite.transaction(async (tx) => {
          await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
          await body(tx);
        }),
      cancellable: false,
    };
    return (options) => {
      const scope = new Scope(driver, options?.deadlineMs ?? defaults.deadlineMs);
      return { db: database(pgliteClient(scope)), end: () => scope.end() };
    };
  }
  throw new Error('requestScopes: the database was not opened by src/db/client.ts (neither a postgres.js nor a PGlite client)');
}

/**
 * The client drizzle's postgres.js session calls: `unsafe(text, params, options)` returning a
 * query that is awaited or asked for `.values()`. Statements are prepared, as on the shared pool.
 */
function postgresClient(scope: Scope<postgres.TransactionSql>) {
  return {
    unsafe(text: string, parameters: unknown[] = [], _options?: unknown) {
      const run = (values: boolean) =>
        scope.run((tx) => {
          const query = tx.unsafe(text, parameters as postgres.ParameterOrJSON<never>[], { prepare: true });
          return values ? query.values() : query;
        });
      return {
        values: () => run(true),
        // drizzle awaits the query itself for raw `execute`.
        then: <A, B>(resolve?: (rows: unknown) => A, reject?: (error: unknown) => B) => run(false).then(resolve, reject),
      };
    },
    begin: noTransactions,
    options: { parsers: {}, serializers: {} },
  };
}

/** The client drizzle's PGlite session calls: `query(text, params, options)`. */
function pgliteClient(scope: Scope<PgliteTransaction>) {
  return {
    query: (text: string, parameters?: unknown[], options?: Parameters<PgliteTransaction['query']>[2]) =>
      scope.run((tx) => tx.query(text, parameters, options)),
    transaction: noTransactions,
  };
}

function noTransactions(): never {
  throw new Error('a request runs in its own read-only snapshot: transactions cannot be opened inside it');
}

class Scope<C> {
  readonly #driver: Driver<C>;
  readonly #deadlineMs: number;
  readonly #deadlineAt: number;
  /** The transaction's connection, once the first statement asked for it. */
  #connection: Promise<C> | undefined;
  /** Settles `body`, which ends the transaction (commit: it is read-only). */
  #finish: (() => void) | undefined;
  /** The transaction itself: settles after COMMIT (or ROLLBACK), or rejects if it could not run. */
  #transaction: Promise<unknown> | undefined;
  /** The first failure: once a statement failed, PostgreSQL refuses the rest of the transaction. */
  #failure: unknown;
  /** The connection went away: nothing may be sent on it any more, not even COMMIT. */
  #lost = false;
  #ended = false;
  #expired = false;
  #timer: NodeJS.Timeout | undefined;
  /** Rejects when the deadline passes, for whatever waits for a connection. */
  #expiry: Promise<never> | undefined;
  readonly #running = new Set<Running>();

  constructor(driver: Driver<C>, deadlineMs: number) {
    this.#driver = driver;
    this.#deadlineMs = deadlineMs;
    this.#deadlineAt = performance.now() + deadlineMs;
  }

  /** Runs one statement in the snapshot, within the deadline. */
  async run<T>(statement: (connection: C) => PromiseLike<T> & Running): Promise<T> {
    this.#refuseIfDone();
    const connection = await Promise.race([this.#acquire(), this.#armDeadline()]);
    this.#refuseIfDone();
    const running = statement(connection);
    this.#running.add(running);
    try {
      return await running;
    } catch (error) {
      throw this.#failed(error);
    } finally {
      this.#running.delete(running);
    }
  }

  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#timer);
    // A lost connection may already serve someone else: the transaction is left to the pool,
    // which has closed it (the server rolled it back when the connection dropped).
    if (!this.#transaction || this.#lost) return;
    this.#finish?.();
    try {
      await this.#transaction;
    } catch {
      // A failed statement made the driver roll back; that failure was reported where it happened.
    }
  }

  #refuseIfDone(): void {
    if (this.#expired) throw new RequestTimeoutError(this.#deadlineMs);
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#ended) throw new Error('this request has finished: its snapshot is closed');
  }

  #failed(error: unknown): unknown {
    if (this.#expired) return new RequestTimeoutError(this.#deadlineMs, { cause: error });
    this.#failure ??= error;
    // Statements already sent behind the failed one fail with "current transaction is aborted":
    // they report the failure that caused it.
    return this.#failure;
  }

  #acquire(): Promise<C> {
    this.#connection ??= new Promise<C>((resolve, reject) => {
      this.#transaction = this.#driver.begin((connection) => {
        resolve(connection);
        // The deadline passed (or the request ended) while we waited for a connection.
        if (this.#ended) return Promise.resolve();
        return new Promise<void>((finish) => (this.#finish = finish));
      });
      this.#transaction.catch((error: unknown) => {
        // Could not begin (the database is down), or the connection closed while we held it.
        this.#lost = true;
        this.#failure ??= error;
        reject(error);
      });
    });
    // Nobody may be waiting for it any more when it fails (the deadline passed first).
    this.#connection.catch(() => {});
    return this.#connection;
  }

  /** Starts the deadline's timer with the first statement; resolves never, rejects at the deadline. */
  #armDeadline(): Promise<never> {
    this.#expiry ??= new Promise<never>((_, reject) => {
      this.#timer = setTimeout(
        () => {
          this.#expired = true;
          reject(new RequestTimeoutError(this.#deadlineMs));
          if (this.#driver.cancellable) for (const running of this.#running) void running.cancel?.();
          // Nothing more will run in it: give the connection back now rather than when the
          // operation has finished resolving (on PGlite, every other request waits for it).
          this.#finish?.();
        },
        Math.max(0, this.#deadlineAt - performance.now()),
      );
      this.#timer.unref();
    });
    // Nobody may be waiting on it when it fires.
    this.#expiry.catch(() => {});
    return this.#expiry;
  }
}
