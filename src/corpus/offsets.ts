/**
 * Where text stands in an article body. Offsets are UTF-16 code units (JavaScript string
 * indices), as stored in the database: body.slice(start, end) === text.
 */
export interface Span {
  start: number;
  end: number;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** The paragraphs' spans: the body split at each blank line. */
export function paragraphSpans(body: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (;;) {
    const next = body.indexOf(PARAGRAPH_SEPARATOR, start);
    if (next < 0) {
      spans.push({ start, end: body.length });
      return spans;
    }
    spans.push({ start, end: next });
    start = next + PARAGRAPH_SEPARATOR.length;
  }
}

/** 0-based index of the paragraph containing `offset`. */
export function paragraphAt(paragraphs: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Every place `needle` stands in `body` as whole words: a match that begins (ends) with a letter
 * or digit must not be preceded (followed) by one, so "No" is not found inside "Noriega".
 * Overlapping matches count.
 */
export function occurrences(body: string, needle: string): Span[] {
  if (!needle) return [];
  const found: Span[] = [];
  const checkStart = WORD.test(needle[0]!);
  const checkEnd = WORD.test(needle[needle.length - 1]!);
  for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (checkStart && i > 0 && WORD.test(body[i - 1]!)) continue;
    if (checkEnd && end < body.length && WORD.test(body[end]!)) continue;
    found.push({ start: i, end });
  }
  return found;
}

export type Located = { ok: true; span: Span } | { ok: false; message: string };

/**
 * The one place `needle` stands in the body, or a message saying why there is not exactly one
 * (`occurrence` is 1-based and picks among several).
 */
export function locate(body: string, needle: string, occurrence?: number): Located {
  const found = occurrences(body, needle);
  if (found.length === 0) return { ok: false, message: `not found in the article body${nearMiss(body, needle)}` };
  if (occurrence !== undefined) {
    const span = found[occurrence - 1];
    if (!span) {
      const inside = body.split(needle).length - 1 - found.length;
      const note = inside > 0 ? ` (whole words only: ${inside} more inside other words do not count)` : '';
      return { ok: false, message: `occurrence ${occurrence} asked, but the text occurs ${found.length} time(s) in the body${note}` };
    }
    return { ok: true, span };
  }
  if (found.length > 1) {
    const paragraphs = paragraphSpans(body);
    const where = found.map((s) => paragraphAt(paragraphs, s.start)).join(', ');
    return {
      ok: false,
      message: `found ${found.length} times in the article body (paragraphs ${where}, 0-based); add occurrence: 1..${found.length} to pick one`,
    };
  }
  return { ok: true, span: found[0]! };
}

/** Curly and straight quotation marks, dashes and case: the usual reasons a quote is "not found".
 * Keeps the length, so that a match points into the body. */
function loosen(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s/g, ' ')
    .toLowerCase();
}

function nearMiss(body: string, needle: string): string {
  const loose = loosen(needle);
  const loosened = loosen(body);
  const at = loosened.indexOf(loose);
  if (at < 0 || loosened.length !== body.length || loose.length !== needle.length) {
    return at < 0 ? '' : ' (it is there when case, quotation marks and dashes are ignored)';
  }
  return ` (the body has ${JSON.stringify(body.slice(at, at + needle.length))}: case, quotation marks or dashes differ)`;
}
