/** Date scalars and partial dates. */
import { GraphQLError } from 'graphql';
import { builder } from './builder.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO calendar date, rejecting impossible ones (2025-02-30). */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string') throw badDate(value);
  const m = ISO_DATE.exec(value);
  if (!m) throw badDate(value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw badDate(value);
  return value;
}

function badDate(value: unknown): GraphQLError {
  return new GraphQLError(`Invalid date ${JSON.stringify(value)}: expected an ISO 8601 calendar date such as "2025-08-12".`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date in ISO 8601 form, e.g. "2025-08-12".',
  serialize: (v) => v,
  parseValue: (v) => parseIsoDate(v),
});
