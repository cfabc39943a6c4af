/**
 * Everything in the body that can be a speaker, in order: the names found (names.ts), pronouns,
 * nominal references to an organization named before ("the board", "the college"), groups of
 * unnamed people ("US officials", "more than 200 nurses") and spokespeople ("a spokeswoman for
 * the Port Authority", who speak for it). And the rules that find a verb's subject among them and
 * resolve a pronoun or a nominal to an entity.
 */
import { nameKey } from '../corpus.js';
import type { Span } from '../offsets.js';
import type { Doc } from './document.js';
import { GROUP_HEADS, ORG_HEADS } from './lexicon.js';
import { matchKnown, type KnownEntity } from './match.js';
import type { Entity } from './names.js';

export interface Ref extends Span {
  kind: 'name' | 'pronoun' | 'nominal' | 'group' | 'spokesperson';
  text: string;
  /** For names, groups and spokespeople: who it is. Pronouns and nominals are resolved in context. */
  entity?: Entity;
}

const PRONOUN = /^(she|he|they|it)$/i;
const NOMINAL_HEADS = new Set([
  ...ORG_HEADS,
  'company',
  'firm',
  'union',
  'hospital',
  'port',
  'ministry',
  'administration',
  'government',
  'agency',
  'department',
  'council',
  'college',
  'court',
  'institute',
  'authority',
  'board',
  'group',
  'party',
  'cartel',
  'newspaper',
  'paper',
]);
const PREPOSITIONS =
  /\b(of|for|at|from|with|to|in|by|on|about|against|into|over|under|than|as|like|between|among|after|before|since|during|toward|towards|unlike)\s*$/i;
const ADVERBS =
  '(?:also|reportedly|later|quickly|recently|again|then|now|meanwhile|allegedly|apparently|repeatedly|previously|first|once|still|further|publicly|privately|separately|earlier|has|have|had|is|was|are|were|will|would|did|does|do|been|not|never|had been|has been|,)';
const NEAR_GAP = new RegExp(`^\\s*(?:,\\s*)?(?:(?:of|from|at|with) (?:the )?\u0001\\s*)?(?:${ADVERBS}\\s*)*$`, 'i');
const APPOSITIVE = /^\s*,\s*(?!and\b|but\b|or\b|while\b|although\b|because\b|if\b|when\b|though\b)[^]*,\s*$/i;

