/**
 * Quotation marks in an article body, paired: where each quotation opens and closes, including
 * nested ones and quotations that run over paragraphs. Shared by the validator (a DIRECT or
 * PARTIAL quote must stand inside marks), the drafter (every quoted span is a candidate) and the
 * review page.
 *
 * Rules, as news typography uses them:
 * - double marks: “…” (curly), "…" (straight: the first of a pair opens, the next closes), „…“ and
 *   «…»; they may mix within an article;
 * - single marks (‘…’, '…') are quotations only inside a double quotation (nested), or at the top
 *   level in an article that has no double marks at all (British style); elsewhere ’ and ' are
 *   apostrophes ("That’s", "the Times’ reporting");
 * - a single mark between two letters is always an apostrophe;
 * - a paragraph that ends inside a quotation continues it when the next paragraph opens with a
 *   mark (the convention for a quotation over several paragraphs); otherwise the quotation is
 *   unclosed and reported as such.
 */
import { paragraphSpans, type Span } from './offsets.js';

export interface QuotationPiece {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; null when the piece ends with its paragraph (continued, or unclosed). */
  close: number | null;
  /** The words inside the marks: [after the opening mark, before the closing mark or the paragraph end). */
  content: Span;
  paragraph: number;
  /** 0 for a top-level quotation, 1 for a quotation inside it, and so on. */
  depth: number;
  /** The quotation goes on in the next paragraph. */
  continues: boolean;
  /** This piece continues a quotation of the previous paragraph. */
  continuation: boolean;
  /** The paragraph ended inside the quotation and the next one does not reopen it. */
  unclosed: boolean;
}

const DOUBLE_OPEN = new Set(['\u201C', '\u201E', '\u00AB']);
const DOUBLE_CLOSE = new Set(['\u201D', '\u00BB']);
const SINGLE_OPEN = '\u2018';
const SINGLE_CLOSE = '\u2019';
const LETTER = /[\p{L}\p{N}]/u;

const isDouble = (ch: string) => DOUBLE_OPEN.has(ch) || DOUBLE_CLOSE.has(ch) || ch === '"';
const isOpening = (ch: string) => DOUBLE_OPEN.has(ch) || ch === '"' || ch === SINGLE_OPEN || ch === "'";

interface Open {
  at: number;
  single: boolean;
  straight: boolean;
  continuation: boolean;
}

/** Every quotation piece of the body, in order of their opening marks. */
export function quotations(body: string): QuotationPiece[] {
  const paragraphs = paragraphSpans(body);
  const britishStyle = ![...body].some(isDouble);
  const pieces: QuotationPiece[] = [];
  let carried: Open[] = [];
  paragraphs.forEach((p, index) => {
    const stack: Open[] = [];
    const text = body.slice(p.start, p.end);
    let i = 0;
    // A continued quotation reopens with a mark at the start of the paragraph (checked below).
    if (carried.length > 0) {
      for (const c of carried) stack.push({ ...c, at: p.start, continuation: true });
      i = 1;
      carried = [];
    }
    const close = (k: number, at: number) => {
      for (let s = stack.length - 1; s >= k; s--) {
        const o = stack[s]!;
        pieces.push(piece(o, s === k ? at : null, index, s, false, s !== k));
      }
      stack.length = k;
    };
    for (; i < text.length; i++) {
      const ch = text[i]!;
      const at = p.start + i;
      const before = i > 0 ? text[i - 1]! : '';
      const after = i + 1 < text.length ? text[i + 1]! : '';
      if (DOUBLE_OPEN.has(ch)) {
        stack.push({ at, single: false, straight: false, continuation: false });
      } else if (DOUBLE_CLOSE.has(ch)) {
        const k = lastIndex(stack, (o) => !o.single);
        if (k >= 0) close(k, at);
      } else if (ch === '"') {
        const k = lastIndex(stack, (o) => !o.single && o.straight);
        // An open straight quotation closes; otherwise this one opens.
        if (k >= 0 && !(LETTER.test(after) && /\s/.test(before))) close(k, at);
        else stack.push({ at, single: false, straight: true, continuation: false });
      } else if (ch === SINGLE_OPEN || ch === "'" || ch === SINGLE_CLOSE) {
        if (LETTER.test(before) && LETTER.test(after)) continue; // an apostrophe inside a word
        const inside = stack.some((o) => !o.single) || britishStyle;
        if (!inside) continue;
        const k = lastIndex(stack, (o) => o.single && o.straight === (ch === "'"));
        const top = stack[stack.length - 1];
        if (k >= 0 && k === stack.length - 1 && top && ch !== SINGLE_OPEN && !LETTER.test(after)) close(k, at);
        else if (ch !== SINGLE_CLOSE && (before === '' || /[\s([\u2014\u2013"\u201C]/.test(before)) && after !== '' && !/\s/.test(after)) {
          stack.push({ at, single: true, straight: ch === "'", continuation: false });
        }
      }
    }
    // End of the paragraph inside quotations: double ones may continue; single ones were apostrophes.
    const doubles = stack.filter((o) => !o.single);
    const next = paragraphs[index + 1];
    const nextOpens = next !== undefined && next.end > next.start && isOpening(body[next.start]!);
    doubles.forEach((o, depth) => pieces.push(piece(o, null, index, depth, nextOpens, !nextOpens)));
    if (nextOpens && doubles.length > 0) carried = doubles;
  });
  return pieces.sort((a, b) => a.open - b.open || a.depth - b.depth);

  function piece(o: Open, closeAt: number | null, paragraph: number, depth: number, continues: boolean, unclosed: boolean): QuotationPiece {
    const p = paragraphs[paragraph]!;
    return {
      open: o.at,
      close: closeAt,
      content: { start: o.at + 1, end: closeAt ?? p.end },
      paragraph,
      depth,
      continues,
      continuation: o.continuation,
      unclosed,
    };
  }
}

function lastIndex<T>(items: T[], test: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The innermost well-formed piece whose content holds the span, if any. */
export function enclosingQuotation(pieces: readonly QuotationPiece[], span: Span): QuotationPiece | undefined {
  let best: QuotationPiece | undefined;
  for (const p of pieces) {
    if (p.unclosed) continue;
    if (p.content.start <= span.start && span.end <= p.content.end && (!best || p.depth > best.depth)) best = p;
  }
  return best;
}
