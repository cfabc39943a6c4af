/** Graceful shutdown of a real server process on SIGTERM and SIGINT. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { testTargets } from '../helpers/databases.js';
import { startServer } from '../helpers/process.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { NO_SERVER_DATABASE, requires } from '../helpers/skip.js';

const post = (url: string, query: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('graceful shutdown [pglite]', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`exits 0 on ${signal}, closing the embedded database so it opens again`, async () => {
      const server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir });
      expect((await post(server.url, '{ __typename }')).status).toBe(200);
      const started = Date.now();
      expect(await server.stop(signal)).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(server.output()).toContain(`${signal}: finishing in-flight requests`);
      expect(server.output()).toContain('verbatim: stopped');
    }, 90_000);
  }
});

const pg = testTargets.find((t) => t.name === 'postgres');

describe('graceful shutdown with a request in flight [postgres]', requires(NO_SERVER_DATABASE), () => {
  it('finishes the in-flight request, refuses new connections, closes the pool and exits 0', async () => {
    const direct = await pg!.open();
    await migrate(direct.db);
    const [current] = await queryRows<{ name: string }>(direct.db, sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${current!.name}`;
    // Every byte towards PostgreSQL waits 1.5 s: a query takes that long.
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) }, { delayMs: 1_500 });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const server = await startServer({ DATABASE_URL: url.toString() });
    try {
      const inFlight = post(server.url, '{ article(slug: "slow") { id } }');
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      // A new connection is refused while the old request finishes.
      await expect(post(server.url, '{ __typename }')).rejects.toThrow();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { article: null } });
      expect(await server.exited).toBe(0);
      // The pool was closed: the server process holds no connection to the database any more.
      const [left] = await queryRows<{ n: number }>(
        direct.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      expect(left!.n).toBe(0);
    } finally {
      await server.stop('SIGKILL');
      await proxy.close();
      await direct.close();
    }
  }, 90_000);
});
