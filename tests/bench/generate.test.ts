import { describe, expect, it } from 'vitest';
import { copyLine } from '../../bench/corpus/copy.js';
import { HEAVY_SHARE, sizeFor, SyntheticCorpus } from '../../bench/corpus/generate.js';

const collect = (corpus: SyntheticCorpus) => ({
  articles: [...corpus.articles()],
  events: [...corpus.events()],
  speakers: [...corpus.speakers()],
});

describe('synthetic bench corpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = collect(new SyntheticCorpus(sizeFor(2_000), 7));
    const b = collect(new SyntheticCorpus(sizeFor(2_000), 7));
    const c = collect(new SyntheticCorpus(sizeFor(2_000), 8));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('stores offsets where DIRECT and PARTIAL quotes stand in the body, and paragraphs that tile it', () => {
    const corpus = new SyntheticCorpus(sizeFor(3_000), 3);
    let quotes = 0;
    for (const { article, paragraphs, quotes: rows } of corpus.articles()) {
      const body = article.body as string;
      expect(paragraphs.map((p) => body.slice(p.start_offset as number, p.end_offset as number)).join('\n\n')).toBe(body);
      for (const q of rows) {
        quotes++;
        const slice = body.slice(q.start_offset as number, q.end_offset as number);
        if (q.kind !== 'INDIRECT') expect(slice).toBe(q.text);
        const p = paragraphs[q.paragraph as number];
        expect(q.start_offset).toBeGreaterThanOrEqual(p?.start_offset as number);
        expect(q.end_offset).toBeLessThanOrEqual(p?.end_offset as number);
      }
    }
    expect(quotes).toBe(3_000);
  });

  it('gives heavy speakers their share and every date precision to events', () => {
    const corpus = new SyntheticCorpus(sizeFor(10_000), 1);
    expect(corpus.quoteCounts[0]).toBe(10_000 * HEAVY_SHARE);
    expect(corpus.quoteCounts.reduce((s, n) => s + n, 0)).toBe(10_000);
    const precisions = new Set([...corpus.events()].map((e) => e.event.date_precision));
    expect(precisions).toEqual(new Set(['DAY', 'MONTH', 'YEAR', 'DECADE', 'APPROXIMATE', null]));
  });

  it('escapes COPY text: tabs, line breaks, backslashes, NULL and arrays', () => {
    expect(copyLine(['a', 'b', 'c', 'd'], { a: 'x\ty\nz\\', b: null, c: ['Pérez', 'a "b"'], d: true })).toBe(
      'x\\ty\\nz\\\\\t\\N\t{"Pérez","a \\\\"b\\\\""}\tt\n',
    );
  });
});
