/** Dates: the Date scalar, partial dates (a range with a precision), and date-range filters. */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { datePrecision } from '../db/schema.js';
import { builder } from './builder.js';
import { badUserInput } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an ISO calendar date that exists (no 2025-02-30, no year 0, which PostgreSQL refuses). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

/** Parses an ISO calendar date, rejecting impossible ones (2025-02-30) with BAD_USER_INPUT. */
export function parseIsoDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw badUserInput(`Invalid date ${JSON.stringify(value)}: expected an existing ISO 8601 calendar date such as "2025-08-12".`, {
    value,
  });
}

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date in ISO 8601 form, e.g. "2025-08-12".',
  serialize: (v) => v,
  parseValue: (v) => parseIsoDate(v),
});

type Precision = (typeof datePrecision.enumValues)[number];

const precisionDescriptions: Record<Precision, string> = {
  DAY: 'A single day ("on August 12").',
  MONTH: 'A calendar month ("in February").',
  YEAR: 'A calendar year ("in 1916").',
  DECADE: 'A decade ("in the 1980s").',
  APPROXIMATE: 'A range the article only gives roughly ("two weeks ago", "since 2012").',
};

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a partial date is known.',
  values: Object.fromEntries(datePrecision.enumValues.map((v) => [v, { description: precisionDescriptions[v] }])) as Record<
    Precision,
    { description: string }
  >,
});

export interface PartialDateShape {
  start: string | null;
  end: string | null;
  precision: Precision | null;
  text: string | null;
  external: boolean;
}

export const PartialDate = builder.objectRef<PartialDateShape>('PartialDate').implement({
  description:
    'A date as news gives it: an inclusive range with a precision and the article\'s own words. "In February 2025" is 2025-02-01..2025-02-28 with MONTH precision. When the date is unknown, start, end and precision are null.',
  fields: (t) => ({
    start: t.expose('start', { type: DateScalar, nullable: true, description: 'First day of the range; null when unknown.' }),
    end: t.expose('end', { type: DateScalar, nullable: true, description: 'Last day of the range (inclusive); null when unknown.' }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How precisely the date is known; null when unknown.',
    }),
    text: t.exposeString('text', { nullable: true, description: 'The article\'s own words for the date ("in February", "last week").' }),
    external: t.exposeBoolean('external', {
      description: 'True when the date comes from outside the article rather than from its text.',
    }),
  }),
});

/** An inclusive date range; a null end is open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/**
 * The range asked by `from`/`to` (either may be absent: an open range) or `on` (one day).
 * Null when none is given. Throws BAD_USER_INPUT for `on` with `from`/`to`, or `from` after `to`.
 */
export function dateRange(
  args: { from?: string | null | undefined; to?: string | null | undefined; on?: string | null | undefined },
  names: { from: string; to: string; on?: string } = { from: 'from', to: 'to', on: 'on' },
): DateRange | null {
  const from = args.from ?? null;
  const to = args.to ?? null;
  const on = args.on ?? null;
  if (on !== null) {
    if (from !== null || to !== null) {
      throw badUserInput(`Pass \`${names.on}\` alone, or \`${names.from}\`/\`${names.to}\`, not both.`, { argument: names.on });
    }
    return { from: on, to: on };
  }
  if (from !== null && to !== null && from > to) {
    throw badUserInput(`\`${names.from}\` (${from}) is after \`${names.to}\` (${to}).`, { argument: names.from });
  }
  return from === null && to === null ? null : { from, to };
}

/**
 * Rows whose known date range [start, end] overlaps `range`. Written as the same
 * `daterange(start, end, '[]')` expression the events GiST index is built on, so it can serve it;
 * an unknown date (NULL bounds) would read as "all of time", so it is excluded first.
 */
export function overlaps(start: SQLWrapper, end: SQLWrapper, range: DateRange): SQL {
  return sql`(${start} IS NOT NULL AND daterange(${start}, ${end}, '[]') && daterange(${range.from}::date, ${range.to}::date, '[]'))`;
}
