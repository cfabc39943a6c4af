/**
 * The typed client example: its generated types are current, and it runs as a real process
 * against a real server process over HTTP, finding the seed corpus's quotes and events.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { root, runTsx, startServer, type ServerProcess } from '../helpers/process.js';

describe('examples/generated', () => {
  it('is what graphql-codegen makes from schema.graphql and operations/ now (run npm run codegen)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(path.resolve(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});

describe('examples/quotes-and-events.ts against a running server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-client-'));
  let server: ServerProcess;
  beforeAll(async () => {
    // The embedded database migrates at start: the seed corpus arrives with its migration.
    server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the speaker’s quotes and the month’s events from the seed corpus', async () => {
    const run = await runTsx(['examples/quotes-and-events.ts', server.url, 'claudia-sheinbaum', '2025-08-01', '2025-08-31'], {
      timeoutMs: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      speaker: string;
      quotes: { kind: string; text: string; article: string; offsets: [number, number] }[];
      events: { slug: string; date: string | null; precision: string | null }[];
    };
    expect(result.speaker).toBe('claudia-sheinbaum');
    expect(result.quotes.length).toBeGreaterThan(0);
    expect(result.quotes.every((q) => q.article === 'trump-orders-pentagon-military-force-cartels')).toBe(true);
    expect(result.events.length).toBeGreaterThan(0);
    for (const e of result.events) if (e.date) expect(e.date <= '2025-08-31').toBe(true);
    // It asked over GET: the server logged its operations as cacheable GETs.
    const requests = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { method: string; operation: string; status: number });
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'GET', operation: 'QuotesBySpeaker', status: 200 }),
        expect.objectContaining({ method: 'GET', operation: 'EventsBetween', status: 200 }),
      ]),
    );
  }, 90_000);

  it('exits non-zero with one line when the server refuses the request', async () => {
    const run = await runTsx(['examples/quotes-and-events.ts', server.url, 'nobody-at-all'], { timeoutMs: 60_000 });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^quotes-and-events: .*nobody-at-all/);
  }, 90_000);
});
