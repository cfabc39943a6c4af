/**
 * The body as the drafter's rules see it: paragraphs, sentences, quotation pieces and word tokens,
 * all with UTF-16 offsets into the body (the offsets the seed's checks compute).
 *
 * Sentences end at . ! ? (with any closing marks after them) before white space and a capital, a
 * digit or an opening mark; never inside a quotation unless the mark closes it right after, and
 * never after an abbreviation (Adm., St.) or an initial (Mark T. Esper, H.W.).
 */
import { paragraphAt, paragraphSpans, type Span } from '../offsets.js';
import { quotations, type QuotationPiece } from '../quotation.js';
import { ABBREVIATIONS } from './lexicon.js';

export interface Sentence extends Span {
  paragraph: number;
}

export interface Token extends Span {
  text: string;
  sentence: number;
  /** Inside a quotation's marks. */
  quoted: boolean;
}

export interface Doc {
  body: string;
  paragraphs: Span[];
  sentences: Sentence[];
  pieces: QuotationPiece[];
  tokens: Token[];
  paragraphOf(offset: number): number;
  sentenceOf(offset: number): number;
  quoted(offset: number): boolean;
}

export function analyse(paragraphs: string[]): Doc {
  const body = paragraphs.join('\n\n');
  const spans = paragraphSpans(body);
  const pieces = quotations(body);
  const top = pieces.filter((p) => p.depth === 0);
  const quoted = (offset: number) => top.some((p) => p.content.start <= offset && offset < p.content.end);
  const sentences = spans.flatMap((p, i) => splitSentences(body, p, i, quoted));
  const sentenceOf = (offset: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const tokens: Token[] = [];
  for (const m of body.matchAll(/[\p{L}\p{N}]+(?:[’'.&-][\p{L}\p{N}]+)*\.?/gu)) {
    let text = m[0];
    // A final full stop belongs to abbreviations and initials only.
    if (text.endsWith('.') && !isAbbreviation(text)) text = text.slice(0, -1);
    const start = m.index;
    tokens.push({ text, start, end: start + text.length, sentence: sentenceOf(start), quoted: quoted(start) });
  }
  return { body, paragraphs: spans, sentences, pieces, tokens, paragraphOf: (o) => paragraphAt(spans, o), sentenceOf, quoted };
}

export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  return /^\p{Lu}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase());
}

function splitSentences(body: string, p: Span, paragraph: number, quoted: (o: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let start = p.start;
  for (let i = p.start; i < p.end; i++) {
    const ch = body[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < p.end && /["”’)\]]/.test(body[j]!)) j++;
    if (j >= p.end) break;
    if (!/\s/.test(body[j]!)) continue;
    let k = j;
    while (k < p.end && /\s/.test(body[k]!)) k++;
    if (k >= p.end || !/[\p{Lu}\p{N}"“‘'(]/u.test(body[k]!)) continue;
    // Inside a quotation, only a full stop right before its closing mark ends a sentence.
    if (quoted(i) && j === i + 1) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)\.$/u.exec(body.slice(Math.max(p.start, i - 20), i + 1))?.[1];
      if (word && isAbbreviation(`${word}.`)) continue;
    }
    out.push({ start, end: j, paragraph });
    start = k;
  }
  out.push({ start, end: p.end, paragraph });
  return out;
}
