/** /health while the process lives; /ready only when the database answers and is fully migrated. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { MIGRATIONS_FOLDER, migrate, migrationTags } from '../../src/db/migrate.js';
import { createApp } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { listenApp } from '../helpers/listen.js';

const partial = mkdtempSync(path.join(tmpdir(), 'verbatim-ready-'));
afterAll(() => rmSync(partial, { recursive: true, force: true }));
// The schema migration alone: the database is reachable but not up to date.
cpSync(MIGRATIONS_FOLDER, partial, { recursive: true });
const journalFile = path.join(partial, 'meta/_journal.json');
const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
journal.entries = journal.entries.slice(0, 1);
writeFileSync(journalFile, JSON.stringify(journal));

describeEachDatabase(
  'health and readiness',
  (suite) => {
    it('/ready answers 503 naming the pending migrations, then 200 once they are applied', async () => {
      await migrate(suite.db, partial);
      const app = createApp({ db: suite.db });
      expect((await app.fetch('http://verbatim.test/health')).status).toBe(200);
      const notReady = await app.fetch('http://verbatim.test/ready');
      expect(notReady.status).toBe(503);
      const body = (await notReady.json()) as { status: string; reason: string };
      expect(body.status).toBe('unavailable');
      expect(body.reason).toBe(`migrations pending: ${migrationTags().slice(1).join(', ')}`);
      expect(notReady.headers.get('cache-control')).toBe('no-store');

      await migrate(suite.db);
      const ready = await app.fetch('http://verbatim.test/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    });
  },
  { migrated: false },
);

it('/health answers 200 {"status":"ok"} as JSON, to Node\'s fetch on a listening server', async () => {
  const handle = await openDatabase({});
  const server = await listenApp(createApp({ db: handle.db, readiness: async () => ({ ready: true }) }));
  try {
    const response = await fetch(`${server.origin}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
    // Only /health itself: yoga's own check answered any URL ending in /health.
    expect((await fetch(`${server.origin}/graphql/health`)).status).not.toBe(200);
  } finally {
    await server.close();
    await handle.close();
  }
});

it('/ready names what failed during an outage, never the SQL (production too)', async () => {
  const broken = await openDatabase({});
  await broken.close();
  const server = await listenApp(createApp({ db: broken.db, config: loadConfig({ NODE_ENV: 'production' }) }));
  try {
    const response = await fetch(`${server.origin}/ready`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).toMatch(/^database unreachable/);
    expect(JSON.stringify(body)).not.toMatch(/select|query|params/i);
  } finally {
    await server.close();
  }
});
