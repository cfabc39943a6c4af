/**
 * Speech reported without quotation marks, proposed as INDIRECT candidates for review:
 *
 * - `X said (that) …`, `X told Parliament that …`, `…, adding that …`: the reported clause runs
 *   from after the verb (and "that") to the end of its clause, or to a quotation that continues
 *   it (the quotation is its own PARTIAL quote);
 * - `According to X, …` and `…, according to X`;
 * - `…, X said.` and `…, said X.` closing a sentence with no quotation in it.
 * The text is the reported clause as the article words it; the reviewer turns it into the claim.
 */
import type { Span } from '../offsets.js';
import type { Doc } from './document.js';
import type { FoundDate } from './dates.js';
import { REPORTING_VERBS } from './lexicon.js';
import type { Entity } from './names.js';
import { resolveRef, subjectOf, type Ref } from './references.js';

export interface IndirectCandidate {
  speaker: Entity;
  via: Ref;
  verb: string;
  passage: Span;
  text: string;
  said: FoundDate | undefined;
  rule: string;
}

/** Verbs that report a claim with a that-clause; the first group also without "that". */
const BARE_CLAUSE = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'claimed',
  'claims',
  'warned',
  'argued',
  'insisted',
  'believed',
  'believes',
  'estimated',
  'estimates',
]);
const AUXILIARY = /\b(would|will|had|has|have|was|were|is|are|could|should|can|did|does|do|might|must|may)\b/;
const SKIP_AFTER_VERB =
  /^(?:\s+(?:in|on|at|during|last|this|earlier|later|again|also|publicly|privately|recently)\b[^,]{0,40}?)?(?=\s+that\b)/;

