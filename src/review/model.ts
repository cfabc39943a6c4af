/**
 * What the review page shows of one article, wherever it comes from (a migrated article in the
 * database, or a seed file not migrated yet): the body, its quotes with their speakers, the names
 * it links, its events. Offsets are UTF-16 code units into the body, as everywhere in Verbatim.
 */
import type { Span } from '../corpus/offsets.js';

export interface ReviewSpeaker {
  slug: string;
  name: string;
  kind: string;
}

export interface ReviewQuote extends Span {
  kind: 'DIRECT' | 'PARTIAL' | 'INDIRECT';
  text: string;
  speaker: ReviewSpeaker;
  verb: string | null;
  channel: string | null;
  description: string | null;
  said: string | null;
}

/** A name the article links to an entity: underlined. */
export interface ReviewName extends Span {
  entity: 'speaker' | 'organization';
  slug: string;
  name: string;
}

export interface ReviewEvent {
  slug: string;
  title: string;
  kind: string;
  date: { start: string; end: string; precision: string; text: string | null } | null;
  sentence: Span | null;
}

export interface ReviewArticle {
  slug: string;
  title: string;
  authors: string[];
  outlet: string | null;
  publishedOn: string;
  url: string | null;
  body: string;
  quotes: ReviewQuote[];
  names: ReviewName[];
  events: ReviewEvent[];
  /** A draft's problems (what corpus:add would refuse), one line each. */
  problems: string[];
  source: 'database' | 'seed';
}

export interface ArticleSummary {
  slug: string;
  title: string;
  outlet: string | null;
  publishedOn: string;
  quotes: number;
}

/** Every whole-word place of each name (longest first, not overlapping). */
export function placeNames(
  body: string,
  names: { entity: 'speaker' | 'organization'; slug: string; name: string; forms: string[] }[],
): ReviewName[] {
  const out: ReviewName[] = [];
  const forms = names.flatMap((n) => n.forms.filter((f) => f.length > 1).map((f) => ({ n, f }))).sort((a, b) => b.f.length - a.f.length);
  for (const { n, f } of forms) {
    for (let i = body.indexOf(f); i >= 0; i = body.indexOf(f, i + 1)) {
      const end = i + f.length;
      if (/[\p{L}\p{N}]/u.test(body[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(body[end] ?? ' ')) continue;
      if (out.some((o) => o.start < end && i < o.end)) continue;
      out.push({ start: i, end, entity: n.entity, slug: n.slug, name: n.name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
