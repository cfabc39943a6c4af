/**
 * Error masking: unexpected errors become "Unexpected error." with no stack or SQL; a database
 * that cannot be reached becomes a coded, retryable error instead.
 */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { REQUEST_TIMEOUT_CODE, RequestTimeoutError } from '../db/request-scope.js';

/** Driver error codes that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** Walks `cause` chains (drizzle wraps driver errors) for an error whose `code` passes `test`. */
function findCode(error: unknown, test: (code: string) => boolean, depth = 0): object | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && test(code)) return error;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = findCode(inner, test, depth + 1);
      if (found) return found;
    }
  }
  return findCode((error as { cause?: unknown }).cause ?? (error as { originalError?: unknown }).originalError, test, depth + 1);
}

/** The first driver or system error code (`ECONNREFUSED`, `57P01`, ...) in a `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  return (findCode(error, () => true) as { code?: string } | undefined)?.code;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return findCode(error, (code) => UNAVAILABLE_CODES.has(code)) !== undefined;
}

/** The request ran past its deadline (src/db/request-scope.ts), if it did. */
export function requestTimeout(error: unknown): RequestTimeoutError | undefined {
  const found = findCode(error, (code) => code === REQUEST_TIMEOUT_CODE);
  return found instanceof RequestTimeoutError ? found : undefined;
}

export const maskedErrors: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>> = {
  maskError(error, message) {
    // A timeout first: a cancelled statement on a dropped connection is the deadline's doing.
    const timeout = requestTimeout(error);
    if (timeout) {
      return new GraphQLError(timeout.message, {
        extensions: { code: REQUEST_TIMEOUT_CODE, max: timeout.deadlineMs, http: { status: 504 } },
      });
    }
    if (isDatabaseUnavailable(error)) {
      return new GraphQLError('The database is unavailable; try again shortly.', {
        extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    // Never "dev" mode: an unexpected error's details (stack, SQL) stay in the server's logs.
    return yogaMaskError(error, message, false);
  },
};

/** graphql-js's "Did you mean ...?" hints (unknown fields, arguments, types, enum values). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

type ErrorLike = GraphQLError | { message: string; extensions?: Record<string, unknown> };

function quiet(error: ErrorLike): ErrorLike {
  const message = error.message.replace(SUGGESTION, '');
  const { originalError: _detail, ...extensions } = error.extensions ?? {};
  if (message === error.message && _detail === undefined) return error;
  if (!(error instanceof GraphQLError)) return { ...error, message, extensions };
  const { nodes, source, positions, path } = error;
  return new GraphQLError(message, { nodes, source, positions, path, extensions });
}

/**
 * Production answers say no more than a client needs: no suggestions (a map of the schema for
 * whoever probes it, even with introspection off) and no parser internals (yoga puts the JSON
 * parser's own error in `extensions.originalError`). Applied to every result, whatever phase
 * (parsing, validation, variables, execution) produced its errors.
 */
export function productionErrorsPlugin(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Symbol.asyncIterator in result) return; // no streamed results: the schema has no subscriptions
      const scrub = <T extends { errors?: readonly ErrorLike[] }>(r: T): T =>
        r.errors?.length ? { ...r, errors: r.errors.map(quiet) } : r;
      setResult(Array.isArray(result) ? result.map(scrub) : scrub(result));
    },
  };
}
