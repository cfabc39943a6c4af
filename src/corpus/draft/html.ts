/**
 * HTML pages (hast-util-from-html, the HTML standard's parser): the article element (or main,
 * or body) gives the blocks, one per paragraph-like element, as a browser renders their text
 * (hast-util-to-text); navigation, asides, footers, forms and scripts are not the article. The
 * head gives metadata: title, author, publication time, canonical URL, site name.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Block, SourceArticle } from './source.js';

const SKIP = new Set([
  'nav',
  'aside',
  'footer',
  'header',
  'form',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'figure',
  'button',
]);
const BLOCKS = new Set(['p', 'li', 'blockquote', 'pre', 'dd']);
const EMPHASIS = new Set(['em', 'i', 'strong', 'b', 'cite']);

export function readHtml(source: string): Omit<SourceArticle, 'format'> {
  const tree = fromHtml(source);
  const notes: string[] = [];
  const all = elements(tree);
  const byTag = (tag: string) => all.filter((e) => e.tagName === tag);
  const meta = (key: string) =>
    byTag('meta')
      .find((m) => m.properties.name === key || m.properties.property === key)
      ?.properties.content?.toString();

  const container = byTag('article')[0] ?? byTag('main')[0] ?? byTag('body')[0] ?? tree;
  const blocks: Block[] = [];
  const emphasized: string[] = [];
  const italic: string[] = [];
  const skipped = new Set<string>();
  let title: string | undefined;
  let headings = 0;
  const walk = (node: Nodes) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (SKIP.has(node.tagName)) {
        skipped.add(node.tagName);
        return;
      }
      if (/^h[1-6]$/.test(node.tagName)) {
        const text = squash(toText(node));
        if (node.tagName === 'h1' && title === undefined) title = text;
        else headings++;
        return;
      }
      if (BLOCKS.has(node.tagName) && !node.children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName))) {
        const text = squash(toText(node, { whitespace: 'normal' }));
        if (!text) return;
        const inner = elements(node);
        for (const e of inner) {
          if (!EMPHASIS.has(e.tagName)) continue;
          emphasized.push(squash(toText(e)));
          if (e.tagName === 'em' || e.tagName === 'i' || e.tagName === 'cite') italic.push(squash(toText(e)));
        }
        const words = textNodes(node);
        const linked = textNodes(node, (e) => e.tagName === 'a');
        const strong = textNodes(node, (e) => e.tagName === 'strong' || e.tagName === 'b');
        blocks.push({
          text,
          linkOnly: linked.replace(/[\s|·•,]/g, '').length > 0 && linked.replace(/[\s|·•,]/g, '') === words.replace(/[\s|·•,]/g, ''),
          strongOnly: strong.trim().length > 0 && strong.replace(/\s/g, '') === words.replace(/\s/g, ''),
        });
        return;
      }
    }
    for (const child of node.children) walk(child as Nodes);
  };
  walk(container);

  if (container.type === 'element' && container.tagName !== 'body')
    notes.push(`The page's <${container.tagName}> element is the article; the rest of the page is not.`);
  if (skipped.size > 0)
    notes.push(
      `Left out the page's ${[...skipped].map((t) => `<${t}>`).join(', ')}: navigation, asides, footers and scripts are not the article.`,
    );
  if (headings > 0) notes.push(`Left out ${headings} subheading(s): not part of the article's paragraphs.`);
  if (/&[a-z]+;|&#\d+;/i.test(source))
    notes.push('HTML character references (&ldquo; &rsquo; …) are decoded into the characters they stand for.');

  const pageTitle = byTag('title')[0] ? squash(toText(byTag('title')[0]!)) : undefined;
  // "Headline | Site": the part after the last separator names the outlet.
  const split = pageTitle ? /^(.*\S)\s+[|–—-]\s+([^|–—-]+)$/.exec(pageTitle) : null;
  const published = meta('article:published_time') ?? byTag('time')[0]?.properties.dateTime?.toString();
  const author = meta('author') ?? meta('article:author');
  return {
    title: title ?? meta('og:title') ?? split?.[1] ?? pageTitle,
    authors: author ? [author] : [],
    publishedOn: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : undefined,
    url:
      byTag('link')
        .find((l) => [l.properties.rel].flat().includes('canonical'))
        ?.properties.href?.toString() ?? meta('og:url'),
    outlet: meta('og:site_name') ?? split?.[2]?.trim(),
    blocks,
    emphasized: [...new Set(emphasized)].filter(Boolean),
    italic: [...new Set(italic)].filter(Boolean),
    notes,
  };
}

function elements(node: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element') out.push(n);
    if (n.type === 'element' || n.type === 'root') for (const c of n.children) walk(c as Nodes);
  };
  for (const c of node.children) walk(c as Nodes);
  return out;
}

/** The text of the node's text descendants, optionally only those under an element that passes `under`. */
function textNodes(node: Element, under?: (e: Element) => boolean): string {
  let out = '';
  const walk = (n: Nodes, inside: boolean) => {
    if (n.type === 'text') {
      if (inside) out += n.value;
    } else if (n.type === 'element') for (const c of n.children) walk(c as Nodes, inside || (under ? under(n) : true));
  };
  for (const c of node.children) walk(c as Nodes, under ? false : true);
  return out;
}

const squash = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').trim();
