/**
 * Refinements: a later seed's `ref:` adding to an entity another seed defines — an alias to a
 * speaker or an organization, a date or a finer date to an event. The rules (README
 * "Refinements"):
 *
 * - a date refinement lies inside every date the corpus already gives the event (its definition's
 *   and other refinements'), and says more than the definition: a shorter range or a finer
 *   precision. Two refinements of one event nest (one inside the other); anything else is a
 *   contradiction, refused with both places named;
 * - an alias refinement is a new name: not already a name of the entity, nor of another entity
 *   of the same kind;
 * - the entity's value in the database is its definition's, refined: the narrowest date, the
 *   definition's aliases followed by the added ones. Every migration that writes the entity
 *   writes that whole value, so a refining seed's correction or retraction restores what the
 *   others say.
 */
import { definitionEntry, nameKey, where, type Corpus, type Definition, type EntityKind, type Refinement } from './corpus.js';
import { parsePartialDate, RANK, type DateRange, type Precision } from './dates.js';
import type { LoadedSeed } from './load.js';
import type { PathSegment } from './problems.js';

export interface RefinedDate extends DateRange {
  text: string | null;
  external: boolean;
}

/** What a migration records of a seed's refinements (its header), so later migrations know them. */
export type RecordedRefinement =
  { kind: 'event'; slug: string; date: RefinedDate } | { kind: 'speaker' | 'organization'; slug: string; aliases: string[] };

