import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { schema } from '../../src/schema/index.js';
import { graphiqlTabs } from '../../src/server/graphiql.js';
import { createApp, type App } from '../../src/server/app.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { execute, query } from '../helpers/graphql.js';
import { listenApp, type Listening } from '../helpers/listen.js';

it("has a schema description, which GraphiQL's Docs opens on (not GraphQL's generic sentence)", async () => {
  const handle = await openDatabase({});
  try {
    const data = await query(createApp({ db: handle.db }), '{ __schema { description } }');
    expect(data.__schema.description).toMatch(/^Verbatim: who said what/);
  } finally {
    await handle.close();
  }
});

it('every GraphiQL tab is a valid query against the schema', () => {
  expect(graphiqlTabs.length).toBeGreaterThanOrEqual(3);
  for (const tab of graphiqlTabs) expect(validate(schema, parse(tab.query)), tab.query).toEqual([]);
});

// On the seed corpus itself, as a person opening GraphiQL after `npm start` would.
describeEachDatabase('GraphiQL tabs on the seed corpus', (suite) => {
  let app: App;
  beforeAll(() => {
    app = createApp({ db: suite.db });
  });

  it('run without errors, and the example queries find data', async () => {
    const results = [];
    for (const tab of graphiqlTabs) {
      const result = await execute(app, tab.query, tab.variables ? JSON.parse(tab.variables) : {});
      expect(result.errors, tab.query).toBeUndefined();
      results.push(result.data);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted below
    const [quotes, events, search] = results as Record<string, any>[];
    expect(quotes!.speaker.quotes.totalCount).toBeGreaterThan(0);
    expect(events!.events.totalCount).toBeGreaterThan(0);
    expect(search!.organizations.nodes[0].slug).toBe('mara-salvatrucha');
    expect(search!.speakers.nodes[0].slug).toBe('claudia-sheinbaum');
  });

  it('are served in the GraphiQL page', async () => {
    const response = await app.fetch('http://verbatim.test/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    for (const name of ['QuotesBySpeaker', 'EventsInAMonth', 'Search']) expect(html).toContain(name);
  });
});

describeEachDatabase('GraphiQL page and assets', (suite) => {
  let server: Listening;
  let html: string;
  let page: Response;
  beforeAll(async () => {
    server = await listenApp(createApp({ db: suite.db, corpusVersion: await corpusVersionOf(suite.db) }));
    page = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
    html = await page.text();
  });
  afterAll(() => server.close());

  /** Every asset URL the page names: script, stylesheet, icon and Monaco's workers. */
  const assetUrls = () => [...new Set(html.match(/\/graphiql\/[\w.-]+/g))];

  it('is a small page, revalidated on each visit, that loads GraphiQL from hashed, immutable assets', async () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('vary')).toMatch(/Accept/);
    // The whole of GraphiQL used to be inline: 9 MB of HTML.
    expect(Buffer.byteLength(html)).toBeLessThan(20_000);
    const urls = assetUrls();
    expect(urls.map((u) => u.replace(/\.[0-9a-f]{16}\./, '.*.')).sort()).toEqual([
      '/graphiql/editor.worker.*.js',
      '/graphiql/favicon.*.ico',
      '/graphiql/graphiql.*.css',
      '/graphiql/graphiql.*.js',
      '/graphiql/graphql.worker.*.js',
      '/graphiql/json.worker.*.js',
    ]);
    for (const url of urls) {
      const response = await fetch(`${server.origin}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type'), url).toMatch(
        url.endsWith('.js') ? /^text\/javascript/ : url.endsWith('.css') ? /^text\/css/ : /^image\//,
      );
      // The hash in the URL is the content's: a new version is a new URL, so caching for good is safe.
      const body = Buffer.from(await response.arrayBuffer());
      expect(createHash('sha256').update(body).digest('hex').slice(0, 16), url).toBe(/\.([0-9a-f]{16})\./.exec(url)![1]);
    }
  });

  it('sends each asset brotli- or gzip-compressed as the request accepts, and whole otherwise', async () => {
    const [script] = assetUrls().filter((u) => u.includes('graphiql.') && u.endsWith('.js'));
    const raw = await rawGet(`${server.origin}${script}`, { 'accept-encoding': 'identity' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body.length).toBeGreaterThan(1_000_000);
    const brotliAccepted = 'gzip, deflate, br, zstd';
    // Until brotli has finished (once, in the background), gzip is sent; then brotli.
    const first = await rawGet(`${server.origin}${script}`, { 'accept-encoding': brotliAccepted });
    expect(first.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    await expect
      .poll(async () => (await rawGet(`${server.origin}${script}`, { 'accept-encoding': brotliAccepted })).headers['content-encoding'], {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('br');
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
    ] as const) {
      const r = await rawGet(`${server.origin}${script}`, { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe(encoding);
      expect(r.headers.vary, accept).toBe('Accept-Encoding');
      expect(Number(r.headers['content-length']), accept).toBe(r.body.length);
      expect(r.body.length, accept).toBeLessThan(raw.body.length / 2);
      expect(decode(r.body).equals(raw.body), accept).toBe(true);
      // One tag per representation, all revalidating (the URL names the content).
      expect(r.headers.etag, accept).toMatch(new RegExp(`^"[0-9a-f]{16}-${encoding}"$`));
      expect((await rawGet(`${server.origin}${script}`, { 'accept-encoding': accept, 'if-none-match': raw.headers.etag! })).status).toBe(
        304,
      );
    }
  });

  it('answers an unknown or stale asset with 404 and an unchanged page with 304', async () => {
    expect((await fetch(`${server.origin}/graphiql/graphiql.0123456789abcdef.js`)).status).toBe(404);
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html', 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('says in the first tab what the corpus holds, counted from the database', async () => {
    const counts = await query(
      createApp({ db: suite.db }),
      '{ articles { totalCount } speakers { totalCount } organizations { totalCount } quotes { totalCount } events { totalCount } }',
    );
    const n = (field: string) => (counts[field] as { totalCount: number }).totalCount;
    const options = JSON.parse(/renderYogaGraphiQL\([^,]+,\s*(\{.*\})\s*\);/s.exec(html)![1]!) as { defaultTabs: { query: string }[] };
    const first = options.defaultTabs[0]!.query;
    const comment = first
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.replace(/^#\s?/, ''))
      .join(' ');
    expect(comment).toContain(`holds ${n('articles')} article${n('articles') === 1 ? '' : 's'}, ${n('speakers')} speakers`);
    expect(comment).toContain(`${n('quotes')} quotes and ${n('events')} events`);
    expect(first).toContain('query QuotesBySpeaker');
    // Comment lines fit a narrow editor (which also wraps them).
    for (const tab of options.defaultTabs)
      for (const line of tab.query.split('\n').filter((l) => l.startsWith('#'))) expect(line.length).toBeLessThanOrEqual(52);
  });

  it('is not served with PERSISTED_ONLY=true, as the README says, and the root page says why', async () => {
    const only = await listenApp(createApp({ db: suite.db, config: defaultConfig({ persistedOnly: true }) }));
    try {
      const response = await fetch(`${only.origin}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(await response.text()).not.toContain('renderYogaGraphiQL');
      expect((await fetch(`${only.origin}${assetUrls()[0]}`)).status).toBe(404);
      expect(await (await fetch(`${only.origin}/`)).text()).toContain('GraphiQL is off on this server: PERSISTED_ONLY=true');
    } finally {
      await only.close();
    }
  });
});

/** A GET through node:http, which (unlike fetch) hands the body over as sent: still compressed. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
