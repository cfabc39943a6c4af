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

export interface Corpus {
  seeds: LoadedSeed[];
  definitions: Definition[];
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
  return { seeds, definitions: seeds.flatMap(definitionsOf) };
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

/** Case-, accent- and spacing-insensitive form of a name. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `seeds/x.yaml:12` */
export function where(d: Definition): string {
  return d.line === undefined ? d.seed.file : `${d.seed.file}:${d.line}`;
}
