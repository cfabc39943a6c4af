/**
 * The page statement of a text search (src/db/pages.ts matchingList) against a brute-force
 * answer: every page of every search, forward and back, from every cursor, with walks so short
 * that each of its three reads answers some of them (the walk's own matches, the walk that saw
 * the whole list, the matches found through the text index and sorted).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { loadPages, matchingList, type KeyValue, type PageRequest } from '../../src/db/pages.js';
import { queryRows } from '../../src/db/rows.js';
import { type quotes } from '../../src/db/schema.js';
import { textQuery } from '../../src/schema/matching.js';
import { QUOTE, quoteOrder } from '../../src/schema/quote.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedCorpus, type Fixture } from '../helpers/fixtures.js';

const WORDS = ['invasion', 'terrorist', 'sovereignty', 'said', 'violence OR cooperate', 'nothing-like-it', 'the'];

describeEachDatabase('text search pages', (suite) => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await seedCorpus(suite.db);
  });

  it('answer what sorting every match answers, whatever the walk, page, direction and cursor', async () => {
    let pages = 0;
    for (const word of WORDS) {
      for (const speaker of [null, fixture.speakers['claudia-sheinbaum']!]) {
        const others = (q: typeof quotes) => (speaker === null ? [] : [sql`${q.speakerId} = ${speaker}`]);
        const all = await queryRows<{ id: number; k: string }>(
          suite.db,
          sql`SELECT id, json_build_array(published_on::text, article_id, start_offset, id)::text AS k FROM quotes
              WHERE search @@ ${textQuery(word)} ${speaker === null ? sql`` : sql`AND speaker_id = ${speaker}`}
              ORDER BY published_on, article_id, start_offset, id`,
        );
        const keys = all.map((r) => JSON.parse(r.k) as KeyValue[]);
        for (const walk of [1, 2, 3, 50]) {
          const list = matchingList({
            node: QUOTE,
            ordering: quoteOrder,
            match: (q) => sql`${q.search} @@ ${textQuery(word)}`,
            others,
            walk,
          });
          for (const size of [1, 2, 3]) {
            for (const backward of [false, true]) {
              for (let at = -1; at < all.length; at += 1) {
                const cursor = at < 0 ? null : (keys[at] as KeyValue[]);
                const request: PageRequest = {
                  backward,
                  size,
                  after: backward ? null : cursor,
                  before: backward ? cursor : null,
                  totalCount: true,
                  outside: true,
                  nested: [],
                };
                const [page] = await loadPages(suite.db, list, [0], request);
                const inWindow = at < 0 ? all : backward ? all.slice(0, at) : all.slice(at + 1);
                const expected = backward ? inWindow.slice(-size) : inWindow.slice(0, size);
                const what = `${word} speaker=${speaker} walk=${walk} size=${size} ${backward ? 'before' : 'after'} #${at}`;
                expect(
                  page!.rows.map((r) => r.row.id),
                  what,
                ).toEqual(expected.map((r) => r.id));
                expect(page!.totalCount, what).toBe(all.length);
                expect(backward ? page!.hasPreviousPage : page!.hasNextPage, what).toBe(inWindow.length > size);
                pages += 1;
              }
            }
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(500);
  }, 600_000);
});
