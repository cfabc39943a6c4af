/**
 * Per-request SQL statement counting. The database is shared by all requests, so the count lives
 * in an AsyncLocalStorage scope opened by whoever wants it (the server per request, tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface StatementCounter {
  count: number;
  /** The scope this one was opened in; it counts the same statements (a test around a request). */
  parent?: StatementCounter | undefined;
}

const scope = new AsyncLocalStorage<StatementCounter>();

/** Runs `fn`, counting the SQL statements it sends through drizzle. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter: StatementCounter = { count: 0, parent: scope.getStore() };
  const result = await scope.run(counter, fn);
  return { result, statements: counter.count };
}

/** Opens a counting scope for the rest of this async flow (used per HTTP request). */
export function withStatementCounter<T>(counter: StatementCounter, fn: () => T): T {
  counter.parent = scope.getStore();
  return scope.run(counter, fn);
}

/** Counts one statement in the current scope and every scope around it. */
export function recordStatement(): void {
  for (let counter = scope.getStore(); counter; counter = counter.parent) counter.count += 1;
}
