/** Running the drafter's rules on short texts of our own. */
import { corpusOf, type Corpus } from '../../../src/corpus/corpus.js';
import { draftSeed, type Draft } from '../../../src/corpus/draft/draft.js';

/** A draft of a plain-text article whose body is `paragraphs` (title and date lines added). */
export function draftOf(paragraphs: string[], options: { publishedOn?: string; corpus?: Corpus } = {}): Draft {
  const text = [
    'Test article',
    '',
    'By Test Writer',
    `${options.publishedOn ?? '2025-08-15'}`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
  return draftSeed({ file: 'article.txt', text, corpus: options.corpus ?? corpusOf([]), publishedOn: options.publishedOn ?? '2025-08-15' });
}

/** Quotes as [kind, text, speaker name, verb]. */
export function quotesOf(d: Draft): [string, string, string | undefined, string | undefined][] {
  return d.found.quotes.map((q) => [q.candidate.kind, q.candidate.text, q.attribution.speaker?.name, q.attribution.verb]);
}
