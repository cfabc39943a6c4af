/**
 * From an export's blocks to the body's paragraphs, the same for every format, each decision
 * written down for the seed's notes. The words stay exact: only markup, metadata lines, site
 * boilerplate and the export's line breaks go.
 *
 * - Metadata: leading blocks whose every line is a byline ("By …", or a name alone), or a date
 *   line, give the authors and the publication date and are not body.
 * - Boilerplate: link-only blocks and contact, share, follow, subscribe and copyright lines at the
 *   end (or a share bar anywhere) are the site's, not the article's.
 * - Line breaks inside a block (hard-wrapped text) become single spaces.
 * - A block that ends without closing punctuation, followed by one that starts in lower case, is
 *   one paragraph the export broke: the two are joined with a single space.
 */
import * as chrono from 'chrono-node';
import type { SourceArticle } from './source.js';

export interface CleanArticle {
  title: string | undefined;
  authors: string[];
  publishedOn: string | undefined;
  url: string | undefined;
  outlet: string | undefined;
  paragraphs: string[];
  emphasized: string[];
  italic: string[];
  notes: string[];
}

const BOILERPLATE =
  /^(to contact\b|contact us\b|share (this|on|via)\b|share:|follow us\b|follow .* on (x|twitter|facebook|instagram)\b|subscribe\b|sign up\b|read more\b|related( articles| stories)?:?$|advertisement$|copyright\b|©|\(c\) \d{4}|all rights reserved|click here\b|join (us|the conversation)\b|newsletter\b|print this\b|email this\b)/i;
const SHARE_BAR =
  /^(share on \w+|facebook|twitter|x|email|print|whatsapp|linkedin)(\s*[|·•,]\s*(share on \w+|facebook|twitter|x|email|print|whatsapp|linkedin))+$/i;
const CLOSES = /[.!?…:;]["”’)\]]*$|["”’]$/;

export function cleanBlocks(source: SourceArticle): CleanArticle {
  const notes = [...source.notes];
  let authors = [...source.authors];
  let publishedOn = source.publishedOn;
  const blocks = source.blocks.map((b) => ({ ...b, text: b.text.replace(/\u00a0/g, ' ') }));
  if (source.blocks.some((b) => b.text.includes('\u00a0'))) notes.push('Non-breaking spaces are plain spaces in the body.');

  // A first block repeating the title is not body either.
  if (source.title && blocks[0] && squash(blocks[0].text) === squash(source.title)) blocks.shift();

  // Metadata lines at the top.
  const meta: string[] = [];
  while (blocks.length > 1) {
    const lines = blocks[0]!.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const read = lines.map(metadataLine);
    if (lines.length === 0 || read.some((r) => r === undefined)) break;
    for (const r of read) {
      if (r!.authors) authors = authors.length > 0 ? authors : r!.authors;
      if (r!.date) publishedOn ??= r!.date;
    }
    meta.push(...lines);
    blocks.shift();
  }
  if (meta.length > 0)
    notes.push(`The title, byline and date lines of the export are metadata, not body (${meta.map((m) => JSON.stringify(m)).join(', ')}).`);

  // Boilerplate: at the end, and share bars anywhere.
  const dropped: string[] = [];
  const isBoilerplate = (t: string) => BOILERPLATE.test(t.trim()) && t.length < 300;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const lines = b.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const tail = i === blocks.length - 1;
    if (b.linkOnly || SHARE_BAR.test(squash(b.text)) || (tail && lines.every((l) => isBoilerplate(l) || SHARE_BAR.test(l)))) {
      dropped.push(squash(b.text));
      blocks.splice(i, 1);
    }
  }
  if (dropped.length > 0) {
    notes.push(
      `The site's boilerplate (${dropped
        .reverse()
        .map((d) => JSON.stringify(d))
        .join(', ')}) is not part of the article and is left out.`,
    );
  }

  // Lines of a block are one paragraph.
  let wrapped = 0;
  let paragraphs = blocks.map((b) => {
    if (b.text.trim().includes('\n')) wrapped++;
    return squash(b.text);
  });
  if (wrapped > 0) notes.push(`The lines of ${wrapped} paragraph(s) are joined with single spaces (the export broke them into lines).`);
  const spaces = blocks.filter((b) => / {2,}|\t/.test(b.text.trim().replace(/\n/g, ' '))).length;
  if (spaces > 0) notes.push(`Runs of spaces inside ${spaces} paragraph(s) are single spaces.`);

  // Paragraphs broken mid-sentence.
  const joined: string[] = [];
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const a = paragraphs[i]!;
    const b = paragraphs[i + 1]!;
    if (!CLOSES.test(a) && /^[a-z]/.test(b)) {
      joined.push(`"${lastWords(a)}" / "${firstWords(b)}"`);
      paragraphs[i] = `${a} ${b}`;
      paragraphs.splice(i + 1, 1);
      i--;
    }
  }
  if (joined.length > 0) {
    notes.push(
      `The export broke ${joined.length === 1 ? 'one paragraph' : `${joined.length} paragraphs`} mid-sentence (${joined.join(', ')}); the halves are joined with a single space.`,
    );
  }
  paragraphs = paragraphs.filter((p) => p !== '');

  const body = paragraphs.join('\n');
  const emphasized = source.emphasized.filter((e) => body.includes(e));
  if (emphasized.length > 0) {
    notes.unshift(
      `Emphasis removed (${emphasized.map((e) => `*${e}*`).join(', ')}): the body is plain text, so quotes match the published words.`,
    );
  }
  if (/[\u201C\u201D]/.test(body) && body.includes('"')) {
    notes.push('Curly and straight quotation marks are mixed in the source; they are kept exactly as published.');
  }
  return {
    title: source.title,
    authors,
    publishedOn,
    url: source.url,
    outlet: source.outlet,
    paragraphs,
    emphasized,
    italic: source.italic.filter((e) => body.includes(e)),
    notes,
  };
}

/** A byline or a date line, or undefined when the line is body text. */
function metadataLine(line: string): { authors?: string[]; date?: string } | undefined {
  if (line.length > 80 || (/[.!?]["”]?$/.test(line) && !/^\d/.test(line))) return undefined;
  const by = /^by\s+(.+)$/i.exec(line);
  if (by) return { authors: splitNames(by[1]!) };
  const date = fullDate(line);
  if (date) return { date };
  // A name alone (a bold byline): two to five capitalized words, no digits.
  if (/^(\p{Lu}[\p{L}'’.-]*)( (\p{Lu}[\p{L}'’.-]*|de|da|van|von|del|la|le|and|&))+$/u.test(line) && line.split(' ').length <= 6) {
    return { authors: splitNames(line) };
  }
  return undefined;
}

function splitNames(s: string): string[] {
  return s
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A line that is a complete date (day, month and year), as ISO. */
export function fullDate(line: string): string | undefined {
  const results = chrono.parse(line);
  const r = results[0];
  if (!r || results.length !== 1 || r.text.length < line.replace(/^(published|updated|posted)(:| on)?\s*/i, '').length - 12)
    return undefined;
  const known = r.start;
  if (!known.isCertain('day') || !known.isCertain('month') || !known.isCertain('year')) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${known.get('year')}-${pad(known.get('month')!)}-${pad(known.get('day')!)}`;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const lastWords = (s: string) => s.split(' ').slice(-2).join(' ');
const firstWords = (s: string) => s.split(' ').slice(0, 2).join(' ');
