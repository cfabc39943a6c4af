/**
 * Error masking: unexpected errors become "Unexpected error." with no stack or SQL; a database
 * that cannot be reached becomes a coded, retryable error instead.
 */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';

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

/** Walks `cause` chains (drizzle wraps driver errors) looking for an outage code. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause ?? (error as { originalError?: unknown }).originalError, depth + 1);
}

export const maskedErrors: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>> = {
  maskError(error, message) {
    if (isDatabaseUnavailable(error)) {
      return new GraphQLError('The database is unavailable; try again shortly.', {
        extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    // Never "dev" mode: an unexpected error's details (stack, SQL) stay in the server's logs.
    return yogaMaskError(error, message, false);
  },
};
