/**
 * The repository's own corpus: its seeds are valid and migrated in their current version, and a
 * database migrated from migrations/ holds each seed's article exactly (offsets included).
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus/commands.js';
import { loadCorpus } from '../../src/corpus/corpus.js';
import { formatProblem } from '../../src/corpus/problems.js';
import { validateSeed } from '../../src/corpus/validate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { root } from './workspace.js';

const folders = { cwd: root, seeds: path.join(root, 'seeds'), migrations: path.join(root, 'migrations') };

it('the repository seeds agree with the migrations (corpus:check)', () => {
  expect(checkCorpus(folders).problems.map(formatProblem)).toEqual([]);
});

describeEachDatabase('the repository corpus, migrated', (suite) => {
  it('has every seed article with its body, hash, quotes, events and links as the seed says', async () => {
    const corpus = loadCorpus(folders.seeds, root);
    for (const seed of corpus.seeds) {
      const { article } = validateSeed(seed, corpus);
      expect(article, seed.file).toBeDefined();
      const a = article!;
      const [row] = await queryRows<{ id: number; body: string; source_hash: string }>(
        suite.db,
        sql`SELECT id, body, source_hash FROM articles WHERE slug = ${a.slug}`,
      );
      expect(row?.body).toBe(a.body);
      expect(row?.source_hash).toBe(seed.hash);
      const quotes = await queryRows<{
        speaker: string;
        kind: string;
        text: string;
        start_offset: number;
        end_offset: number;
        paragraph: number;
      }>(
        suite.db,
        sql`SELECT s.slug AS speaker, q.kind, q.text, q.start_offset, q.end_offset, q.paragraph
            FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = ${row!.id}
            `,
      );
      const inOrder = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(inOrder(quotes)).toEqual(
        inOrder(
          a.quotes.map((q) => ({
            speaker: q.speaker,
            kind: q.kind,
            text: q.text,
            start_offset: q.start,
            end_offset: q.end,
            paragraph: q.paragraph,
          })),
        ),
      );
      for (const q of quotes.filter((x) => x.kind !== 'INDIRECT')) expect(a.body.slice(q.start_offset, q.end_offset)).toBe(q.text);
      const events = await queryRows<{ slug: string; sentence: string; start_offset: number }>(
        suite.db,
        sql`SELECT e.slug, ae.sentence, ae.start_offset FROM article_events ae JOIN events e ON e.id = ae.event_id
            WHERE ae.article_id = ${row!.id} `,
      );
      expect(inOrder(events)).toEqual(inOrder(a.eventLinks.map((e) => ({ slug: e.slug, sentence: e.sentence, start_offset: e.start }))));
      const speakers = await queryRows<{ slug: string }>(
        suite.db,
        sql`SELECT s.slug FROM article_speakers l JOIN speakers s ON s.id = l.speaker_id WHERE l.article_id = ${row!.id}`,
      );
      expect(speakers.map((s) => s.slug).sort()).toEqual(a.speakerLinks.map((l) => l.slug).sort());
    }
  });
});
