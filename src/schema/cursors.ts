/**
 * Cursors: base64url of `[ordering name, ...sort key values]`. A cursor encodes the values of the
 * list's sort key (never an offset), so it still points at the same place after rows are added.
 * Decoding is strict: a value the SQL could not take (a date that does not exist, a real out of
 * float4's range) is the client's error, never a failed statement.
 */
import type { KeyType, KeyValue, Ordering } from '../db/pages.js';
import { isIsoDate } from './dates.js';
import { badUserInput } from './errors.js';

export function encodeCursor(ordering: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, ordering: Ordering<unknown>, argument: string): KeyValue[] {
  const invalid = (why: string) => badUserInput(`Invalid cursor in \`${argument}\`: ${why}.`, { argument, cursor });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('not a cursor this API issued');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor this API issued');
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string') throw invalid('not a cursor this API issued');
  const [name, ...values] = decoded as [string, ...unknown[]];
  if (name !== ordering.name) throw invalid(`it belongs to a list ordered as "${name}", not "${ordering.name}"`);
  if (values.length !== ordering.keys.length) throw invalid('not a cursor this API issued');
  return ordering.keys.map((key, i) => {
    const value = values[i];
    if (!validKeyValue(key.type, value)) throw invalid('not a cursor this API issued');
    return value;
  });
}

/** Smallest positive normal float4: below it (or above its maximum) PostgreSQL refuses `::real`. */
const FLOAT4_MIN = 2 ** -126;

/** Only values the SQL can take: a bad one must be a client error, not a failed statement. */
export function validKeyValue(type: KeyType, value: unknown): value is KeyValue {
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1;
    case 'date':
      return typeof value === 'string' && (value === 'infinity' || isIsoDate(value));
    case 'numeric':
      return typeof value === 'string' && /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/.test(value);
    case 'real': {
      // float4 as PostgreSQL prints it (shortest text that reads back exactly), within its range:
      // "1e99" and "1e-99" read as text but fail the cast.
      if (typeof value !== 'string' || !/^-?[0-9]{1,10}(\.[0-9]{1,10})?(e[+-]?[0-9]{1,2})?$/.test(value)) return false;
      const magnitude = Math.abs(Math.fround(Number(value)));
      return magnitude === 0 ? Number(value) === 0 : Number.isFinite(magnitude) && magnitude >= FLOAT4_MIN;
    }
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000') && !/\p{Cs}/u.test(value);
  }
}
