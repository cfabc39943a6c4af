/**
 * A draft as seed YAML: the format's first line, the review notes as comments above their items
 * (comments do not count in the seed's hash), the body as a literal block, strings quoted.
 */
import { Document, isMap, isSeq, Scalar, type YAMLMap, type Node } from 'yaml';
import { SCHEMA_COMMENT } from '../format.js';
import type { Draft } from './draft.js';

export function draftYaml(draft: Pick<Draft, 'seed' | 'notes' | 'unsettled'>): string {
  const doc = new Document(strip(draft.seed));
  const head = draft.notes.get('') ?? '';
  const unsettled =
    draft.unsettled.length > 0
      ? `\nNot settled (corpus:add lists these until each todo is settled and removed):\n${draft.unsettled.map((u) => `- ${u}`).join('\n')}`
      : '';
  doc.commentBefore = ` ${(head + unsettled).split('\n').join('\n ')}`;
  const root = doc.contents as YAMLMap;
  const article = root.get('article', true) as unknown as YAMLMap;
  const body = article.get('body', true) as Scalar;
  body.type = Scalar.BLOCK_LITERAL;
  for (const list of ['speakers', 'organizations', 'events', 'quotes']) {
    const seq = root.get(list, true) as Node | undefined;
    if (!seq || !isSeq(seq)) continue;
    seq.items.forEach((item, i) => {
      const note = draft.notes.get(`${list}.${i}`);
      if (note && isMap(item)) (item as YAMLMap).commentBefore = ` ${wrap(note)}`;
    });
  }
  // A blank line between the sections, as in hand-written seeds.
  for (const pair of root.items.slice(1)) (pair.key as Scalar).spaceBefore = true;
  const text = doc.toString({ defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0, indentSeq: true });
  return `${SCHEMA_COMMENT}\n${text}`;
}

/** Long notes over several comment lines. */
function wrap(note: string, width = 110): string {
  const out: string[] = [];
  let line = '';
  for (const word of note.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n ');
}

/** Plain data without undefined values (YAML would write them as null). */
function strip<T>(value: T): T {
  if (Array.isArray(value)) return value.map(strip) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, strip(v)]),
    ) as T;
  }
  return value;
}
