/**
 * The corpus as the seeds define it: every seed file of the seeds folder and the entities each
 * defines (slug, names, file and line), read leniently so that one broken seed does not hide the
 * definitions of the others.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSeed, type LoadedSeed } from './load.js';

export type EntityKind = 'speaker' | 'organization' | 'event';
export const ENTITY_LISTS: Record<EntityKind, 'speakers' | 'organizations' | 'events'> = {
  speaker: 'speakers',
  organization: 'organizations',
  event: 'events',
};

export interface Definition {
  kind: EntityKind | 'article';
  slug: string;
  /** Name and aliases (speakers and organizations), for the same-entity-under-another-slug check. */
  names: string[];
  seed: LoadedSeed;
  line: number | undefined;
}

/**
 * A `ref:` that adds to an entity of another seed: aliases (speakers, organizations) or a date
 * (events). Read leniently, like definitions; validate.ts checks them (refine.ts has the rules).
 */
export interface Refinement {
  kind: EntityKind;
  slug: string;
  seed: LoadedSeed;
  /** Index in the seed's list of that kind. */
  index: number;
  aliases: string[];
  /** The raw date input (events), when given. */
  date: unknown;
}

export interface Corpus {
  seeds: LoadedSeed[];
  definitions: Definition[];
  refinements: Refinement[];
}

export const SEED_EXTENSIONS = ['.yaml', '.yml'];

export function seedFiles(seedsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(seedsDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => SEED_EXTENSIONS.includes(path.extname(n)))
    .sort()
    .map((n) => path.join(seedsDir, n));
}

export function loadCorpus(seedsDir: string, cwd = process.cwd()): Corpus {
  const seeds = seedFiles(seedsDir).map((f) => loadSeed(f, cwd));
  return corpusOf(seeds);
}

export function corpusOf(seeds: LoadedSeed[]): Corpus {
  return { seeds, definitions: seeds.flatMap(definitionsOf), refinements: seeds.flatMap(refinementsOf) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function definitionsOf(seed: LoadedSeed): Definition[] {
  const data = seed.data;
  if (!isRecord(data)) return [];
  const out: Definition[] = [];
  if (isRecord(data.article) && typeof data.article.slug === 'string') {
    out.push({ kind: 'article', slug: data.article.slug, names: [], seed, line: seed.lineOf(['article', 'slug']) });
  }
  for (const kind of Object.keys(ENTITY_LISTS) as EntityKind[]) {
    const list = data[ENTITY_LISTS[kind]];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (!isRecord(entry) || typeof entry.slug !== 'string') return;
      const names = [entry.name, ...(Array.isArray(entry.aliases) ? entry.aliases : [])].filter((n): n is string => typeof n === 'string');
      out.push({ kind, slug: entry.slug, names, seed, line: seed.lineOf([ENTITY_LISTS[kind], i, 'slug']) });
    });
  }
  return out;
}

export function refinementsOf(seed: LoadedSeed): Refinement[] {
  const data = seed.data;
  if (!isRecord(data)) return [];
  const out: Refinement[] = [];
  for (const kind of Object.keys(ENTITY_LISTS) as EntityKind[]) {
    const list = data[ENTITY_LISTS[kind]];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.ref !== 'string') return;
      const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter((a): a is string => typeof a === 'string') : [];
      if (aliases.length === 0 && entry.date === undefined) return;
      out.push({ kind, slug: entry.ref, seed, index, aliases, date: entry.date });
    });
  }
  return out;
}

/** The raw entry that defines an entity (for the values a refinement is checked against). */
export function definitionEntry(d: Definition): Record<string, unknown> | undefined {
  if (d.kind === 'article') return undefined;
  const list = (d.seed.data as Record<string, unknown> | undefined)?.[ENTITY_LISTS[d.kind]];
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list.find((e: unknown) => isRecord(e) && e.slug === d.slug);
  return isRecord(entry) ? entry : undefined;
}

/** Case-, accent- and spacing-insensitive form of a name. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `seeds/x.yaml:12` */
export function where(d: Definition): string {
  return d.line === undefined ? d.seed.file : `${d.seed.file}:${d.line}`;
}
