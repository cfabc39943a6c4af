/**
 * Quotation pieces → quote candidates, each DIRECT or PARTIAL:
 *
 * - the text is the words inside the marks, without a comma that only closes the quotation
 *   before its reporting clause (“…,” she said);
 * - DIRECT when the quotation is a sentence of the speaker's: it opens the sentence, or follows
 *   a colon, or follows a reporting clause that opens the sentence ("She said, “…”"), or
 *   continues a direct quotation (“No,” she said, “absolutely not.”; the next paragraph of a
 *   quotation); PARTIAL when it is a fragment inside the writer's sentence (…that a “lot of
 *   work…”, "Shipping lines, she said, "have long memories."");
 * - a quotation of three words or fewer that no reporting verb governs is a scare quote ("the “war
 *   on drugs”", "such a “cartel”"): not a quote, listed for the reviewer.
 */
import type { Span } from '../offsets.js';
import type { QuotationPiece } from '../quotation.js';
import type { Doc } from './document.js';
import { REPORTING_VERBS } from './lexicon.js';

export interface QuoteCandidate extends Span {
  piece: QuotationPiece;
  text: string;
  kind: 'DIRECT' | 'PARTIAL';
  kindWhy: string;
  /** The candidate this one continues (a split or multi-paragraph quotation). */
  continues: QuoteCandidate | undefined;
}

export interface ScareQuote extends Span {
  text: string;
}

/** The words of the sentence before a piece, from the sentence start or the previous quotation's close. */
export function headOf(doc: Doc, piece: QuotationPiece): { text: string; start: number; previous: QuotationPiece | undefined } {
  const s = doc.sentences[doc.sentenceOf(piece.open)]!;
  const previous = doc.pieces.filter((p) => p.depth === 0 && p.close !== null && p.close < piece.open && p.close >= s.start).pop();
  const start = previous ? previous.close! + 1 : s.start;
  return { text: doc.body.slice(start, piece.open), start, previous };
}

/** The words after a piece's close, up to the next quotation or the end of the sentence. */
export function tailOf(doc: Doc, piece: QuotationPiece): { text: string; start: number } {
  if (piece.close === null) return { text: '', start: piece.content.end };
  const s = doc.sentences[doc.sentenceOf(piece.close)]!;
  const next = doc.pieces.find((p) => p.depth === 0 && p.open > piece.close!);
  const end = Math.min(s.end, next && next.open < s.end ? next.open : s.end);
  return { text: doc.body.slice(piece.close + 1, end), start: piece.close + 1 };
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** Verbs too loose to make a short quotation a quote ("the name was coined to indicate"). */
const LOOSE = new Set([
  'indicate',
  'indicated',
  'indicates',
  'signal',
  'signaled',
  'reveal',
  'revealed',
  'disclose',
  'continue',
  'continued',
  'charge',
  'charged',
  'agree',
  'agreed',
  'post',
  'posted',
  'praise',
  'praised',
  'answer',
  'mention',
  'mentioned',
  'believe',
  'believed',
  'maintain',
  'maintained',
  'note',
  'noted',
  'observe',
  'observed',
]);
const hasReportingVerb = (s: string) =>
  s.split(/[^\p{L}’'-]+/u).some((w) => REPORTING_VERBS.has(w.toLowerCase()) && !LOOSE.has(w.toLowerCase())) || /according to/i.test(s);
/** A reporting clause alone: subject words and a verb, with objects and adverbials, no other clause. */
const ATTRIBUTION_ONLY =
  /^[\p{L}\p{N}.’'\s-]*\b(said|says|told|added|asked|replied|wrote|continued|explained|insisted|warned|stated|declared|answered|recalled|noted|argued|claimed|announced|tweeted|posted)\b[^.;“"]*[,:]\s*$/iu;

export function quoteCandidates(doc: Doc): { quotes: QuoteCandidate[]; scare: ScareQuote[] } {
  const quotes: QuoteCandidate[] = [];
  const scare: ScareQuote[] = [];
  const body = doc.body;
  for (const piece of doc.pieces) {
    if (piece.depth !== 0 || piece.unclosed) continue;
    let { start, end } = piece.content;
    while (end > start && /[\s,]/.test(body[end - 1]!)) end--;
    while (start < end && /\s/.test(body[start]!)) start++;
    if (end <= start) continue;
    const text = body.slice(start, end);
    const head = headOf(doc, piece);
    const sentence = doc.sentences[doc.sentenceOf(piece.open)]!;
    const previous = quotes[quotes.length - 1];
    const continuation = piece.continuation ? previous : undefined;

    // A whole sentence in marks, or a quotation going on in the next paragraph, is speech however short.
    const wholeSentence = head.text.trim() === '' && /[.!?]$/.test(text);
    if (!continuation && !piece.continues && !wholeSentence && words(text) <= 3 && !hasReportingVerb(outsideQuotes(doc, sentence))) {
      scare.push({ start, end, text });
      continue;
    }
    let kind: QuoteCandidate['kind'];
    let why: string;
    let continues: QuoteCandidate | undefined = continuation;
    const before = head.text.trim();
    if (continuation) {
      kind = continuation.kind;
      why = 'the quotation goes on from the previous paragraph';
    } else if (
      head.previous &&
      previous &&
      previous.piece === head.previous &&
      ATTRIBUTION_ONLY.test(head.text) &&
      /,\s*$/.test(head.text)
    ) {
      kind = previous.kind;
      continues = previous;
      why = 'the quotation goes on after its reporting clause (“…,” she said, “…”)';
    } else if (before === '' || /^[—–-]$/.test(before)) {
      kind = 'DIRECT';
      why = 'the quotation opens the sentence';
    } else if (/:\s*$/.test(head.text)) {
      kind = 'DIRECT';
      why = 'the quotation follows a colon';
    } else if (!head.previous && ATTRIBUTION_ONLY.test(head.text) && head.start === sentence.start && /^[\p{Lu}]/u.test(text)) {
      kind = 'DIRECT';
      why = 'the quotation follows the reporting clause that opens the sentence';
    } else {
      kind = 'PARTIAL';
      why = 'a fragment inside the writer’s sentence';
    }
    quotes.push({ start, end, piece, text, kind, kindWhy: why, continues });
  }
  return { quotes, scare };
}

/** The sentence's words outside quotation marks. */
export function outsideQuotes(doc: Doc, span: Span): string {
  let out = '';
  for (let i = span.start; i < span.end; i++) out += doc.quoted(i) ? ' ' : doc.body[i];
  return out;
}
