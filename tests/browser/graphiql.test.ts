/**
 * GraphiQL in a real browser: Debian's Chromium, driven by playwright-core, opens GraphiQL from a
 * running server (seed corpus on PGlite) with every other host blocked, runs the preloaded first
 * tab and sees seed data in the result; the screenshot goes to test-artifacts/.
 *
 * Without /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it) it is skipped,
 * and says so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startServer, type ServerProcess } from '../helpers/process.js';

const CHROMIUM = '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`;
if (missing) console.warn(`tests/browser/graphiql.test.ts skipped: ${missing}`);

const ARTIFACTS = path.join(root, 'test-artifacts');

describe.skipIf(missing !== undefined)(`GraphiQL in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-browser-'));
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the preloaded example query and shows seed data, with nothing fetched from elsewhere', async () => {
    const origin = new URL(server.url).origin;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const blocked: string[] = [];
    // Only our server: a CDN script or font would show up here (and fail to load).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

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
    const text = (await response.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toMatch(/"totalCount": [1-9]/);
    // One of her quotes in the seed article, word for word.
    expect(text).toContain('"We were informed');
    expect(text).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png'), fullPage: true });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
