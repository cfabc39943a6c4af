/**
 * The corpus's speakers, organizations and events as the drafter knows them (from the other
 * seeds), and matching a name found in the article against them: equal names or aliases
 * ignoring case and accents, the same name without middle initials, or a spelling a typo away
 * (an edit or two, as the API's trigram search tolerates).
 */
import { distance } from 'fastest-levenshtein';
import { definitionEntry, nameKey, type Corpus } from '../corpus.js';
import { rawDate, type RefinedDate } from '../refine.js';
import type { EntityType } from './names.js';

export interface KnownEntity {
  kind: 'speaker' | 'organization';
  slug: string;
  name: string;
  aliases: string[];
  speakerKind?: 'PERSON' | 'ORGANIZATION' | 'UNNAMED_GROUP';
  /** For an ORGANIZATION speaker: the organization that speaks. */
  organization?: string;
  organizationKind?: string;
  /** `seeds/x.yaml:12`, for review comments. */
  where: string;
}

export interface KnownEvent {
  slug: string;
  title: string;
  date: RefinedDate | null;
  participants: string[];
  where: string;
}

export interface KnownMatch {
  entity: KnownEntity;
  how: 'name' | 'alias' | 'initials' | 'typo';
  /** Edits between the article's spelling and the corpus's (0 when equal). */
  distance: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function knownEntities(corpus: Corpus): KnownEntity[] {
  const out: KnownEntity[] = [];
  for (const d of corpus.definitions) {
    if (d.kind !== 'speaker' && d.kind !== 'organization') continue;
    const entry = definitionEntry(d) ?? {};
    const added = corpus.refinements.filter((r) => r.kind === d.kind && r.slug === d.slug).flatMap((r) => r.aliases);
    const [name = d.slug, ...aliases] = d.names;
    const k: KnownEntity = { kind: d.kind, slug: d.slug, name, aliases: [...aliases, ...added], where: `${d.seed.file}:${d.line ?? '?'}` };
    if (d.kind === 'speaker') {
      const kind = str(entry.kind);
      if (kind === 'PERSON' || kind === 'ORGANIZATION' || kind === 'UNNAMED_GROUP') k.speakerKind = kind;
      const org = str(entry.organization);
      if (org) k.organization = org;
    } else {
      const kind = str(entry.kind);
      if (kind) k.organizationKind = kind;
    }
    out.push(k);
  }
  return out;
}

export function knownEvents(corpus: Corpus): KnownEvent[] {
  return corpus.definitions
    .filter((d) => d.kind === 'event')
    .map((d) => {
      const entry = definitionEntry(d) ?? {};
      const participants = (Array.isArray(entry.participants) ? entry.participants : []).flatMap((p: unknown) => {
        const r = p as Record<string, unknown>;
        return [str(r.speaker), str(r.organization)].filter((s): s is string => !!s);
      });
      const refined = corpus.refinements.filter((r) => r.kind === 'event' && r.slug === d.slug).map((r) => rawDate(r.date));
      const dates = [rawDate(entry.date), ...refined].filter((x): x is RefinedDate => !!x);
      const narrowest = dates.sort((a, b) => Date.parse(a.end) - Date.parse(a.start) - (Date.parse(b.end) - Date.parse(b.start)))[0];
      return {
        slug: d.slug,
        title: str(entry.title) ?? d.slug,
        date: narrowest ?? null,
        participants,
        where: `${d.seed.file}:${d.line ?? '?'}`,
      };
    });
}

const withoutInitials = (key: string) =>
  key
    .split(' ')
    .filter((w) => !/^\p{L}\.?$/u.test(w) && !/^(\p{L}\.)+\p{L}?\.?$/u.test(w))
    .join(' ');

/** The known entity this name most probably is, if any (people against people, bodies against bodies). */
export function matchKnown(name: string, type: EntityType, known: readonly KnownEntity[]): KnownMatch | undefined {
  const key = nameKey(name).replace(/^the /, '');
  const candidates = known.filter((k) =>
    type === 'person'
      ? k.speakerKind === 'PERSON'
      : type === 'group'
        ? k.speakerKind === 'UNNAMED_GROUP'
        : k.kind === 'organization' || k.speakerKind === 'ORGANIZATION',
  );
  let best: KnownMatch | undefined;
  for (const k of candidates) {
    for (const n of [k.name, ...k.aliases]) {
      const other = nameKey(n).replace(/^the /, '');
      if (other === key) return { entity: k, how: n === k.name ? 'name' : 'alias', distance: 0 };
      if (withoutInitials(other) === withoutInitials(key) && withoutInitials(key).includes(' ')) {
        best ??= { entity: k, how: 'initials', distance: 0 };
        continue;
      }
      // A typo: one edit in a name of 5+ letters, two in one of 10+; never a different first letter.
      const budget = key.length >= 10 ? 2 : key.length >= 5 ? 1 : 0;
      if (budget === 0 || key[0] !== other[0] || Math.abs(key.length - other.length) > budget) continue;
      const d = distance(key, other);
      if (d <= budget && (!best || d < best.distance || best.how === 'typo')) {
        if (!best || best.how === 'typo') best = { entity: k, how: 'typo', distance: d };
      }
    }
  }
  return best;
}
