/**
 * The server-side response cache through the public surface: a repeated query is answered without
 * SQL, keyed by the corpus version (a migration is seen at once), errors are never kept, and the
 * store is bounded in bytes.
 */
import path from 'node:path';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSeed } from '../../src/corpus/commands.js';
import type { CorpusVersion } from '../../src/db/corpus-version.js';
import { countStatements } from '../../src/db/instrument.js';
import { migrate } from '../../src/db/migrate.js';
import { createApp, type App } from '../../src/server/app.js';
import { boundedStore } from '../../src/server/response-cache.js';
import { defaultConfig } from '../../src/config.js';
import { ALPHA, createWorkspace, type Workspace } from '../corpus/workspace.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute } from '../helpers/graphql.js';

const ARTICLES = 'query Articles($n: Int) { articles(first: $n) { totalCount nodes { slug title } } }';

const counted = (app: App, query: string, variables: Record<string, unknown> = {}) => countStatements(() => execute(app, query, variables));

describeEachDatabase(
  'response cache',
  (suite) => {
    let ws: Workspace;
    let version: CorpusVersion;
    let app: App;
    beforeAll(async () => {
      ws = createWorkspace();
      await migrate(suite.db, ws.migrations);
      version = await corpusVersionOf(suite.db);
      app = createApp({ db: suite.db, corpusVersion: version });
    });
    afterAll(() => ws.remove());

    it('answers a repeated query from memory, with no SQL and the same body', async () => {
      const first = await counted(app, ARTICLES, { n: 5 });
      expect(first.statements).toBeGreaterThan(0);
      const second = await counted(app, ARTICLES, { n: 5 });
      expect(second.statements).toBe(0);
      expect(second.result).toEqual(first.result);
      // Other variables are another request.
      expect((await counted(app, ARTICLES, { n: 6 })).statements).toBeGreaterThan(0);
    });

    it('never keeps an answer with errors', async () => {
      const doc = '{ quotes(speaker: "nobody-at-all") { totalCount } }';
      for (let i = 0; i < 2; i++) {
        const { result, statements } = await counted(app, doc);
        expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(statements).toBeGreaterThan(0);
      }
    });

    it('follows the corpus version: after a migration the same query gets the new corpus', async () => {
      const before = await counted(app, ARTICLES, { n: 10 });
      expect((before.result.data as { articles: { totalCount: number } }).articles.totalCount).toBe(0);
      expect((await counted(app, ARTICLES, { n: 10 })).statements).toBe(0);

      expect(addSeed(path.join(ws.dir, ws.seed(ALPHA)), ws.folders).status).toBe('written');
      await migrate(suite.db, ws.migrations);
      await version.refresh();

      const after = await counted(app, ARTICLES, { n: 10 });
      expect(after.statements).toBeGreaterThan(0);
      expect(after.result.data).toEqual({ articles: { totalCount: 1, nodes: [{ slug: 'alpha-article', title: expect.any(String) }] } });
    });

    it('keeps nothing when turned off (RESPONSE_CACHE_MB=0) or without a corpus version', async () => {
      for (const other of [
        createApp({ db: suite.db, corpusVersion: version, config: defaultConfig({ responseCacheMb: 0 }) }),
        createApp({ db: suite.db }),
      ]) {
        await counted(other, ARTICLES, { n: 3 });
        expect((await counted(other, ARTICLES, { n: 3 })).statements).toBeGreaterThan(0);
      }
    });

    it('counts hits and misses, and the bytes it holds, in /metrics', async () => {
      const fresh = createApp({ db: suite.db, corpusVersion: version });
      await counted(fresh, ARTICLES, { n: 4 });
      await counted(fresh, ARTICLES, { n: 4 });
      await counted(fresh, ARTICLES, { n: 4 });
      const text = await (await fresh.fetch('http://verbatim.test/metrics')).text();
      expect(text).toMatch(/^verbatim_response_cache_lookups_total\{result="miss"\} 1$/m);
      expect(text).toMatch(/^verbatim_response_cache_lookups_total\{result="hit"\} 2$/m);
      const bytes = Number(/^verbatim_response_cache_bytes (\d+)$/m.exec(text)?.[1]);
      expect(bytes).toBeGreaterThan(50);
    });

    it('a GET answered from the cache still carries its Cache-Control and ETag', async () => {
      const url = `http://verbatim.test/graphql?${new URLSearchParams({ query: ARTICLES, variables: '{"n":2}' })}`;
      const headers = { accept: 'application/graphql-response+json' };
      const first = await app.fetch(url, { headers });
      const { result: second, statements } = await countStatements(async () => app.fetch(url, { headers }));
      expect(statements).toBe(0);
      expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      expect(second.headers.get('cache-control')).toMatch(/^public/);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    });
  },
  { migrated: false },
);

describe('boundedStore', () => {
  const result = (n: number): ExecutionResult => ({ data: { text: 'x'.repeat(n) } });

  it('evicts the least recently used results past its byte budget, and keeps none larger than it', async () => {
    const store = boundedStore(1_000);
    void store.set('a', result(400), [], Infinity);
    void store.set('b', result(400), [], Infinity);
    expect(await store.get('a')).toBeDefined(); // a is now more recent than b
    void store.set('c', result(400), [], Infinity);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toEqual(result(400));
    expect(await store.get('c')).toEqual(result(400));
    void store.set('huge', result(5_000), [], Infinity);
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });
});
