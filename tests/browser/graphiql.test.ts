/**
 * GraphiQL in a real browser: Debian's Chromium, driven by playwright-core, opens GraphiQL from a
 * running server (seed corpus on PGlite), runs the preloaded first tab and sees seed data in the
 * result; nothing is fetched from another host; the screenshot goes to test-artifacts/. It prints
 * the bytes transferred and the time to the first result, for a first visit and a second one, and
 * checks the assets came compressed and, the second time, from the browser's cache. A page's own
 * `fetch` revalidating a GET query gets 304.
 *
 * Without /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it) it is skipped,
 * and the run's summary says why.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startServer, type ServerProcess } from '../helpers/process.js';
import { CHROMIUM, NO_CHROMIUM, requires } from '../helpers/skip.js';

const ARTIFACTS = path.join(root, 'test-artifacts');

interface Loaded {
  url: string;
  status: number;
  encoding: string | undefined;
  /** Bytes on the wire (headers and the body as sent); 0 when served from the browser's cache. */
  bytes: number;
  fromCache: boolean;
}

interface Visit {
  /** From navigation to the first tab's result on screen, having clicked Run. */
  ms: number;
  loaded: Loaded[];
  /** Requests for anything but our server (a CDN script or font would show here). */
  elsewhere: string[];
  pageErrors: string[];
  responseText: string;
  /** Each Monaco editor's wordWrap option. */
  wraps: (string | undefined)[];
}

describe('GraphiQL in headless Chromium', requires(NO_CHROMIUM), () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-browser-'));
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    origin = new URL(server.url).origin;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Every host name fails to resolve: only our loopback server can answer. (Not page.route:
      // intercepting requests turns the browser's HTTP cache off, and the cache is under test.)
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function visit(): Promise<Visit> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const loaded = new Map<string, Loaded>();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const header = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
      loaded.set(requestId, {
        url: response.url,
        status: response.status,
        encoding: header?.[1],
        bytes: 0,
        fromCache: Boolean(response.fromDiskCache || response.fromPrefetchCache),
      });
    });
    cdp.on('Network.requestServedFromCache', ({ requestId }) => {
      const entry = loaded.get(requestId);
      if (entry) entry.fromCache = true;
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const entry = loaded.get(requestId);
      if (entry) entry.bytes = encodedDataLength;
    });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    const started = performance.now();
    await page.goto(server.url, { waitUntil: 'load' });
    const execute = page.locator('.graphiql-execute-button');
    await execute.waitFor({ state: 'visible', timeout: 30_000 });
    // The first tab is the quotes-by-speaker example, already in the editor.
    await expect
      .poll(async () => (await page.locator('.graphiql-query-editor').innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain('query QuotesBySpeaker');
    await execute.click();
    const response = page.locator('.graphiql-response');
    await expect
      .poll(async () => (await response.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain('"name": "Claudia Sheinbaum"');
    const ms = performance.now() - started;
    // Every editor wraps long lines (the example comments would otherwise run off the edge).
    const wraps = await page.evaluate(() =>
      (globalThis as unknown as { monaco: { editor: { getEditors(): { getRawOptions(): { wordWrap?: string } }[] } } }).monaco.editor
        .getEditors()
        .map((e) => e.getRawOptions().wordWrap),
    );
    const responseText = (await response.innerText()).replace(/\u00a0/g, ' ');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png'), fullPage: true });
    await page.close();
    return { ms, loaded: [...loaded.values()], elsewhere, pageErrors, responseText, wraps };
  }

  const assets = (v: Visit) => v.loaded.filter((l) => new URL(l.url).pathname.startsWith('/graphiql/'));
  // data: URLs (the fonts inside the stylesheet) cross no wire.
  const sum = (v: Visit) => v.loaded.filter((l) => !l.url.startsWith('data:')).reduce((n, l) => n + l.bytes, 0);
  const report = (label: string, v: Visit) =>
    console.log(
      `GraphiQL ${label}: ${(sum(v) / 1024).toFixed(0)} kB transferred in ${v.loaded.length} responses ` +
        `(${assets(v).filter((a) => a.fromCache).length} of ${assets(v).length} assets from the browser's cache), ` +
        `first result after ${Math.round(v.ms)} ms; largest: ` +
        v.loaded
          .filter((l) => !l.url.startsWith('data:'))
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, 3)
          .map((l) => `${new URL(l.url).pathname} ${(l.bytes / 1024).toFixed(0)} kB${l.encoding ? ` ${l.encoding}` : ''}`)
          .join(', '),
    );

  it('runs the preloaded example query from compressed assets, and from the cache the second time', async () => {
    const first = await visit();
    report('first visit', first);
    expect(first.responseText).toMatch(/"totalCount": [1-9]/);
    // One of her quotes in the seed article, word for word.
    expect(first.responseText).toContain('"We were informed');
    expect(first.responseText).not.toContain('"errors"');
    expect(first.elsewhere).toEqual([]);
    expect(first.pageErrors).toEqual([]);
    expect(first.wraps.length).toBeGreaterThanOrEqual(2);
    expect(
      first.wraps.every((w) => w === 'on'),
      JSON.stringify(first.wraps),
    ).toBe(true);
    const scripts = assets(first).filter((a) => /\.(js|css)$/.test(a.url));
    // The script and the stylesheet (Monaco's workers load in targets of their own: see the log below).
    expect(scripts.map((a) => new URL(a.url).pathname.replace(/\.[0-9a-f]{16}\./, '.')).sort()).toEqual([
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
    ]);
    for (const asset of scripts) {
      expect(asset.status, asset.url).toBe(200);
      expect(asset.encoding, asset.url).toMatch(/^(br|gzip)$/);
    }
    // ~9 MB uncompressed; what crossed the wire is well under half.
    expect(sum(first)).toBeLessThan(4_500_000);

    const assetRequests = () =>
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('"path":"/graphiql/'));
    // Monaco's workers came from our URLs too.
    for (const worker of ['editor', 'json', 'graphql']) expect(assetRequests().join('\n')).toContain(`/graphiql/${worker}.worker.`);
    const requestsBefore = assetRequests().length;
    const second = await visit();
    report('second visit', second);
    expect(second.responseText).toContain('"name": "Claudia Sheinbaum"');
    for (const asset of assets(second)) expect(asset.fromCache, asset.url).toBe(true);
    // Not one asset request reached the server: its log has no new line for them.
    expect(assetRequests().length).toBe(requestsBefore);
    // What still crosses the wire is the page, the schema (introspection) and the result.
    expect(assets(second).reduce((n, a) => n + a.bytes, 0)).toBe(0);
    expect(sum(second)).toBeLessThan(sum(first) / 4);
  }, 180_000);

  it("gets 304 when the page's own fetch revalidates a GET query with If-None-Match", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const sent: Record<string, string>[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql?')) void request.allHeaders().then((h) => sent.push(h));
    });
    const statuses = await page.evaluate(async () => {
      const url = `/graphql?query=${encodeURIComponent('query Count { articles { totalCount } }')}`;
      const headers = { accept: 'application/graphql-response+json' };
      const first = await fetch(url, { headers });
      await first.text();
      const etag = first.headers.get('etag') ?? '';
      // A conditional header makes fetch skip the browser's cache and send Cache-Control: no-cache.
      const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
      return [first.status, again.status, etag];
    });
    await page.close();
    expect(statuses[0]).toBe(200);
    expect(statuses[2]).toMatch(/^W\//);
    expect(statuses[1]).toBe(304);
    expect(sent.some((h) => h['if-none-match'] === statuses[2])).toBe(true);
  }, 60_000);
});
