/**
 * Who says each quote, with the verb, the channel, the speaker's description and when it was
 * said, by these rules in order:
 *
 * 1. it continues a quotation (a split one, or the next paragraph of one): its speaker;
 * 2. after the closing mark, `“…,” she said` / `“…,” said X` / `“…,” X, the union president, told`;
 * 3. before it in the sentence, a reporting verb and its subject: `X said: “…”`, `X warned that
 *    … “…”`, `X called it “…”`, or `according to X`;
 * 4. a quotation standing alone (no reporting verb in its sentence): the last speaker, if quoted
 *    in this paragraph or the one before.
 * A pronoun is the nearest compatible name before it (she, he: a person of that gender or of
 * none known; it, they: an organization or a group) in its paragraph, else the last speaker,
 * else in the paragraph before; a nominal ("the board") the last organization named so.
 */
import type { Doc } from './document.js';
import type { FoundDate } from './dates.js';
import { REPORTING_VERBS, WEAK_REPORTING } from './lexicon.js';
import type { Entity } from './names.js';
import { headOf, tailOf, type QuoteCandidate } from './quotes.js';
import { resolveRef, subjectOf, type Ref } from './references.js';

export interface Attribution {
  speaker: Entity | undefined;
  /** How the speaker is referred to at the attribution (for the review comment). */
  via: Ref | undefined;
  verb: string | undefined;
  channel: string | undefined;
  description: string | undefined;
  said: FoundDate | undefined;
  /** The rule that decided, for the review comment. */
  rule: string;
  sure: 'sure' | 'likely' | 'unsure';
}

