/**
 * What a migration writes for entities touched by refinements (refine.ts has the rules): the
 * definition's value refined by every seed that refines it, as migrated. Other seeds' refinements
 * are read from their latest migrations' headers (`-- refines:`), so a migration only ever
 * writes what the migrations before it in the journal put in the database; the definition's value
 * is read from its seed, which must then be migrated in its current version.
 */
import { definitionEntry, type Corpus, type Definition, type EntityKind } from './corpus.js';
import type { ArticleMigration } from './journal.js';
import { combineAliases, combineDates, definedDate, type RecordedRefinement, type RefinedDate } from './refine.js';
import type { ResolvedArticle } from './validate.js';

export type EntityUpdate =
  | { kind: 'event'; slug: string; date: RefinedDate | null; by: string[] }
  | { kind: 'speaker' | 'organization'; slug: string; aliases: string[]; by: string[] };

export interface Effective {
  /** Dates of events this seed defines, where other seeds refine them. */
  eventDates: Map<string, RefinedDate | null>;
  /** Aliases of speakers and organizations this seed defines (`kind:slug`), where others add some. */
  aliases: Map<string, string[]>;
  /** Entities of other seeds this migration writes: those it refines now, or refined before. */
  updates: EntityUpdate[];
  /** The seeds defining those entities: they must be migrated in their current version. */
  definitions: Definition[];
}

export const NO_REFINEMENTS: Effective = { eventDates: new Map(), aliases: new Map(), updates: [], definitions: [] };

const key = (kind: EntityKind, slug: string) => `${kind}:${slug}`;

/**
 * @param own the article migrated or retracted, and its seed file (absolute path)
 * @param article the seed, resolved (undefined for a retraction)
 * @param latest the latest migration of every article
 */
export function effectiveValues(
  corpus: Corpus,
  own: { slug: string; seedPath: string | undefined },
  article: ResolvedArticle | undefined,
  latest: Map<string, ArticleMigration>,
): Effective {
  const slug = own.slug;
  const recorded: { article: string; r: RecordedRefinement }[] = [];
  for (const [other, m] of latest) {
    if (other === slug || m.header.action === 'retract') continue;
    for (const r of m.header.refinements ?? []) recorded.push({ article: other, r });
  }
  const previous = latest.get(slug);
  const before = previous && previous.header.action !== 'retract' ? (previous.header.refinements ?? []) : [];
  const now = article?.refinements ?? [];
  const by = (kind: EntityKind, s: string) => recorded.filter((x) => x.r.kind === kind && x.r.slug === s);

  const out: Effective = { eventDates: new Map(), aliases: new Map(), updates: [], definitions: [] };
  for (const e of article?.events ?? []) {
    const refs = by('event', e.slug);
    if (refs.length > 0)
      out.eventDates.set(
        e.slug,
        combineDates(
          e.date,
          refs.map((x) => (x.r as { date: RefinedDate }).date),
        ),
      );
  }
  for (const kind of ['speaker', 'organization'] as const) {
    for (const d of kind === 'speaker' ? (article?.speakers ?? []) : (article?.organizations ?? [])) {
      const refs = by(kind, d.slug);
      if (refs.length > 0)
        out.aliases.set(
          key(kind, d.slug),
          combineAliases(
            d.aliases,
            refs.map((x) => (x.r as { aliases: string[] }).aliases),
          ),
        );
    }
  }

  const targets = new Map<string, { kind: EntityKind; slug: string }>();
  for (const r of [...now, ...before]) targets.set(key(r.kind, r.slug), { kind: r.kind, slug: r.slug });
  for (const t of targets.values()) {
    const def = corpus.definitions.find((d) => d.kind === t.kind && d.slug === t.slug && d.seed.absolutePath !== own.seedPath);
    if (!def) continue; // no longer defined: the reference check of this seed or its retraction says so
    out.definitions.push(def);
    const mine = now.filter((r) => r.kind === t.kind && r.slug === t.slug);
    const theirs = by(t.kind, t.slug);
    const authors = [...theirs.map((x) => x.article), ...(mine.length > 0 ? [slug] : [])];
    if (t.kind === 'event') {
      const dates = [...theirs.map((x) => x.r), ...mine].map((r) => (r as { date: RefinedDate }).date);
      out.updates.push({ kind: 'event', slug: t.slug, date: combineDates(definedDate(def), dates), by: authors });
    } else {
      const entry = definitionEntry(def);
      const own = Array.isArray(entry?.aliases) ? entry.aliases.filter((a): a is string => typeof a === 'string') : [];
      const added = [...theirs.map((x) => x.r), ...mine].map((r) => (r as { aliases: string[] }).aliases);
      out.updates.push({ kind: t.kind, slug: t.slug, aliases: combineAliases(own, added), by: authors });
    }
  }
  return out;
}
