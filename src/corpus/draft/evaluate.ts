/**
 * A draft against the reviewed seed of the same article (corpus:eval): how many of the reviewed
 * items the drafter found, and how many of its own are right.
 *
 * - Quotes match when their spans overlap by half of the shorter one (one to one); DIRECT and
 *   PARTIAL are counted together (the target) and by kind, INDIRECT apart.
 * - A speaker is right when the draft's speaker is the reviewed one: the same slug, or a name,
 *   alias or mention in common (a new entity's slug may differ from the reviewer's).
 * - People and organizations: the reviewed seed's, found when a draft entity shares a name.
 * - Dates: each reviewed date with the article's words (event dates, when quotes were said) is
 *   found when a draft date expression overlaps those words, right when start, end and precision
 *   are equal.
 * - Events match by their sentences, as quotes do.
 */
import { definitionEntry, nameKey, type Corpus } from '../corpus.js';
import type { Seed } from '../format.js';
import { occurrences, type Span } from '../offsets.js';
import { rawDate } from '../refine.js';
import type { ResolvedArticle } from '../validate.js';
import type { Draft } from './draft.js';

export interface Count {
  expected: number;
  found: number;
  proposed: number;
  matched: number;
}

export interface Evaluation {
  article: string;
  quotes: Count;
  byKind: Record<'DIRECT' | 'PARTIAL' | 'INDIRECT', Count>;
  kindRight: { of: number; right: number };
  speakerRight: { of: number; right: number };
  indirectSpeakerRight: { of: number; right: number };
  people: Count;
  organizations: Count;
  dates: { expected: number; found: number; right: number; start: number; end: number; precision: number };
  events: Count;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const close = (a: Span, b: Span) => overlap(a, b) >= 0.5 * Math.min(a.end - a.start, b.end - b.start);

/** One-to-one matches between two lists, greedily by overlap. */
function pairs<A extends Span, B extends Span>(as: readonly A[], bs: readonly B[]): [A, B][] {
  const candidates: [number, number, number][] = [];
  as.forEach((a, i) => bs.forEach((b, j) => close(a, b) && candidates.push([i, j, overlap(a, b)])));
  candidates.sort((x, y) => y[2] - x[2]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [A, B][] = [];
  for (const [i, j] of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push([as[i]!, bs[j]!]);
  }
  return out;
}

const count = (expected: number, proposed: number, matched: number): Count => ({ expected, found: matched, proposed, matched });

/** Names an entity goes by in a seed: its own, or its definition's for a ref:, plus the mention. */
function names(corpus: Corpus, kind: 'speaker' | 'organization', entry: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const add = (n: unknown) => typeof n === 'string' && out.add(nameKey(n).replace(/^the /, ''));
  if (typeof entry.ref === 'string') {
    const def = corpus.definitions.find((d) => d.kind === kind && d.slug === entry.ref);
    for (const n of def?.names ?? []) add(n);
    out.add(`slug:${entry.ref}`);
  } else {
    add(entry.name);
    for (const a of Array.isArray(entry.aliases) ? entry.aliases : []) add(a);
    out.add(`slug:${String(entry.slug)}`);
  }
  add(entry.mention);
  return out;
}

function entriesOf(seed: Seed, kind: 'speakers' | 'organizations'): Record<string, unknown>[] {
  return (seed[kind] ?? []) as Record<string, unknown>[];
}
const slugOfEntry = (e: Record<string, unknown>) => String(e.ref ?? e.slug);

function speakerKind(corpus: Corpus, e: Record<string, unknown>): string | undefined {
  if (typeof e.kind === 'string') return e.kind;
  const def = corpus.definitions.find((d) => d.kind === 'speaker' && d.slug === e.ref);
  const kind = def ? definitionEntry(def)?.kind : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

export function evaluate(draft: Draft, reviewed: { seed: Seed; resolved: ResolvedArticle }, corpus: Corpus): Evaluation {
  const body = reviewed.resolved.body;
  const seedQuotes = reviewed.resolved.quotes;
  const draftBody = draft.seed.article.body;
  if (draftBody !== body) {
    // Offsets are compared in the reviewed body; a different body (a cleaning decision) shifts them.
    throw new Error(`${reviewed.resolved.slug}: the draft's body differs from the reviewed one: quotes cannot be compared by offsets`);
  }

  // Speakers, aligned by names.
  const seedSpeakers = new Map(entriesOf(reviewed.seed, 'speakers').map((e) => [slugOfEntry(e), names(corpus, 'speaker', e)]));
  const draftSpeakers = new Map(entriesOf(draft.seed, 'speakers').map((e) => [slugOfEntry(e), names(corpus, 'speaker', e)]));
  const same = (draftSlug: string, seedSlug: string) => {
    if (draftSlug === seedSlug) return true;
    const a = draftSpeakers.get(draftSlug);
    const b = seedSpeakers.get(seedSlug) ?? new Set([`slug:${seedSlug}`]);
    return !!a && [...a].some((n) => b.has(n));
  };

  const draftQuotes = draft.found.quotes.map((q) => ({
    start: q.candidate.start,
    end: q.candidate.end,
    kind: q.candidate.kind,
    speaker: q.speaker,
  }));
  const quoted = seedQuotes.filter((q) => q.kind !== 'INDIRECT');
  const matched = pairs(quoted, draftQuotes);
  const byKind = {} as Evaluation['byKind'];
  for (const kind of ['DIRECT', 'PARTIAL'] as const) {
    const expected = quoted.filter((q) => q.kind === kind);
    const proposed = draftQuotes.filter((q) => q.kind === kind);
    const m = matched.filter(([s]) => s.kind === kind);
    byKind[kind] = {
      expected: expected.length,
      proposed: proposed.length,
      found: m.length,
      matched: matched.filter(([, d]) => d.kind === kind).length,
    };
  }
  const draftIndirect = (draft.seed.quotes ?? [])
    .filter((q) => q.kind === 'INDIRECT')
    .map((q) => {
      const all = occurrences(body, q.passage!);
      const span = all[(q.occurrence ?? 1) - 1] ?? all[0] ?? { start: 0, end: 0 };
      return { ...span, speaker: q.speaker };
    });
  const seedIndirect = seedQuotes.filter((q) => q.kind === 'INDIRECT');
  const indirect = pairs(seedIndirect, draftIndirect);
  byKind.INDIRECT = { expected: seedIndirect.length, proposed: draftIndirect.length, found: indirect.length, matched: indirect.length };

  // People and organizations.
  const entityCount = (kind: 'speakers' | 'organizations', filter: (e: Record<string, unknown>) => boolean) => {
    const single = kind === 'speakers' ? 'speaker' : 'organization';
    const expected = entriesOf(reviewed.seed, kind)
      .filter(filter)
      .map((e) => names(corpus, single, e));
    const proposed = entriesOf(draft.seed, kind)
      .filter(filter)
      .map((e) => names(corpus, single, e));
    const hit = (a: Set<string>, list: Set<string>[]) => list.some((b) => [...a].some((n) => b.has(n)));
    return {
      expected: expected.length,
      proposed: proposed.length,
      found: expected.filter((e) => hit(e, proposed)).length,
      matched: proposed.filter((p) => hit(p, expected)).length,
    };
  };
  const isPerson = (corpusOf: Corpus) => (e: Record<string, unknown>) => speakerKind(corpusOf, e) === 'PERSON';

  // Dates: where the reviewed seed's words for each date stand, nearest the item.
  const seedDates: { span: Span; value: ReturnType<typeof rawDate> }[] = [];
  const place = (text: string | undefined, near: Span) => {
    if (!text) return undefined;
    const all = occurrences(body, text);
    return all.sort((a, b) => Math.abs(a.start - near.start) - Math.abs(b.start - near.start))[0];
  };
  for (const e of reviewed.seed.events ?? []) {
    const date = (e as { date?: Record<string, unknown> }).date;
    if (!date || date.external === true) continue;
    const link = reviewed.resolved.eventLinks.find((l) => l.slug === ('ref' in e ? e.ref : e.slug));
    const span = link ? place(String(date.text), link) : undefined;
    if (span) seedDates.push({ span, value: rawDate(date) });
  }
  (reviewed.seed.quotes ?? []).forEach((q) => {
    if (!q.said || q.said.external) return;
    const r = seedQuotes.find((x) => x.text === q.text && x.speaker === q.speaker);
    const span = r ? place(q.said.text, r) : undefined;
    if (span) seedDates.push({ span, value: rawDate(q.said) });
  });
  const unique = [...new Map(seedDates.map((d) => [`${d.span.start}`, d])).values()];
  const draftDates = draft.found.dates.filter((d) => !d.deadline);
  const dates = { expected: unique.length, found: 0, right: 0, start: 0, end: 0, precision: 0 };
  for (const d of unique) {
    const hit = draftDates.find((x) => overlap(x, d.span) > 0);
    if (!hit || !d.value) continue;
    dates.found++;
    const s = hit.range.start === d.value.start;
    const e = hit.range.end === d.value.end;
    const p = hit.range.precision === d.value.precision;
    dates.start += s ? 1 : 0;
    dates.end += e ? 1 : 0;
    dates.precision += p ? 1 : 0;
    if (s && e && p) dates.right++;
  }

  const seedEvents = reviewed.resolved.eventLinks;
  const draftEvents = draft.found.events.map((e) => e.sentence);
  const events = pairs(seedEvents, draftEvents);

  return {
    article: reviewed.resolved.slug,
    quotes: count(quoted.length, draftQuotes.length, matched.length),
    byKind,
    kindRight: { of: matched.length, right: matched.filter(([s, d]) => s.kind === d.kind).length },
    speakerRight: { of: matched.length, right: matched.filter(([s, d]) => same(d.speaker, s.speaker)).length },
    indirectSpeakerRight: { of: indirect.length, right: indirect.filter(([s, d]) => same(d.speaker, s.speaker)).length },
    people: entityCount('speakers', isPerson(corpus)),
    organizations: entityCount('organizations', () => true),
    dates,
    events: count(seedEvents.length, draftEvents.length, events.length),
  };
}

/** Totals over several articles. */
export function total(evals: readonly Evaluation[]): Evaluation {
  const add = (a: Count, b: Count): Count => ({
    expected: a.expected + b.expected,
    found: a.found + b.found,
    proposed: a.proposed + b.proposed,
    matched: a.matched + b.matched,
  });
  const zero = (): Count => ({ expected: 0, found: 0, proposed: 0, matched: 0 });
  const frac = (a: { of: number; right: number }, b: { of: number; right: number }) => ({ of: a.of + b.of, right: a.right + b.right });
  return evals.reduce<Evaluation>(
    (t, e) => ({
      article: 'all',
      quotes: add(t.quotes, e.quotes),
      byKind: {
        DIRECT: add(t.byKind.DIRECT, e.byKind.DIRECT),
        PARTIAL: add(t.byKind.PARTIAL, e.byKind.PARTIAL),
        INDIRECT: add(t.byKind.INDIRECT, e.byKind.INDIRECT),
      },
      kindRight: frac(t.kindRight, e.kindRight),
      speakerRight: frac(t.speakerRight, e.speakerRight),
      indirectSpeakerRight: frac(t.indirectSpeakerRight, e.indirectSpeakerRight),
      people: add(t.people, e.people),
      organizations: add(t.organizations, e.organizations),
      dates: {
        expected: t.dates.expected + e.dates.expected,
        found: t.dates.found + e.dates.found,
        right: t.dates.right + e.dates.right,
        start: t.dates.start + e.dates.start,
        end: t.dates.end + e.dates.end,
        precision: t.dates.precision + e.dates.precision,
      },
      events: add(t.events, e.events),
    }),
    {
      article: 'all',
      quotes: zero(),
      byKind: { DIRECT: zero(), PARTIAL: zero(), INDIRECT: zero() },
      kindRight: { of: 0, right: 0 },
      speakerRight: { of: 0, right: 0 },
      indirectSpeakerRight: { of: 0, right: 0 },
      people: zero(),
      organizations: zero(),
      dates: { expected: 0, found: 0, right: 0, start: 0, end: 0, precision: 0 },
      events: zero(),
    },
  );
}
