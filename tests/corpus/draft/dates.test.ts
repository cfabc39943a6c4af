/** Dates (src/corpus/draft/dates.ts): found, resolved against the publication date, honest precision. */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/corpus/draft/dates.js';
import { analyse } from '../../../src/corpus/draft/document.js';

const dates = (text: string, published = '2025-08-15') =>
  findDates(analyse([text]), published).map((d) => [d.text, d.value, d.range.precision, ...(d.deadline ? ['deadline'] : [])]);

describe('dates', () => {
  it.each([
    [
      'a day without a year: the latest one on or before publication',
      'They met on August 12.',
      '2025-08-15',
      ['on August 12', '2025-08-12', 'DAY'],
    ],
    ['…which may be last year', 'They met on December 3.', '2025-08-15', ['on December 3', '2024-12-03', 'DAY']],
    ['a month: this year’s when it is past (not next year’s)', 'It began in February.', '2025-08-15', ['in February', '2025-02', 'MONTH']],
    ['a month still ahead is last year’s', 'It began in October.', '2025-08-15', ['in October', '2024-10', 'MONTH']],
    ['a month in a future clause is the next one', 'The report is expected in January.', '2025-11-04', ['in January', '2026-01', 'MONTH']],
    ['a weekday: the latest one on or before publication', 'She spoke on Tuesday.', '2025-08-15', ['on Tuesday', '2025-08-12', 'DAY']],
    ['a weekday in a future clause: the next one', 'They will meet on Tuesday.', '2025-08-15', ['on Tuesday', '2025-08-19', 'DAY']],
    [
      'weeks ago: a week around that day, approximate',
      'It happened two weeks ago.',
      '2025-08-15',
      ['two weeks ago', '2025-07-29/2025-08-04', 'APPROXIMATE'],
    ],
    [
      'last week: Monday to Sunday of the week before',
      'It happened last week.',
      '2025-08-15',
      ['last week', '2025-08-04/2025-08-10', 'APPROXIMATE'],
    ],
    ['last month', 'It happened last month.', '2025-08-15', ['last month', '2025-07', 'MONTH']],
    [
      'since a year: up to publication, approximate',
      'It has grown since 2012.',
      '2025-08-15',
      ['since 2012', '2012/2025-08-15', 'APPROXIMATE'],
    ],
    [
      'so far this year: January 1 to publication',
      'They seized 51 tons so far this year.',
      '2025-08-15',
      ['so far this year', '2025-01-01/2025-08-15', 'DAY'],
    ],
    ['a year', 'It ended in 1916.', '2025-08-15', ['in 1916', '1916', 'YEAR']],
    ['a decade', 'It began in the 1990s.', '2025-08-15', ['in the 1990s', '1990s', 'DECADE']],
    ['part of a decade, approximate', 'He served in the early 2000s.', '2025-08-15', ['in the early 2000s', '2000/2003', 'APPROXIMATE']],
    ['a full date', 'It was signed on October 20, 2019.', '2025-08-15', ['on October 20, 2019', '2019-10-20', 'DAY']],
    ['yesterday', 'She resigned yesterday.', '2025-08-15', ['yesterday', '2025-08-14', 'DAY']],
  ])('%s', (_, text, published, expected) => {
    expect(dates(text, published)).toEqual([expected]);
  });

  it('finds deadlines and durations but dates nothing with them', () => {
    expect(dates('It must end by the end of November, within two weeks, after serving for 22 years.', '2025-11-04')).toEqual([
      ['by the end of November', '2025-11', 'MONTH', 'deadline'],
      ['within two weeks', '', 'APPROXIMATE', 'deadline'],
    ]);
  });
});
