import { describe, expect, it } from 'vitest';
import { checkIsoDay, daysInMonth, parsePartialDate } from '../../src/corpus/dates.js';

const range = (value: string | number, precision?: Parameters<typeof parsePartialDate>[1]) => {
  const r = parsePartialDate(value, precision);
  if (!r.ok) throw new Error(r.message);
  return r.range;
};
const error = (value: string | number, precision?: Parameters<typeof parsePartialDate>[1]) => {
  const r = parsePartialDate(value, precision);
  if (r.ok) throw new Error(`${value} parsed as ${JSON.stringify(r.range)}`);
  return r.message;
};

describe('partial dates', () => {
  it('turn each form into an inclusive range with its precision', () => {
    expect(range('2025-08-12')).toEqual({ start: '2025-08-12', end: '2025-08-12', precision: 'DAY' });
    expect(range('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28', precision: 'MONTH' });
    expect(range('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'MONTH' });
    expect(range('2012')).toEqual({ start: '2012-01-01', end: '2012-12-31', precision: 'YEAR' });
    expect(range(1916)).toEqual({ start: '1916-01-01', end: '1916-12-31', precision: 'YEAR' });
    expect(range('1990s')).toEqual({ start: '1990-01-01', end: '1999-12-31', precision: 'DECADE' });
  });

  it('take an interval from the start of A to the end of B, at the coarser precision', () => {
    expect(range('2025-07-29/2025-08-04')).toEqual({ start: '2025-07-29', end: '2025-08-04', precision: 'DAY' });
    expect(range('2000/2009')).toEqual({ start: '2000-01-01', end: '2009-12-31', precision: 'YEAR' });
    expect(range('2012/2025-08')).toEqual({ start: '2012-01-01', end: '2025-08-31', precision: 'YEAR' });
    expect(range('2025-07-29/2025-08-04', 'APPROXIMATE').precision).toBe('APPROXIMATE');
    expect(range('2025-08', 'YEAR')).toEqual({ start: '2025-08-01', end: '2025-08-31', precision: 'YEAR' });
  });

  it('reject impossible dates, naming why', () => {
    expect(error('2025-02-30')).toMatch(/2025-02-30 is not a date \(February 2025 has 28 days\)/);
    expect(error('2025-02-29')).toMatch(/February 2025 has 28 days/);
    expect(range('2024-02-29').end).toBe('2024-02-29');
    expect(error('2025-13')).toMatch(/month 13 does not exist/);
    expect(error('2025-00-10')).toMatch(/month 00 does not exist/);
    expect(error('0000')).toMatch(/no year 0/);
  });

  it('reject malformed values', () => {
    expect(error('2025-8-1')).toMatch(/is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A\/B/);
    expect(error('August 2025')).toMatch(/is not a date/);
    expect(error('1995s')).toMatch(/not a decade/);
    expect(error('2025/2026/2027')).toMatch(/more than one "\/"/);
    expect(error('2025-08-04/2025-07-29')).toMatch(/ends before it starts/);
  });

  it('refuse a precision finer than the value', () => {
    expect(error('2025', 'DAY')).toMatch(/precision DAY is finer than the value 2025 \(YEAR\)/);
    expect(error('2025-01/2025-03', 'DAY')).toMatch(/finer/);
  });

  it('check full ISO days', () => {
    expect(checkIsoDay('2024-10-01').ok).toBe(true);
    expect(checkIsoDay('2024-10').ok).toBe(false);
    expect(checkIsoDay('2023-02-29').ok).toBe(false);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});
