/**
 * "Did you mean": the known slugs closest to an unknown one. A slug is close when its words
 * contain the unknown one's (`sheinbaum` → `claudia-sheinbaum`) or when few edits separate them
 * (`ana-lopes` → `ana-lopez`); names and aliases count as well as slugs, so `caracas` finds
 * `government-of-venezuela` through its alias.
 */
import { distance } from 'fastest-levenshtein';
import { nameKey } from './corpus.js';

export interface Candidate {
  slug: string;
  names: readonly string[];
}

/** A name as slug words: "Nicolás Maduro" → "nicolas-maduro". */
export function slugify(name: string): string {
  return nameKey(name)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** 0 is a perfect match; above 1 is no match. */
function closeness(unknown: string, known: string): number {
  if (!known) return 2;
  if (unknown === known) return 0;
  const a = unknown.split('-');
  const b = known.split('-');
  // All words of one among the other's: a shorter or longer form of the same name.
  if (a.every((w) => b.includes(w)) || b.every((w) => a.includes(w))) return 0.1;
  return distance(unknown, known) / Math.max(unknown.length, known.length);
}

/** Up to `limit` slugs, closest first, within the edit budget (a third of the length). */
export function closestSlugs(unknown: string, candidates: readonly Candidate[], limit = 3): string[] {
  const scored = candidates
    .map((c) => ({ slug: c.slug, score: Math.min(closeness(unknown, c.slug), ...c.names.map((n) => closeness(unknown, slugify(n)))) }))
    .filter((c) => c.score <= 0.34)
    .sort((x, y) => x.score - y.score || (x.slug < y.slug ? -1 : 1));
  return [...new Set(scored.map((c) => c.slug))].slice(0, limit);
}

/** ` (did you mean a or b?)`, or nothing. */
export function didYouMean(unknown: string, candidates: readonly Candidate[]): string {
  const close = closestSlugs(unknown, candidates);
  if (close.length === 0) return '';
  const list = close.length === 1 ? close[0]! : `${close.slice(0, -1).join(', ')} or ${close.at(-1)!}`;
  return ` (did you mean ${list}?)`;
}
