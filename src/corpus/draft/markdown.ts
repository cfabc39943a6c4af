/**
 * Markdown exports (mdast-util-from-markdown, CommonMark): headings, emphasis, links and escapes
 * become plain text; the first level-1 heading is the title. What was removed is noted.
 */
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, SourceArticle } from './source.js';

export function readMarkdown(source: string): Omit<SourceArticle, 'format'> {
  const tree = fromMarkdown(source);
  const blocks: Block[] = [];
  const emphasized: string[] = [];
  const italic: string[] = [];
  const notes: string[] = [];
  const dropped: string[] = [];
  let title: string | undefined;
  let links = 0;

  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        if (node.depth === 1 && title === undefined) title = plain(node.children).trim();
        else dropped.push(`the heading "${plain(node.children).trim()}"`);
        return;
      case 'paragraph': {
        const text = plain(node.children);
        const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
        blocks.push({
          text,
          linkOnly: meaningful.length > 0 && meaningful.every((c) => isLinkish(c)),
          strongOnly: meaningful.length > 0 && meaningful.every((c) => c.type === 'strong' || c.type === 'break'),
        });
        return;
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        for (const child of node.children) visit(child as RootContent);
        return;
      case 'thematicBreak':
        return;
      default:
        dropped.push(`a ${node.type} block`);
    }
  };

  /** Plain text of inline content; line breaks of the export stay as "\n" for clean.ts. */
  function plain(children: PhrasingContent[]): string {
    let out = '';
    for (const c of children) {
      if (c.type === 'text') out += c.value;
      else if (c.type === 'break') out += '\n';
      else if (c.type === 'inlineCode') out += c.value;
      else if (c.type === 'emphasis' || c.type === 'strong' || c.type === 'delete') {
        const inner = plain(c.children);
        if (inner.trim()) emphasized.push(inner.trim());
        if (inner.trim() && c.type === 'emphasis') italic.push(inner.trim());
        out += inner;
      } else if (c.type === 'link' || c.type === 'linkReference') {
        links++;
        out += plain(c.children);
      } else if (c.type === 'image' || c.type === 'imageReference' || c.type === 'html' || c.type === 'footnoteReference') {
        // Not words of the article.
      } else if ('children' in c) out += plain((c as Parents).children as PhrasingContent[]);
    }
    return out;
  }

  for (const node of tree.children) visit(node);

  const escapes = [...new Set([...source.matchAll(/\\([!-/:-@[-`{-~])/g)].map((m) => m[0]))];
  if (escapes.length > 0)
    notes.push(`The export escaped ${escapes.map((e) => e[1]).join(' ')} (${escapes.join(' ')}); the body has the characters themselves.`);
  if (links > 0) notes.push(`Links are reduced to their text (${links}).`);
  for (const d of dropped) notes.push(`Left out ${d}: not part of the article's text.`);
  return {
    title,
    authors: [],
    publishedOn: undefined,
    url: undefined,
    outlet: undefined,
    blocks,
    emphasized: [...new Set(emphasized)],
    italic: [...new Set(italic)],
    notes,
  };
}

function isLinkish(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  if (node.type === 'text') return /^[\s|·•,]*$/.test(node.value);
  if (node.type === 'strong' || node.type === 'emphasis') return node.children.every(isLinkish);
  return false;
}
