/**
 * Partial dates of the seed format → inclusive date ranges with a precision.
 *
 *   2025-08-12  DAY     [2025-08-12, 2025-08-12]
 *   2025-08     MONTH   [2025-08-01, 2025-08-31]
 *   2025        YEAR    [2025-01-01, 2025-12-31]
 *   1990s       DECADE  [1990-01-01, 1999-12-31]
 *   A/B         start of A .. end of B, the coarser precision of the two
 *
 * A given precision may only coarsen the implied one (or say APPROXIMATE): "2025 with DAY
 * precision" would claim knowledge the value does not have.
 */
export type Precision = 'DAY' | 'MONTH' | 'YEAR' | 'DECADE' | 'APPROXIMATE';

export interface DateRange {
  /** ISO YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  precision: Precision;
}

export type DateResult = { ok: true; range: DateRange } | { ok: false; message: string };

/** Finer first: DAY is the finest, APPROXIMATE the coarsest. */
export const RANK: Record<Precision, number> = { DAY: 0, MONTH: 1, YEAR: 2, DECADE: 3, APPROXIMATE: 4 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (proleptic Gregorian, as PostgreSQL).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One part of a date value (no interval). */
function parsePart(value: string): DateResult {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const bad = checkYearMonth(value, y, mo);
    if (bad) return bad;
    if (d < 1 || d > daysInMonth(y, mo)) {
      return { ok: false, message: `${value} is not a date (${monthName(mo)} ${y} has ${daysInMonth(y, mo)} days)` };
    }
    return { ok: true, range: { start: value, end: value, precision: 'DAY' } };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const bad = checkYearMonth(value, y, mo);
    if (bad) return bad;
    return { ok: true, range: { start: iso(y, mo, 1), end: iso(y, mo, daysInMonth(y, mo)), precision: 'MONTH' } };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const bad = checkYearMonth(value, y, 1);
    if (bad) return bad;
    return { ok: true, range: { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'YEAR' } };
  }
  m = /^(\d{3})0s$/.exec(value);
  if (m) {
    const y = Number(m[1]) * 10;
    const bad = checkYearMonth(value, Math.max(y, 1), 1);
    if (bad) return bad;
    return { ok: true, range: { start: iso(Math.max(y, 1), 1, 1), end: iso(y + 9, 12, 31), precision: 'DECADE' } };
  }
  if (/^\d{3}[1-9]s$/.test(value)) return { ok: false, message: `${value} is not a decade (decades end in 0, e.g. 1990s)` };
  return { ok: false, message: `${JSON.stringify(value)} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A/B` };
}

function checkYearMonth(value: string, year: number, month: number): DateResult | undefined {
  if (year < 1) return { ok: false, message: `${value} is not a date (there is no year 0)` };
  if (month < 1 || month > 12) return { ok: false, message: `${value} is not a date (month ${pad(month)} does not exist)` };
  return undefined;
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
}

/** A seed date value (a YAML number for a bare year is accepted) with an optional precision. */
export function parsePartialDate(value: string | number, precision?: Precision): DateResult {
  const text = String(value).trim();
  const parts = text.split('/');
  if (parts.length > 2) return { ok: false, message: `${JSON.stringify(text)} has more than one "/": an interval is A/B` };
  const results = parts.map(parsePart);
  for (const r of results) if (!r.ok) return r;
  const ranges = results.map((r) => (r as { ok: true; range: DateRange }).range);
  const first = ranges[0]!;
  const last = ranges[ranges.length - 1]!;
  if (first.start > last.end) return { ok: false, message: `interval ${text} ends before it starts` };
  const implied = ranges.reduce<Precision>((p, r) => (RANK[r.precision] > RANK[p] ? r.precision : p), 'DAY');
  if (precision && precision !== 'APPROXIMATE' && RANK[precision] < RANK[implied]) {
    return { ok: false, message: `precision ${precision} is finer than the value ${text} (${implied})` };
  }
  return { ok: true, range: { start: first.start, end: last.end, precision: precision ?? implied } };
}

/** A full ISO day (YYYY-MM-DD) that exists. */
export function checkIsoDay(value: string): DateResult {
  const r = parsePart(value);
  if (r.ok && r.range.precision !== 'DAY') return { ok: false, message: `${value} is not a full date YYYY-MM-DD` };
  return r;
}
