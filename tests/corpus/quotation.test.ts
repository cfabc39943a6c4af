/** Pairing quotation marks (src/corpus/quotation.ts), on short texts of our own. */
import { describe, expect, it } from 'vitest';
import { enclosingQuotation, quotations } from '../../src/corpus/quotation.js';
import { closestSlugs } from '../../src/corpus/suggest.js';

const inside = (body: string) =>
  quotations(body).map((q) => [q.depth, body.slice(q.content.start, q.content.end), q.continues, q.continuation, q.unclosed]);

describe('quotation marks', () => {
  it('pairs curly and straight double marks, mixed in one text', () => {
    expect(inside('“Yes,” she said. He called it "a mess" and left.')).toEqual([
      [0, 'Yes,', false, false, false],
      [0, 'a mess', false, false, false],
    ]);
  });

  it('nests single marks inside double ones, and treats apostrophes as apostrophes', () => {
    expect(inside('“He said ‘not today,’ and that’s all,” she recalled, citing the workers’ union.')).toEqual([
      [0, 'He said ‘not today,’ and that’s all,', false, false, false],
      [1, 'not today,', false, false, false],
    ]);
    expect(inside(`"Don't say 'never' to me," he said.`)).toEqual([
      [0, "Don't say 'never' to me,", false, false, false],
      [1, 'never', false, false, false],
    ]);
  });

  it('reads single marks as quotations only in a text without double marks (British style)', () => {
    expect(inside('‘We are ready,’ the minister said. The Times’ report disagreed.')).toEqual([[0, 'We are ready,', false, false, false]]);
    expect(inside('“Fine,” he said. The Times’ report ‘disagreed’.')).toEqual([[0, 'Fine,', false, false, false]]);
  });

  it('continues a quotation into the next paragraph when that paragraph reopens it', () => {
    expect(inside('“First part.\n\n“Second part,” she said.')).toEqual([
      [0, 'First part.', true, false, false],
      [0, 'Second part,', false, true, false],
    ]);
  });

  it('reports a quotation left open at the end of its paragraph', () => {
    expect(inside('“Never closed.\n\nNext paragraph.')).toEqual([[0, 'Never closed.', false, false, true]]);
  });

  it('finds the quotation holding a span, never an unclosed one', () => {
    const body = '“One and two,” he said.';
    const pieces = quotations(body);
    expect(enclosingQuotation(pieces, { start: 1, end: 4 })).toBe(pieces[0]);
    expect(enclosingQuotation(pieces, { start: 0, end: 4 })).toBeUndefined();
    expect(enclosingQuotation(quotations('“Open only'), { start: 1, end: 5 })).toBeUndefined();
  });
});

describe('did you mean', () => {
  const known = [
    { slug: 'claudia-sheinbaum', names: ['Claudia Sheinbaum', 'Sheinbaum'] },
    { slug: 'government-of-venezuela', names: ['Government of Venezuela', 'Caracas'] },
    { slug: 'ana-lopez', names: ['Ana López'] },
    { slug: 'red-gang', names: ['Red Gang'] },
  ];
  it('offers the slugs whose words contain the unknown one, or a few edits away, or named so', () => {
    expect(closestSlugs('sheinbaum', known)).toEqual(['claudia-sheinbaum']);
    expect(closestSlugs('ana-lopes', known)).toEqual(['ana-lopez']);
    expect(closestSlugs('caracas', known)).toEqual(['government-of-venezuela']);
    expect(closestSlugs('blue-army', known)).toEqual([]);
  });
});
