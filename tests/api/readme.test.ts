/** The README's example queries, run on the seed corpus, give exactly the output the README shows. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute } from '../helpers/graphql.js';

const MARK = '<!-- output on the seed corpus (tests/api/readme.test.ts checks it) -->';
const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** Each ```graphql block followed by the marked ```json block of its output. */
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```\n\n(.*)\n```json\n([\s\S]*?)```/g)]
  .filter((m) => m[2] === MARK)
  .map((m) => ({ query: m[1]!, output: JSON.parse(m[3]!) as unknown }));

/**
 * ts_headline picks its fragments differently across PostgreSQL versions (15 on the server, 18 in
 * PGlite): a snippet is compared by being a highlighted string, the rest exactly.
 */
function withoutSnippets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSnippets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k !== 'snippet') return [k, withoutSnippets(v)];
        expect(v).toMatch(/<mark>[^<]+<\/mark>/);
        return [k, 'a highlighted snippet'];
      }),
    );
  }
  return value;
}

it('the README has examples with outputs', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

describeEachDatabase('README examples on the seed corpus', (suite) => {
  let app: App;
  beforeAll(() => {
    app = createApp({ db: suite.db });
  });

  for (const [i, example] of examples.entries()) {
    it(`example ${i + 1}: ${example.query.split('\n')[1]?.trim().slice(0, 60)}`, async () => {
      const result = await execute(app, example.query);
      expect(result.errors).toBeUndefined();
      expect(withoutSnippets({ data: result.data })).toEqual(withoutSnippets(example.output));
    });
  }
});