export function references(doc: Doc, entities: Entity[], known: readonly KnownEntity[]): Ref[] {
  const body = doc.body;
  const refs: Ref[] = [];
  for (const e of entities) for (const m of e.mentions) refs.push({ start: m.start, end: m.end, kind: 'name', text: m.text, entity: e });
  const taken = (s: Span) => refs.some((r) => r.start < s.end && s.start < r.end);
  for (const t of doc.tokens) {
    if (PRONOUN.test(t.text) && !t.quoted) refs.push({ start: t.start, end: t.end, kind: 'pronoun', text: t.text });
  }
  // "a spokeswoman for the Valdora Port Authority": the organization speaks.
  for (const m of body.matchAll(
    /\b(?:an? |the )?(?:spokes(?:wo)?man|spokesperson|representative|lawyer|attorney) (?:for|of) (?:the )?/gi,
  )) {
    const after = m.index + m[0].length;
    const org = refs.find((r) => r.kind === 'name' && r.start === after && r.entity?.type === 'organization');
    if (org) refs.push({ start: m.index, end: org.end, kind: 'spokesperson', text: body.slice(m.index, org.end), entity: org.entity! });
  }
  // Nominals: "the board", "the college" (lower case: the name was given before).
  for (const m of body.matchAll(/\b[Tt]he ([a-z]+)\b/g)) {
    const head = m[1]!;
    const span = { start: m.index, end: m.index + m[0].length };
    if (NOMINAL_HEADS.has(head) && !taken(span) && !doc.quoted(span.start)) refs.push({ ...span, kind: 'nominal', text: m[0] });
  }
  // Groups of unnamed people.
  const groups = [...GROUP_HEADS].join('|');
  const re = new RegExp(
    `\\b((?:(?:more than|fewer than|about|nearly|some|several|many|dozens of|hundreds of|thousands of|\\d[\\d,]*|other|senior|unnamed|anonymous|local|federal|state|top|two|three|four|five)\\s+)*(?:(?:[\\p{Lu}][\\p{L}.]*|port|hospital|government|military|security|health|police|intelligence|administration|union|company|city|state)\\s+)*(?:${groups}))\\b`,
    'gu',
  );
  for (const m of body.matchAll(re)) {
    const text = m[1]!;
    const span = { start: m.index, end: m.index + text.length };
    if (taken(span) || doc.quoted(span.start) || (!/\s/.test(text) && /^(people|members|workers)$/.test(text))) continue;
    const name = groupName(text);
    const match = matchKnown(name, 'group', known);
    let entity = entities.find(
      (e) => e.type === 'group' && (match ? e.known?.entity.slug === match.entity.slug : nameKey(e.name) === nameKey(name)),
    );
    if (!entity) {
      entity = { id: entities.length, type: 'group', name, mentions: [], evidence: 'unnamed people who speak as one' };
      if (match) entity.known = match;
      entities.push(entity);
    }
    entity.mentions.push({ ...span, text });
    refs.push({ ...span, kind: 'group', text, entity });
  }
  return refs.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "more than 200 nurses" → "Nurses"; "US officials" stays. */
function groupName(text: string): string {
  const bare = text.replace(
    /^(?:(?:more than|fewer than|about|nearly|some|several|many|dozens of|hundreds of|thousands of|\d[\d,]*|other|two|three|four|five)\s+)+/i,
    '',
  );
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** Refs that can be the subject of a verb at `verb` in its sentence. */
function subjectCandidates(doc: Doc, refs: readonly Ref[], verb: number): Ref[] {
  const s = doc.sentences[doc.sentenceOf(verb)]!;
  return refs.filter((r) => {
    if (r.start < s.start || r.end > verb || doc.quoted(r.start)) return false;
    if (/^(’s|'s)/.test(doc.body.slice(r.end, r.end + 2))) return false; // a possessive: "Trump’s State Department"
    if (PREPOSITIONS.test(doc.body.slice(Math.max(s.start, r.start - 12), r.start).replace(/\bthe\s*$/i, ''))) return false;
    // Inside another ref (a name inside a spokesperson phrase).
    return !refs.some((o) => o !== r && o.start <= r.start && r.end <= o.end && o.end - o.start > r.end - r.start);
  });
}

/**
 * The subject of a reporting verb: the one whose appositive ends at the verb ("Vito Hernández
 * Ochoa, who was …, warned"), else the nearest one before it with nothing but adverbs, auxiliaries
 * or a closing comma between ("Tomas Lindqvist, said"); for a participle after a comma
 * ("…, saying that"), the sentence's first subject.
 */
export function subjectOf(doc: Doc, refs: readonly Ref[], verb: number, verbText: string): Ref | undefined {
  const candidates = subjectCandidates(doc, refs, verb);
  const gap = (r: Ref) => {
    let g = doc.body.slice(r.end, verb);
    for (const o of refs) if (o.start >= r.end && o.end <= verb) g = g.replace(o.text, '\u0001');
    return g;
  };
  for (const r of candidates) if (APPOSITIVE.test(gap(r))) return r;
  for (let i = candidates.length - 1; i >= 0; i--) if (NEAR_GAP.test(gap(candidates[i]!))) return candidates[i];
  if (/ing$/.test(verbText) && /(,|\band)\s*$/.test(doc.body.slice(Math.max(0, verb - 6), verb))) return candidates[0];
  return undefined;
}

/** What a pronoun or a nominal stands for: the nearest compatible entity before it. */
export function resolveRef(doc: Doc, refs: readonly Ref[], ref: Ref, lastSpeaker: Entity | undefined): Entity | undefined {
  if (ref.entity) return ref.entity;
  const before = refs.filter((r) => r.end <= ref.start && r.entity);
  const paragraph = doc.paragraphOf(ref.start);
  const inParagraph = before.filter((r) => doc.paragraphOf(r.start) === paragraph);
  const previous = before.filter((r) => doc.paragraphOf(r.start) === paragraph - 1);
  const fits = (e: Entity) => compatible(ref, e);
  const pick = (list: Ref[]) => [...list].reverse().find((r) => fits(r.entity!))?.entity;
  if (ref.kind === 'nominal') return pick(before);
  return pick(inParagraph) ?? (lastSpeaker && fits(lastSpeaker) ? lastSpeaker : undefined) ?? pick(previous);
}

function compatible(ref: Ref, e: Entity): boolean {
  const word = ref.text.toLowerCase();
  if (ref.kind === 'nominal') {
    const head = word.replace(/^the /, '');
    if (e.type !== 'organization') return false;
    const name = e.name.toLowerCase();
    if (name.split(/\s+/).includes(head)) return true;
    const kind = e.organizationKind ?? e.known?.entity.organizationKind;
    return head === 'company' || head === 'firm'
      ? kind === 'COMPANY'
      : head === 'administration'
        ? /administration/.test(name)
        : head === 'government'
          ? kind === 'GOVERNMENT'
          : false;
  }
  if (word === 'she') return e.type === 'person' && e.gender !== 'male';
  if (word === 'he') return e.type === 'person' && e.gender !== 'female';
  if (word === 'it') return e.type === 'organization';
  return e.type === 'group' || e.type === 'organization';
}
