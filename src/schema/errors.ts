/**
 * The errors a client can branch on. Each carries `extensions.code`; anything else thrown in a
 * resolver is an internal error and Yoga masks it.
 */
import { GraphQLError } from 'graphql';

/** An argument is malformed or out of range (a bad date, cursor, id, page size, ...). */
export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
}

/** A filter names an entity (by slug) that the corpus does not have. */
export function notFound(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...details } });
}
