/**
 * The review page in a real browser (Debian's Chromium through playwright-core, as the GraphiQL
 * test): the seed article served by a running server (PGlite) shows every quote of the database
 * highlighted, word for word, each speaker in one colour of its own, the gloss beside it, the
 * linked names underlined and the events on a timeline in date order; a draft seed served by
 * corpus:review (a real process) shows its quotes too. Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runTsx, startServer, type ServerProcess } from '../helpers/process.js';

const CHROMIUM = '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`;
if (missing) console.warn(`tests/browser/review.test.ts skipped: ${missing}`);

const ARTIFACTS = path.join(root, 'test-artifacts');
const SEED = path.join(root, 'seeds/2025-08-15-trump-orders-pentagon-military-force-cartels.yaml');

interface Seed {
  article: { body: string };
  quotes: { speaker: string; kind: string; text: string }[];
  events: unknown[];
}

/** Only the page's own origin: anything else would be an external asset. */
async function onlyLocal(page: Page, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}

describe.skipIf(missing !== undefined)(`the review page in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-review-'));
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir });
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

  it('highlights every quote of the article in its speaker’s colour, with its gloss, names and timeline', async () => {
    const origin = new URL(server.url).origin;
    const seed = parse(readFileSync(SEED, 'utf8')) as Seed;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const blocked = await onlyLocal(page, origin);
    await page.goto(`${origin}/articles`);
    await page.getByRole('link', { name: 'Trump orders Pentagon to use military force against Latin American drug cartels' }).click();
    await page.waitForURL(`${origin}/articles/trump-orders-pentagon-military-force-cartels`);

    const marks = await page.locator('mark.quote').evaluateAll((els) =>
      els.map((e) => ({
        text: e.textContent ?? '',
        kind: e.getAttribute('data-kind'),
        speaker: e.getAttribute('data-speaker'),
        colour: getComputedStyle(e).backgroundColor,
        border: getComputedStyle(e).borderBottomColor,
      })),
    );
    expect(marks).toHaveLength(seed.quotes.length);
    // Every DIRECT and PARTIAL quote is highlighted word for word, by its speaker.
    for (const q of seed.quotes.filter((x) => x.kind !== 'INDIRECT')) {
      expect(marks.some((m) => m.kind === q.kind && m.speaker === q.speaker && m.text === q.text)).toBe(true);
    }
    // One colour per speaker, a different one for each (INDIRECT passages carry it as their underline).
    const colour = (m: (typeof marks)[number]) => (m.kind === 'INDIRECT' ? m.border : m.colour);
    const bySpeaker = new Map<string, Set<string>>();
    for (const m of marks) bySpeaker.set(m.speaker!, (bySpeaker.get(m.speaker!) ?? new Set()).add(colour(m)));
    for (const [speaker, colours] of bySpeaker) expect([speaker, colours.size]).toEqual([speaker, 1]);
    const distinct = new Set([...bySpeaker.values()].map((c) => [...c][0]));
    expect(distinct.size).toBe(bySpeaker.size);

    // Beside the first quote: its speaker, kind and verb.
    const gloss = (await page.locator('.gloss li[data-n="2"]').innerText()).replace(/\s+/g, ' ');
    expect(gloss).toContain('New York Times');
    expect(gloss).toContain('PARTIAL');
    expect(gloss).toContain('reports');
    // Linked names underlined.
    const name = page.locator('.name[data-speaker="claudia-sheinbaum"]').first();
    expect(await name.innerText()).toMatch(/Sheinbaum/);
    expect(await name.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    // The timeline: every event, dated ones in date order.
    const timeline = await page.locator('.timeline li .when').allInnerTexts();
    expect(timeline).toHaveLength(seed.events.length);
    expect(timeline[0]).toBe('1910 – 1920');
    expect(timeline).toContain('12 Aug 2025');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'review.png'), fullPage: false });
    expect(blocked).toEqual([]);
    const missingPage = await page.goto(`${origin}/articles/no-such-article`);
    expect(missingPage?.status()).toBe(404);
  }, 120_000);

  it('shows a draft seed served by corpus:review, with its problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-review-draft-'));
    const seeds = path.join(dir, 'seeds');
    mkdirSync(seeds);
    try {
      const raw = path.join(root, 'tests/corpus/fixtures/heldout/raw/2025-11-04-marlow-hospital-inquiry-missed-wages.html');
      const drafted = await runTsx([path.join(root, 'src/corpus/cli.ts'), 'draft', raw], {
        cwd: dir,
        env: { VERBATIM_SEEDS_DIR: seeds, VERBATIM_MIGRATIONS_DIR: path.join(root, 'migrations') },
        timeoutMs: 60_000,
      });
      expect(drafted.stderr).toBe('');
      const file = /wrote (\S+):/.exec(drafted.stdout)?.[1];
      expect(file).toBeDefined();
      const draft = parse(readFileSync(path.join(dir, file!), 'utf8')) as Seed;

      const child = spawn(
        path.join(root, 'node_modules/.bin/tsx'),
        [path.join(root, 'src/review/cli.ts'), path.join(dir, file!), '--seeds', seeds],
        { cwd: dir },
      );
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          const timer = setTimeout(() => reject(new Error(`corpus:review printed no URL:\n${out}`)), 60_000);
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /(http:\/\/\S+\/) /.exec(out);
            if (m) {
              clearTimeout(timer);
              resolve(m[1]!);
            }
          });
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        });
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const blocked = await onlyLocal(page, new URL(url).origin);
        await page.goto(url);
        expect(await page.locator('h1').innerText()).toBe('Hospital in Marlow faces inquiry over missed wages');
        expect(await page.locator('.meta').nth(1).innerText()).toContain('draft seed, not migrated');
        const texts = await page.locator('mark.quote:not([data-kind="INDIRECT"])').allTextContents();
        expect(texts).toEqual(draft.quotes.filter((q) => q.kind !== 'INDIRECT').map((q) => q.text));
        await page.screenshot({ path: path.join(ARTIFACTS, 'review-draft.png'), fullPage: false });
        expect(blocked).toEqual([]);
      } finally {
        child.kill('SIGTERM');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
