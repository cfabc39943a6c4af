/**
 * Events proposed for review: a sentence that reports an action (an event verb from the lexicon,
 * outside quotation marks) with a date, or with someone who acts in it. Its subject is the actor;
 * names after the verb are targets (designations, sanctions, arrests, attacks, seizures), partners
 * (agreements, extraditions) or subjects; its date is the sentence's date expression nearest the
 * verb. An event the corpus already has (same participants, similar title, compatible dates)
 * becomes a `ref:`, with this article's date as a refinement when it is finer.
 */
import { nameKey } from '../corpus.js';
import type { Span } from '../offsets.js';
import { contains, finer } from '../refine.js';
import type { Doc } from './document.js';
import type { FoundDate } from './dates.js';
import { eventKind } from './lexicon.js';
import type { KnownEvent } from './match.js';
import type { Entity } from './names.js';
import { resolveRef, subjectOf, type Ref } from './references.js';

export interface EventProposal {
  sentence: Span;
  verb: string;
  kind: string;
  title: string;
  date: FoundDate | undefined;
  participants: { entity: Entity; role: 'ACTOR' | 'TARGET' | 'SUBJECT' | 'PARTNER' }[];
  known: KnownEvent | undefined;
  why: string;
}

const TARGETED = new Set(['DESIGNATION', 'SANCTION', 'ARREST', 'MILITARY_ACTION', 'INVASION', 'ORDER', 'CONDEMNATION']);
const PARTNERED = new Set(['EXTRADITION', 'AGREEMENT']);
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'and',
  'with',
  'by',
  'its',
  'his',
  'her',
  'their',
  'that',
  'this',
  'from',
  'as',
  'is',
  'was',
  'has',
  'had',
  'have',
]);

export function proposeEvents(
  doc: Doc,
  refs: readonly Ref[],
  dates: readonly FoundDate[],
  known: readonly KnownEvent[],
  slugOf: (e: Entity) => string,
): EventProposal[] {
  const out: EventProposal[] = [];
  const body = doc.body;
  for (const s of doc.sentences) {
    const verbs = [...body.slice(s.start, s.end).matchAll(/[\p{L}’'-]+/gu)]
      .map((m) => ({ text: m[0], start: s.start + m.index, kind: eventKind(m[0]) }))
      .filter((v) => v.kind && !doc.quoted(v.start) && !/^(said|told)$/.test(v.text));
    if (verbs.length === 0) continue;
    const sentenceDates = dates.filter((d) => !d.deadline && d.start >= s.start && d.end <= s.end && !doc.quoted(d.start));
    let best: EventProposal | undefined;
    for (const v of verbs) {
      const subject = subjectOf(doc, refs, v.start, v.text);
      const actor = subject ? resolveRef(doc, refs, subject, undefined) : undefined;
      const clauseEnd = nextClauseEnd(body, v.start + v.text.length, s.end);
      const others = refs.filter((r) => r.start > v.start && r.end <= clauseEnd && r.entity && r.kind === 'name' && !doc.quoted(r.start));
      const role = TARGETED.has(v.kind!) ? 'TARGET' : PARTNERED.has(v.kind!) ? 'PARTNER' : 'SUBJECT';
      const participants: EventProposal['participants'] = [];
      if (actor && actor.type !== 'group') participants.push({ entity: actor, role: 'ACTOR' });
      for (const o of others)
        if (!participants.some((p) => p.entity === o.entity) && o.entity!.type !== 'group') participants.push({ entity: o.entity!, role });
      const date = [...sentenceDates].sort((a, b) => Math.abs(a.start - v.start) - Math.abs(b.start - v.start))[0];
      if (!date && (v.kind === 'OTHER' || participants.length === 0)) continue;
      const from = subject && subject.start >= s.start && subject.start < v.start ? subject.start : v.start;
      const title = titleOf(body.slice(from, clauseEnd));
      const proposal: EventProposal = {
        sentence: { start: s.start, end: s.end },
        verb: v.text,
        kind: v.kind!,
        title,
        date,
        participants,
        known: undefined,
        why: `"${v.text}" reports ${v.kind === 'OTHER' ? 'an action' : `a ${v.kind!.toLowerCase().replace('_', ' ')}`}${date ? `, dated "${date.text}"` : ''}${actor ? `, by ${actor.name}` : ''}`,
      };
      const score = (date ? 2 : 0) + participants.length + (v.kind === 'OTHER' ? 0 : 1);
      const bestScore = best ? (best.date ? 2 : 0) + best.participants.length + (best.kind === 'OTHER' ? 0 : 1) : -1;
      if (score > bestScore) best = proposal;
    }
    if (!best) continue;
    // Everyone the sentence names counts for recognizing a known event, participant or not.
    const named = refs.filter((r) => r.entity && r.start >= s.start && r.end <= s.end).map((r) => r.entity!);
    best.known = sameAsKnown(best, named, known, slugOf);
    out.push(best);
  }
  return out;
}

function nextClauseEnd(body: string, from: number, end: number): number {
  const m = /[,;:—]|\s(?:but|while|although|which|who|because)\s/.exec(body.slice(from, end));
  return m ? from + m.index : end;
}

function titleOf(clause: string): string {
  const words = clause
    .replace(/[.!?]$/, '')
    .split(/\s+/)
    .slice(0, 14)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const contentWords = (s: string) =>
  new Set(
    nameKey(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );

/** A known event sharing a participant and title words, with a compatible date. */
function sameAsKnown(
  p: EventProposal,
  named: readonly Entity[],
  known: readonly KnownEvent[],
  slugOf: (e: Entity) => string,
): KnownEvent | undefined {
  const slugs = new Set([...p.participants.map((x) => x.entity), ...named].map((e) => (e.type === 'group' ? '' : slugOf(e))));
  const words = contentWords(p.title);
  let best: { e: KnownEvent; score: number } | undefined;
  for (const e of known) {
    const shared = e.participants.filter((s) => slugs.has(s)).length;
    const common = [...contentWords(e.title)].filter((w) => words.has(w) || [...words].some((x) => x.slice(0, 5) === w.slice(0, 5))).length;
    const dateOk = !p.date || !e.date || contains(e.date, p.date.range) || contains(p.date.range, e.date) || finer(p.date.range, e.date);
    if (shared === 0 || common < 2 || !dateOk) continue;
    const score = shared + common;
    if (!best || score > best.score) best = { e, score };
  }
  return best?.e;
}