const VERB_WORD = /[\p{L}’'-]+/gu;
/** Only title words between a verb and a name: "said retired engineer Colin Marsh". */
const TITLES_ONLY = /^\s+(?:(?:the|a|an|[\p{Ll}]+|[\p{Lu}][\p{Ll}.]+)\s+){0,4}$/u;

export function attribute(doc: Doc, refs: readonly Ref[], quotes: readonly QuoteCandidate[], dates: readonly FoundDate[]): Attribution[] {
  const out: Attribution[] = [];
  let last: { speaker: Entity; paragraph: number; attribution: Attribution } | undefined;
  quotes.forEach((q) => {
    const a = attributeOne(doc, refs, q, dates, last?.speaker, out[quotes.indexOf(q.continues!)]);
    const paragraph = doc.paragraphOf(q.start);
    if (!a.speaker && last && last.paragraph >= paragraph - 1 && !reportingVerbIn(doc, q)) {
      Object.assign(a, {
        speaker: last.speaker,
        verb: last.attribution.verb,
        channel: last.attribution.channel,
        said: doc.paragraphOf(q.start) === last.paragraph ? last.attribution.said : undefined,
        rule: 'a quotation standing alone: the last speaker',
        sure: 'likely',
      });
    }
    if (a.speaker) last = { speaker: a.speaker, paragraph, attribution: a };
    out.push(a);
  });
  return out;
}

function reportingVerbIn(doc: Doc, q: QuoteCandidate): boolean {
  const s = doc.sentences[doc.sentenceOf(q.start)]!;
  let text = '';
  for (let i = s.start; i < s.end; i++) text += doc.quoted(i) ? ' ' : doc.body[i];
  return [...text.matchAll(VERB_WORD)].some((m) => REPORTING_VERBS.has(m[0].toLowerCase())) || /according to/i.test(text);
}

function attributeOne(
  doc: Doc,
  refs: readonly Ref[],
  q: QuoteCandidate,
  dates: readonly FoundDate[],
  lastSpeaker: Entity | undefined,
  continued: Attribution | undefined,
): Attribution {
  const none: Attribution = {
    speaker: undefined,
    via: undefined,
    verb: undefined,
    channel: undefined,
    description: undefined,
    said: undefined,
    rule: 'no attribution found',
    sure: 'unsure',
  };
  if (q.continues && continued) return { ...continued, rule: `${q.kindWhy}: the same speaker` };
  const body = doc.body;
  const resolve = (r: Ref) => resolveRef(doc, refs, r, lastSpeaker);

  // 2. After the closing mark: the first reporting verb of the clause that follows, and its
  // subject there (“…,” the association’s chairwoman, Ingrid Holm, told), or the name after it
  // (“…,” said Councillor Graham Lyle).
  const tail = tailOf(doc, q.piece);
  if (tail.text) {
    const lead = /^[,\s—–-]*/.exec(tail.text)![0].length;
    const at = tail.start + lead;
    const end = tail.start + tail.text.length;
    const clause = body.slice(at, end);
    const first = [...clause.matchAll(VERB_WORD)].find((m) => REPORTING_VERBS.has(m[0].toLowerCase()) && m.index < 120);
    // Not a relative clause or a new clause ("…,” which X has confirmed): those are not its attribution.
    const opensClause = /^(which|that|who|whom|whose|and|but|or|as|because|if|when|while|although|though)\b/i.test(clause);
    if (first && !opensClause && !/[“"]/.test(clause.slice(0, first.index))) {
      const verb = first[0];
      const v = at + first.index;
      if (first.index === 0) {
        // “…,” said X: a finite verb, then a name (not "claiming they …", a participle and its clause).
        const who = refs.find(
          (r) => r.start > v && r.start <= v + 60 && r.kind !== 'pronoun' && TITLES_ONLY.test(body.slice(v + verb.length, r.start)),
        );
        const speaker = who && !/ing$/.test(verb) ? resolve(who) : undefined;
        if (who && speaker)
          return finish(doc, refs, q, dates, { speaker, via: who, verb, rule: `“…,” ${verb} X`, sure: 'sure' }, { start: at, end });
      } else {
        const subject = subjectOf(
          doc,
          refs.filter((r) => r.start >= at),
          v,
          verb,
        );
        const speaker = subject ? resolve(subject) : undefined;
        if (subject && speaker) {
          return finish(
            doc,
            refs,
            q,
            dates,
            {
              speaker,
              via: subject,
              verb,
              rule: `“…,” ${subject.kind === 'pronoun' ? subject.text : 'X'} ${verb}`,
              sure: subject.kind === 'name' ? 'sure' : 'likely',
            },
            { start: at, end },
          );
        }
      }
    }
  }

  // 3. Before it in the sentence: a reporting verb and its subject, or "according to X".
  const sentence = doc.sentences[doc.sentenceOf(q.start)]!;
  const head = headOf(doc, q.piece);
  const verbs = [...body.slice(sentence.start, q.piece.open).matchAll(VERB_WORD)]
    .map((m) => ({ text: m[0], start: sentence.start + m.index }))
    .filter((v) => !doc.quoted(v.start) && REPORTING_VERBS.has(v.text.toLowerCase()))
    .filter((v) => !WEAK_REPORTING.has(v.text.toLowerCase()) || v.start >= head.start);
  for (const v of verbs.reverse()) {
    const subject = subjectOf(doc, refs, v.start, v.text);
    const speaker = subject ? resolve(subject) : undefined;
    if (subject && speaker) {
      return finish(
        doc,
        refs,
        q,
        dates,
        {
          speaker,
          via: subject,
          verb: v.text,
          rule: /:\s*$/.test(head.text) ? `X ${v.text}: “…”` : `X ${v.text} … “…”`,
          sure: subject.kind === 'name' ? 'sure' : 'likely',
        },
        { start: subject.start, end: q.piece.open },
      );
    }
  }
  const according = /\b[Aa]ccording to\s+/g;
  for (const m of body.slice(sentence.start, sentence.end).matchAll(according)) {
    const at = sentence.start + m.index + m[0].length;
    // Titles may stand between: "according to Rear Adm. James E. McPherson".
    const who = refs.find(
      (r) => r.start >= at && r.start <= at + 40 && /^(?:the\s+)?(?:[\p{Lu}][\p{L}.]*\s+){0,4}$/u.test(body.slice(at, r.start)),
    );
    const speaker = who ? resolve(who) : undefined;
    if (who && speaker)
      return finish(
        doc,
        refs,
        q,
        dates,
        { speaker, via: who, verb: 'according to', rule: 'according to X', sure: 'sure' },
        { start: at, end: who.end },
      );
  }
  return none;
}

const CHANNEL =
  /\b(?:in|on|via|through) ((?:a|an|his|her|their|its|the) (?:(?:brief|short|written|joint|televised|recorded|lengthy|new|separate|later|recent|weekly|radio|television|tv) )?(?:post|statement|interview|tweet|letter|op-ed|speech|message|video|press release|news conference|press conference|briefing|memo|memoir|email|e-mail|column|report|book|podcast|broadcast|blog post|address|filing|announcement)(?: (?:on|to|with|for) (?:(?:\p{Lu}[\p{L}]*(?:\.\p{L}+)*(?: \p{Lu}[\p{L}]*(?:\.\p{L}+)*)*)|staff|reporters|members|supporters|employees|lawmakers|parliament))?)/u;
const ISSUED =
  /\b(?:issued|released|posted|published|sent) ((?:a|an) (?:(?:brief|short|written|joint|new|separate) )?(?:statement|letter|post|video|message|press release))/u;

/** Verb, channel, description and date of an attribution found in `clause`. */
function finish(
  doc: Doc,
  refs: readonly Ref[],
  q: QuoteCandidate,
  dates: readonly FoundDate[],
  a: Pick<Attribution, 'speaker' | 'via' | 'verb' | 'rule' | 'sure'>,
  clause: { start: number; end: number },
): Attribution {
  const body = doc.body;
  const sentence = doc.sentences[doc.sentenceOf(q.start)]!;
  // The clause of the attribution, and what follows the quote up to the next clause.
  const after =
    q.piece.close === null
      ? ''
      : (body.slice(q.piece.close + 1, sentence.end).split(/\s(?:but|and|while|although|because)\s|[;.]/)[0] ?? '');
  const text = `${body.slice(clause.start, clause.end)} ${after}`;
  const media = refs.find(
    (r) =>
      r.entity?.organizationKind === 'MEDIA' &&
      r.start > clause.start &&
      r.start < sentence.end &&
      /\b(?:in|to|on)\s+(?:the\s+)?$/i.test(body.slice(r.start - 8, r.start)) &&
      !doc.quoted(r.start),
  );
  const channel = CHANNEL.exec(text)?.[1] ?? ISSUED.exec(body.slice(sentence.start, q.piece.open))?.[1] ?? media?.text;
  // The date of the saying stands by the verb (before a that-clause), or in the clause after the quote.
  const verbAt = a.verb && a.via ? body.indexOf(a.verb, a.via.end) : -1;
  const verbEnd = verbAt >= 0 && verbAt < clause.end ? verbAt + a.verb!.length : clause.start;
  const thatAt = body.slice(verbEnd, clause.end).search(/\bthat\b|[“"]/);
  const byVerb = { start: a.via?.start ?? clause.start, end: thatAt >= 0 ? verbEnd + thatAt : Math.min(clause.end, verbEnd + 40) };
  const inClause = (d: FoundDate) =>
    !d.deadline &&
    ((d.start >= byVerb.start && d.end <= byVerb.end) ||
      (q.piece.close !== null && d.start > q.piece.close && d.start < q.piece.close + 1 + after.length));
  const opening = dates.find((d) => !d.deadline && d.start === sentence.start && a.via && a.via.start > d.end && a.via.start - d.end < 40);
  const said = dates.find((d) => inClause(d) && !doc.quoted(d.start)) ?? opening;
  return { ...a, verb: a.verb, channel, description: describe(doc, a.via, a.speaker), said };
}

/** The speaker's description as the article gives it: a title before the name, or an appositive after it. */
function describe(doc: Doc, via: Ref | undefined, speaker: Entity | undefined): string | undefined {
  if (!speaker || speaker.type !== 'person') return via?.kind === 'spokesperson' ? via.text : undefined;
  const paragraph = via ? doc.paragraphOf(via.start) : -1;
  const mention =
    speaker.mentions.find((m) => via && m.start === via.start) ??
    speaker.mentions.find((m) => doc.paragraphOf(m.start) === paragraph && (m.title || appositive(doc, m.end)));
  if (!mention) return undefined;
  return mention.title ?? appositive(doc, mention.end) ?? possessiveBefore(doc, mention.start);
}

function appositive(doc: Doc, end: number): string | undefined {
  const m =
    /^, ((?:who (?:was|is|has been|had been|served as) )?(?:a|an|the|president|director|head|chief|spokes\w+|leader|member|minister|secretary)\b[^,.;“"]{2,120})[,.]/u.exec(
      doc.body.slice(end, end + 140),
    );
  return m?.[1]?.replace(/^who (?:was|is|has been|had been|served as) /, '');
}

function possessiveBefore(doc: Doc, start: number): string | undefined {
  const m = /(\p{Lu}[\p{L}\s]*(?:’s|'s) [\p{Ll}\s]+), $/u.exec(doc.body.slice(Math.max(0, start - 80), start));
  return m?.[1];
}
