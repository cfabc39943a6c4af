/**
 * Plain-text exports: paragraphs are separated by blank lines; the lines of a paragraph stay
 * apart here (clean.ts joins a hard-wrapped paragraph and reads byline and date lines); the
 * first paragraph, when it is one short line, is the title.
 */
import type { Block, SourceArticle } from './source.js';

export function readText(source: string): Omit<SourceArticle, 'format'> {
  const paragraphs = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  let title: string | undefined;
  const first = paragraphs[0];
  if (first !== undefined && !first.includes('\n') && first.length <= 160 && !/[.!?]["”’]?$/.test(first.trim())) {
    title = first.trim();
    paragraphs.shift();
  }
  const blocks: Block[] = paragraphs.map((text) => ({ text, linkOnly: /^\s*(https?:\/\/\S+\s*)+$/.test(text), strongOnly: false }));
  return { title, authors: [], publishedOn: undefined, url: undefined, outlet: undefined, blocks, emphasized: [], italic: [], notes: [] };
}
