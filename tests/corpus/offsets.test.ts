import { describe, expect, it } from 'vitest';
import { locate, occurrences, paragraphAt, paragraphSpans } from '../../src/corpus/offsets.js';

describe('offsets', () => {
  const body = 'Alpha 🇲🇽 “No,” she said.\n\nNoriega said no. No!\n\nNow no more.';

  it('split the body into paragraphs at each blank line', () => {
    const spans = paragraphSpans(body);
    expect(spans.map((s) => body.slice(s.start, s.end))).toEqual(['Alpha 🇲🇽 “No,” she said.', 'Noriega said no. No!', 'Now no more.']);
    expect(paragraphAt(spans, 0)).toBe(0);
    expect(paragraphAt(spans, spans[1]!.start)).toBe(1);
    expect(paragraphAt(spans, spans[2]!.end - 1)).toBe(2);
  });

  it('are UTF-16 code units, as String.slice uses', () => {
    const [first] = occurrences(body, 'No');
    // "Alpha " (6) + a flag of two astral characters (4 code units) + " “" (2).
    expect(first).toEqual({ start: 12, end: 14 });
    expect(body.slice(first!.start, first!.end)).toBe('No');
  });

  it('count whole words only, case-sensitively', () => {
    expect(occurrences(body, 'No').map((s) => body.slice(s.start - 1, s.end + 1))).toEqual(['“No,', ' No!']);
    expect(occurrences(body, 'no')).toHaveLength(2);
    // A needle that begins or ends with punctuation may touch letters on that side.
    expect(occurrences('a“b', '“')).toHaveLength(1);
  });

  it('locate one occurrence, or say why not', () => {
    expect(locate(body, 'she said').ok).toBe(true);
    const twice = locate(body, 'No');
    expect(twice).toEqual({
      ok: false,
      message: expect.stringMatching(/found 2 times in the article body \(paragraphs 0, 1, 0-based\); add occurrence: 1\.\.2/),
    });
    const second = locate(body, 'No', 2);
    expect(second.ok && body.slice(second.span.start - 1, second.span.end + 1)).toBe(' No!');
    expect(locate(body, 'No', 3)).toEqual({
      ok: false,
      message: 'occurrence 3 asked, but the text occurs 2 time(s) in the body (whole words only: 2 more inside other words do not count)',
    });
    expect(locate(body, 'Absent words')).toEqual({ ok: false, message: 'not found in the article body' });
  });

  it('hint at quotation marks or case when that is the only difference', () => {
    const r = locate(body, '"No," she said');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(
      /not found in the article body \(the body has "“No,” she said": case, quotation marks or dashes differ\)/,
    );
  });
});
