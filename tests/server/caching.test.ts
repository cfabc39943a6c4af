/**
 * HTTP caching through the public surface: GET queries get Cache-Control and an ETag tied to the
 * corpus version; If-None-Match answers 304 without executing; POST and errors are never cached;
 * a new article migration changes every ETag.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSeed } from '../../src/corpus/commands.js';
import type { CorpusVersion } from '../../src/db/corpus-version.js';
import { countStatements } from '../../src/db/instrument.js';
import { migrate } from '../../src/db/migrate.js';
import { createApp, type App } from '../../src/server/app.js';
import { defaultConfig } from '../../src/config.js';
import { ALPHA, createWorkspace, type Workspace } from '../corpus/workspace.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { listenApp } from '../helpers/listen.js';

const ARTICLES = 'query Articles { articles(first: 5) { totalCount nodes { slug } } }';

function getUrl(params: Record<string, unknown>): string {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return `http://verbatim.test/graphql?${search}`;
}

const get = (app: App, params: Record<string, unknown>, headers: Record<string, string> = {}) =>
  app.fetch(getUrl(params), { headers: { accept: 'application/graphql-response+json', ...headers } });

describeEachDatabase(
  'HTTP caching',
  (suite) => {
    let ws: Workspace;
    let version: CorpusVersion;
    let app: App;
    beforeAll(async () => {
      // The schema migrations only: the test adds an article migration of its own.
      ws = createWorkspace();
      await migrate(suite.db, ws.migrations);
      version = await corpusVersionOf(suite.db);
      app = createApp({ db: suite.db, config: defaultConfig({ cacheMaxAge: 30 }), corpusVersion: version });
    });
    afterAll(() => ws.remove());

    it('answers a GET query with Cache-Control and a weak ETag', async () => {
      const response = await get(app, { query: ARTICLES });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=30, must-revalidate');
      expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]{32}"$/);
      expect(response.headers.get('vary')).toMatch(/Accept/);
      // Same request, same ETag; another variable value, another ETag.
      const again = await get(app, { query: ARTICLES });
      expect(again.headers.get('etag')).toBe(response.headers.get('etag'));
      const other = await get(app, { query: 'query A($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 1 } });
      const other2 = await get(app, { query: 'query A($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 2 } });
      expect(other.headers.get('etag')).not.toBe(other2.headers.get('etag'));
      expect(other.headers.get('etag')).not.toBe(response.headers.get('etag'));
    });

    it('answers a matching If-None-Match with 304, no body and no SQL', async () => {
      const first = await get(app, { query: ARTICLES });
      const etag = first.headers.get('etag')!;
      const { result: revalidated, statements } = await countStatements(async () => {
        const r = await get(app, { query: ARTICLES }, { 'if-none-match': etag });
        return { status: r.status, body: await r.text(), etag: r.headers.get('etag'), cc: r.headers.get('cache-control') };
      });
      expect(revalidated).toEqual({ status: 304, body: '', etag, cc: 'public, max-age=30, must-revalidate' });
      expect(statements).toBe(0);
      // A list of tags works; a stale tag gets the full answer.
      expect((await get(app, { query: ARTICLES }, { 'if-none-match': `W/"other", ${etag}` })).status).toBe(304);
      expect((await get(app, { query: ARTICLES }, { 'if-none-match': 'W/"stale"' })).status).toBe(200);
      // `no-cache` tells caches to ask the origin; the origin still answers a matching tag with 304.
      for (const cc of ['no-cache', 'max-age=0', 'no-store']) {
        expect((await get(app, { query: ARTICLES }, { 'if-none-match': etag, 'cache-control': cc, pragma: 'no-cache' })).status, cc).toBe(
          304,
        );
      }
    });

    it("answers Node's own fetch revalidating with If-None-Match (it adds Cache-Control: no-cache) with 304", async () => {
      const server = await listenApp(app);
      try {
        const url = `${server.origin}/graphql?${new URLSearchParams({ query: ARTICLES })}`;
        const first = await fetch(url, { headers: { accept: 'application/graphql-response+json' } });
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        await first.text();
        const again = await fetch(url, { headers: { accept: 'application/graphql-response+json', 'if-none-match': etag } });
        expect({ status: again.status, etag: again.headers.get('etag'), body: await again.text() }).toEqual({
          status: 304,
          etag,
          body: '',
        });
      } finally {
        await server.close();
      }
    });

    it('never caches POST, errors, or a server without a known corpus version', async () => {
      const post = await app.fetch('http://verbatim.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ARTICLES }),
      });
      expect(post.status).toBe(200);
      expect(post.headers.get('cache-control')).toBe('no-store');
      expect(post.headers.get('etag')).toBeNull();

      // An execution error (unknown slug filter) and a validation error.
      for (const query of ['{ quotes(speaker: "nobody-at-all") { totalCount } }', '{ nope }']) {
        const r = await get(app, { query });
        expect(r.headers.get('cache-control'), query).toBe('no-store');
        expect(r.headers.get('etag'), query).toBeNull();
        expect(((await r.json()) as { errors?: unknown[] }).errors?.length, query).toBeGreaterThan(0);
      }

      const unversioned = createApp({ db: suite.db });
      const r = await get(unversioned, { query: ARTICLES });
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('etag')).toBeNull();
    });

    it('changes every ETag when a new article migration is applied', async () => {
      const before = await get(app, { query: ARTICLES });
      const oldTag = before.headers.get('etag')!;
      expect(((await before.json()) as { data: { articles: { totalCount: number } } }).data.articles.totalCount).toBe(0);
      const oldVersion = version.value;

      const seed = ws.seed(ALPHA);
      const added = addSeed(path.join(ws.dir, seed), ws.folders);
      expect(added.status, JSON.stringify(added)).toBe('written');
      expect((await migrate(suite.db, ws.migrations)).applied).toHaveLength(1);
      await version.refresh();
      expect(version.value).not.toBe(oldVersion);

      const after = await get(app, { query: ARTICLES }, { 'if-none-match': oldTag });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).toMatch(/^W\//);
      expect(after.headers.get('etag')).not.toBe(oldTag);
      const body = (await after.json()) as { data: { articles: { totalCount: number; nodes: { slug: string }[] } } };
      expect(body.data.articles.totalCount).toBe(1);
      expect(body.data.articles.nodes[0]?.slug).toBe('alpha-article');
    });
  },
  { migrated: false },
);