export interface RefinementProblem {
  path: PathSegment[];
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A raw date input as a range, or undefined when it does not parse (reported elsewhere). */
export function rawDate(input: unknown): RefinedDate | undefined {
  if (!isRecord(input) || (typeof input.value !== 'string' && typeof input.value !== 'number')) return undefined;
  const precision = typeof input.precision === 'string' ? (input.precision as Precision) : undefined;
  const parsed = parsePartialDate(input.value, precision);
  if (!parsed.ok) return undefined;
  return { ...parsed.range, text: typeof input.text === 'string' ? input.text : null, external: input.external === true };
}

export const contains = (outer: DateRange, inner: DateRange) => outer.start <= inner.start && inner.end <= outer.end;
const days = (d: DateRange) => Date.parse(d.end) - Date.parse(d.start);
/** `inner` says more than `outer`: inside it, and shorter or of a finer precision. */
export const finer = (inner: DateRange, outer: DateRange) =>
  contains(outer, inner) && (days(inner) < days(outer) || RANK[inner.precision] < RANK[outer.precision]);

export const showDate = (d: DateRange) => (d.start === d.end ? d.start : `${d.start}/${d.end}`) + ` ${d.precision}`;

/** The narrowest of consistent dates (the validator has checked that they nest). */
export function combineDates(definition: RefinedDate | null, refinements: readonly RefinedDate[]): RefinedDate | null {
  let best = definition;
  for (const r of refinements) if (!best || finer(r, best)) best = r;
  return best;
}

/** The definition's names first, then the added ones, each name once. */
export function combineAliases(own: readonly string[], added: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of [...own, ...added.flat()]) {
    const key = nameKey(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

function definitionOf(corpus: Corpus, kind: EntityKind, slug: string, except: LoadedSeed): Definition | undefined {
  return corpus.definitions.find((d) => d.kind === kind && d.slug === slug && d.seed.absolutePath !== except.absolutePath);
}

const lineOf = (r: Refinement, field: string) => `${r.seed.file}:${r.seed.lineOf([listKey(r.kind), r.index, field]) ?? '?'}`;
const listKey = (kind: EntityKind) => ({ speaker: 'speakers', organization: 'organizations', event: 'events' })[kind];

/** The date an event's definition gives, as a range (null when it has none). */
export function definedDate(def: Definition): RefinedDate | null {
  return rawDate(definitionEntry(def)?.date) ?? null;
}

/** The problems of `seed`'s own refinements, against the rest of the corpus. */
export function refinementProblems(seed: LoadedSeed, corpus: Corpus, own: readonly Refinement[]): RefinementProblem[] {
  const problems: RefinementProblem[] = [];
  const others = corpus.refinements.filter((r) => r.seed.absolutePath !== seed.absolutePath);
  for (const r of own) {
    const def = definitionOf(corpus, r.kind, r.slug, seed);
    if (!def) continue; // an unknown reference, reported as such
    const at = [listKey(r.kind), r.index];
    if (r.kind === 'event') {
      const mine = rawDate(r.date);
      if (!mine) continue;
      const path = [...at, 'date', 'value'];
      const defined = definedDate(def);
      if (defined && !contains(defined, mine)) {
        problems.push({
          path,
          message: `${showDate(mine)} contradicts the date ${where(def)} gives event ${r.slug} (${showDate(defined)}): a refinement lies inside it`,
        });
        continue;
      }
      if (defined && !finer(mine, defined)) {
        problems.push({
          path,
          message: `adds nothing: ${where(def)} already dates event ${r.slug} ${showDate(defined)}; a refinement is a shorter range or a finer precision (or leave date out)`,
        });
        continue;
      }
      for (const o of others.filter((o) => o.kind === 'event' && o.slug === r.slug)) {
        const theirs = rawDate(o.date);
        if (theirs && !contains(theirs, mine) && !contains(mine, theirs)) {
          problems.push({
            path,
            message: `${showDate(mine)} contradicts the date ${lineOf(o, 'date')} gives event ${r.slug} (${showDate(theirs)}): refinements of one event nest`,
          });
        }
      }
      continue;
    }
    // Aliases: new names only.
    const seen = new Set<string>();
    r.aliases.forEach((alias, n) => {
      const path = [...at, 'aliases', n];
      const key = nameKey(alias);
      if (seen.has(key)) {
        problems.push({ path, message: `${JSON.stringify(alias)} is given twice` });
        return;
      }
      seen.add(key);
      if (def.names.some((x) => nameKey(x) === key)) {
        problems.push({
          path,
          message: `${JSON.stringify(alias)} already names ${r.kind} ${r.slug} (${where(def)}): a refinement adds new names`,
        });
        return;
      }
      const added = others.find((o) => o.kind === r.kind && o.slug === r.slug && o.aliases.some((x) => nameKey(x) === key));
      if (added) {
        problems.push({ path, message: `${JSON.stringify(alias)} is already added to ${r.kind} ${r.slug} by ${lineOf(added, 'aliases')}` });
        return;
      }
      const other =
        corpus.definitions.find((d) => d.kind === r.kind && d.slug !== r.slug && d.names.some((x) => nameKey(x) === key)) ?? undefined;
      if (other) {
        problems.push({ path, message: `${JSON.stringify(alias)} already names another ${r.kind}, ${other.slug} (${where(other)})` });
        return;
      }
      const otherAdded = others.find((o) => o.kind === r.kind && o.slug !== r.slug && o.aliases.some((x) => nameKey(x) === key));
      if (otherAdded) {
        problems.push({
          path,
          message: `${JSON.stringify(alias)} is already added to another ${r.kind}, ${otherAdded.slug}, by ${lineOf(otherAdded, 'aliases')}`,
        });
      }
    });
  }
  return problems;
}

/**
 * A new definition's names against the aliases other seeds add to other entities (the same entity
 * under another slug).
 */
export function addedNameClash(corpus: Corpus, seed: LoadedSeed, kind: EntityKind, slug: string, name: string): Refinement | undefined {
  const key = nameKey(name);
  return corpus.refinements.find(
    (r) => r.seed.absolutePath !== seed.absolutePath && r.kind === kind && r.slug !== slug && r.aliases.some((a) => nameKey(a) === key),
  );
}

/** A migration header line: `-- refines: {"kind":"event",…}`. */
export const REFINES_PREFIX = '-- refines: ';

export function recordedLine(r: RecordedRefinement): string {
  return `${REFINES_PREFIX}${JSON.stringify(r)}`;
}

export function parseRecorded(sql: string): RecordedRefinement[] {
  const out: RecordedRefinement[] = [];
  for (const line of sql.split('\n')) {
    if (!line.startsWith('--')) break; // the header ends with the first statement
    if (line.startsWith(REFINES_PREFIX)) out.push(JSON.parse(line.slice(REFINES_PREFIX.length)) as RecordedRefinement);
  }
  return out;
}
