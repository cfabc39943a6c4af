/**
 * An article as exported, read into blocks: Markdown, HTML or plain text, told apart by the file's
 * extension or, failing that, its first characters. Each reader keeps the words exactly, turns
 * markup into plain text and says what it did (notes); cleaning the blocks into a body (metadata
 * lines, boilerplate, broken paragraphs) is clean.ts's job, the same for every format.
 */
import path from 'node:path';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';

export type SourceFormat = 'markdown' | 'html' | 'text';

/** One paragraph-like block of the export, in plain text (line breaks kept where the export had them). */
export interface Block {
  text: string;
  /** The block is nothing but links (a share bar, a footer link). */
  linkOnly: boolean;
  /** The whole block is bold (a byline in many exports). */
  strongOnly: boolean;
}

export interface SourceArticle {
  format: SourceFormat;
  title: string | undefined;
  /** Metadata the export states outside the body (HTML meta tags); clean.ts adds bylines and date lines. */
  authors: string[];
  publishedOn: string | undefined;
  url: string | undefined;
  outlet: string | undefined;
  blocks: Block[];
  /** Phrases the export set in italics or bold inside the body: names of publications, often. */
  emphasized: string[];
  /** Of those, the ones in italics (a publication's name, as style guides set them). */
  italic: string[];
  notes: string[];
}

export function detectFormat(file: string, text: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt') return 'text';
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(p|article|body)[\s>]/.test(head)) return 'html';
  if (/^#{1,6} /m.test(text) || /\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/.test(text)) return 'markdown';
  return 'text';
}

export function readSource(file: string, text: string, format = detectFormat(file, text)): SourceArticle {
  const read = { markdown: readMarkdown, html: readHtml, text: readText }[format];
  return { format, ...read(text) };
}