export function indirectCandidates(doc: Doc, refs: readonly Ref[], dates: readonly FoundDate[]): IndirectCandidate[] {
  const out: IndirectCandidate[] = [];
  const body = doc.body;
  let lastSpeaker: Entity | undefined;
  const push = (c: IndirectCandidate | undefined) => {
    if (!c) return;
    if (out.some((o) => o.passage.start < c.passage.end && c.passage.start < o.passage.end && o.speaker === c.speaker)) return;
    out.push(c);
    lastSpeaker = c.speaker;
  };
  for (const s of doc.sentences) {
    const text = body.slice(s.start, s.end);
    const resolve = (r: Ref | undefined) => (r ? resolveRef(doc, refs, r, lastSpeaker) : undefined);
    // According to X
    const according = /\b[Aa]ccording to\s+/.exec(text);
    if (according && !hasQuotation(doc, s)) {
      const at = s.start + according.index + according[0].length;
      const who = refs.find(
        (r) =>
          r.start >= at &&
          r.start <= at + 40 &&
          /^(?:the\s+)?(?:(?:figures|data|documents|estimates|a report|reports|a statement) (?:published |released )?(?:by|from)\s+(?:the\s+)?)?(?:[\p{Lu}][\p{L}.]*\s+){0,4}$/u.test(
            body.slice(at, r.start),
          ),
      );
      const speaker = resolve(who);
      if (who && speaker) {
        const end = s.end - (/[.!?]$/.test(text) ? 1 : 0);
        const phraseStart = s.start + according.index;
        const content =
          according.index < 3 ? body.slice(afterComma(body, who.end, end), end) : body.slice(s.start, phraseStart).replace(/[,\s]+$/, '');
        push({
          speaker,
          via: who,
          verb: 'according to',
          passage: { start: s.start, end },
          text: sentenceCase(content),
          said: undefined,
          rule: 'according to X',
        });
        continue;
      }
    }
    // …, X said.  /  …, said X.
    const closing = /,\s+([^,]{2,80}?)\s+(said|says|estimated|added|told reporters)\.$|,\s+(said|says)\s+([^,]{2,60})\.$/u.exec(text);
    if (closing && !hasQuotation(doc, s)) {
      const whoText = closing[1] ?? closing[4]!;
      const whoStart = s.start + closing.index + closing[0].indexOf(whoText);
      const who = refs.find(
        (r) =>
          r.start >= whoStart &&
          r.end <= whoStart + whoText.length &&
          (r.start === whoStart || r.kind === 'spokesperson' || /^the\s+$/i.test(body.slice(whoStart, r.start))),
      );
      const speaker = resolve(who);
      if (who && speaker) {
        push({
          speaker,
          via: who,
          verb: closing[2] ?? closing[3]!,
          passage: { start: s.start, end: s.end - 1 },
          text: sentenceCase(body.slice(s.start, s.start + closing.index)),
          said: undefined,
          rule: '…, X said.',
        });
        continue;
      }
    }
    // X said (that) …
    for (const m of text.matchAll(/[\p{L}’'-]+/gu)) {
      const verb = m[0];
      const v = s.start + m.index;
      if (!REPORTING_VERBS.has(verb.toLowerCase()) || doc.quoted(v)) continue;
      let after = v + verb.length;
      // "told Parliament that", "said in July that", "said in a statement that"
      const object = /^\s+(?!that\b)(?:the\s+)?[\p{Lu}\p{Ll}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*(?=\s+that\b)/u.exec(body.slice(after, s.end));
      if (/^(told|tells|telling|warned|reminded|assured)$/i.test(verb) && object) after += object[0].length;
      const skip = SKIP_AFTER_VERB.exec(body.slice(after, s.end));
      if (skip) after += skip[0].length;
      const rest = body.slice(after, s.end);
      let contentStart: number;
      const that = /^\s+that\s+/.exec(rest);
      if (that) contentStart = after + that[0].length;
      else if (
        BARE_CLAUSE.has(verb.toLowerCase()) &&
        AUXILIARY.test(rest.split(/[,;.]/)[0]!.split(/\s+/).slice(0, 7).join(' ')) &&
        /^\s+[\p{L}]/u.test(rest) &&
        !/^\s+(in|on|at|to|that|of|by|with)\b/.test(rest)
      )
        contentStart = after + /^\s+/.exec(rest)![0].length;
      else continue;
      const content = clauseEnd(doc, contentStart, s.end);
      if (content.end - contentStart < 3 || wordCount(body.slice(contentStart, content.end)) < 3) continue;
      const subject = subjectOf(doc, refs, v, verb);
      const speaker = resolve(subject);
      if (!subject || !speaker) continue;
      const start = subject.start < v && subject.start >= s.start ? subject.start : v;
      const said = dates.find((d) => !d.deadline && d.start >= v && d.end <= contentStart);
      push({
        speaker,
        via: subject,
        verb,
        passage: { start, end: content.end },
        text: sentenceCase(body.slice(contentStart, content.end)),
        said,
        rule: that ? `X ${verb} that …` : `X ${verb} …`,
      });
    }
  }
  return out;
}

function hasQuotation(doc: Doc, s: Span): boolean {
  return doc.pieces.some((p) => p.depth === 0 && p.open >= s.start && p.open < s.end);
}

/** The reported clause ends at a quotation mark, a semicolon, or a new clause. */
function clauseEnd(doc: Doc, start: number, end: number): Span {
  const text = doc.body.slice(start, end);
  const stop = text.search(
    /\s*[“"]|;|,\s+(?:but|although|while|which|who|because|as)\b|\s+and\s+(?:that|warning|adding|saying|claiming)\b|,\s+(?:adding|saying|claiming)\b|[.!?]$/,
  );
  const e = stop >= 0 ? start + stop : end;
  return { start, end: e };
}

function afterComma(body: string, from: number, end: number): number {
  const i = body.indexOf(',', from);
  return i >= 0 && i < end ? i + 1 + (body[i + 1] === ' ' ? 1 : 0) : from;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
function sentenceCase(s: string): string {
  const t = s.trim().replace(/[,;:]$/, '');
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
