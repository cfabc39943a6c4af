/**
 * The review page's article from a seed file not migrated yet (a draft): read leniently, so a
 * draft with todo items or other problems still shows what can be placed, with its problems
 * listed above it.
 */
import { definitionEntry, type Corpus } from '../corpus/corpus.js';
import type { LoadedSeed } from '../corpus/load.js';
import { locate, type Span } from '../corpus/offsets.js';
import { formatProblem } from '../corpus/problems.js';
import { combineDates, rawDate } from '../corpus/refine.js';
import { validateSeed } from '../corpus/validate.js';
import { placeNames, type ReviewArticle, type ReviewQuote } from './model.js';

type Entry = Record<string, unknown>;
const isRecord = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const list = (v: unknown): Entry[] => (Array.isArray(v) ? v.filter(isRecord) : []);

export function seedForReview(seed: LoadedSeed, corpus: Corpus): ReviewArticle {
  const problems = validateSeed(seed, corpus).problems.map(formatProblem);
  const data = isRecord(seed.data) ? seed.data : {};
  const article = isRecord(data.article) ? data.article : {};
  const body = (str(article.body) ?? '').replace(/\n+$/, '');
  const place = (text: unknown, occurrence: unknown): Span | null => {
    if (typeof text !== 'string') return null;
    const found = locate(body, text, typeof occurrence === 'number' ? occurrence : undefined);
    return found.ok ? found.span : null;
  };
  const others = (kind: 'speaker' | 'organization' | 'event', slug: string) =>
    corpus.definitions.find((d) => d.kind === kind && d.slug === slug && d.seed.absolutePath !== seed.absolutePath);

  const entities = (kind: 'speaker' | 'organization') =>
    list(data[kind === 'speaker' ? 'speakers' : 'organizations']).map((e) => {
      const ref = str(e.ref);
      const def = ref ? others(kind, ref) : undefined;
      const entry = def ? (definitionEntry(def) ?? {}) : e;
      const slug = ref ?? str(e.slug) ?? '?';
      const name = str(entry.name) ?? slug;
      const aliases = [
        ...((Array.isArray(entry.aliases) ? entry.aliases : []) as unknown[]),
        ...((Array.isArray(e.aliases) && ref ? e.aliases : []) as unknown[]),
      ];
      return {
        entity: kind,
        slug,
        name,
        kind: str(entry.kind) ?? 'PERSON',
        forms: [str(e.mention), name, ...aliases.map(str)].filter((f): f is string => !!f),
      };
    });
  const speakers = entities('speaker');
  const organizations = entities('organization');

  const quotes: ReviewQuote[] = [];
  for (const q of list(data.quotes)) {
    const kind = str(q.kind);
    if (kind !== 'DIRECT' && kind !== 'PARTIAL' && kind !== 'INDIRECT') continue;
    const span = place(kind === 'INDIRECT' ? q.passage : q.text, q.occurrence);
    if (!span) continue;
    const slug = str(q.speaker) ?? '?';
    const known =
      speakers.find((s) => s.slug === slug) ??
      (() => {
        const def = others('speaker', slug);
        const entry = def ? definitionEntry(def) : undefined;
        return entry ? { slug, name: str(entry.name) ?? slug, kind: str(entry.kind) ?? 'PERSON' } : undefined;
      })();
    quotes.push({
      ...span,
      kind,
      text: str(q.text) ?? '',
      speaker: { slug, name: known?.name ?? `${slug} (unknown)`, kind: known?.kind ?? 'PERSON' },
      verb: str(q.verb),
      channel: str(q.channel),
      description: str(q.description),
      said: isRecord(q.said) ? str(q.said.text) : null,
    });
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);

  const events = list(data.events).map((e) => {
    const ref = str(e.ref);
    const def = ref ? others('event', ref) : undefined;
    const entry = def ? (definitionEntry(def) ?? {}) : e;
    const date = combineDates(rawDate(entry.date) ?? null, ref && rawDate(e.date) ? [rawDate(e.date)!] : []);
    return {
      slug: ref ?? str(e.slug) ?? '?',
      title: str(entry.title) ?? ref ?? '?',
      kind: str(entry.kind) ?? 'OTHER',
      date: date ? { start: date.start, end: date.end, precision: date.precision, text: date.text } : null,
      sentence: place(e.sentence, e.occurrence),
    };
  });

  return {
    slug: str(article.slug) ?? '?',
    title: str(article.title) ?? '(no title)',
    authors: (Array.isArray(article.authors) ? article.authors : []).filter((a): a is string => typeof a === 'string'),
    outlet: str(article.outlet),
    publishedOn: str(article.publishedOn) ?? '',
    url: str(article.url),
    body,
    quotes,
    names: placeNames(body, [...speakers, ...organizations]),
    events: events.sort((a, b) => (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999')),
    problems,
    source: 'seed',
  };
}
