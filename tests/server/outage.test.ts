/**
 * Database outages on the real server: cut a TCP proxy between the app and PostgreSQL, then
 * restore it. The app must answer clean coded errors quickly and recover without a restart.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { createApp, type App } from '../../src/server/app.js';
import { testTargets } from '../helpers/databases.js';
import { execute } from '../helpers/graphql.js';
import { startServer } from '../helpers/process.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { NO_SERVER_DATABASE, requires } from '../helpers/skip.js';

const server = testTargets.find((t) => t.name === 'postgres');

describe('a database outage [postgres]', requires(NO_SERVER_DATABASE), () => {
  let direct: DatabaseHandle;
  let proxied: DatabaseHandle;
  let proxy: TcpProxy;
  let app: App;
  let proxiedUrl: string;

  beforeAll(async () => {
    direct = await server!.open();
    await migrate(direct.db);
    // The fresh database's URL, re-pointed at the proxy.
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const [current] = await queryRows<{ name: string }>(direct.db, sql`select current_database() as name`);
    url.pathname = `/${current!.name}`;
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    proxiedUrl = url.toString();
    proxied = await openDatabase({ url: proxiedUrl, connectTimeout: 2 });
    app = createApp({ db: proxied.db });
  });

  afterAll(async () => {
    await proxied?.close().catch(() => {});
    await proxy?.close();
    await direct?.close();
  });

  const ask = () => execute(app, '{ article(slug: "nothing-here") { id } }');

  it('answers normally while the database is up', async () => {
    const r = await ask();
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ article: null });
    expect((await app.fetch('http://verbatim.test/ready')).status).toBe(200);
  });

  it('answers a clean, coded error within a bounded time while it is down, and /ready says 503', async () => {
    await proxy.cut();
    const started = Date.now();
    const r = await ask();
    const elapsed = Date.now() - started;
    expect(r.status).toBe(503);
    expect(r.errors).toEqual([
      { message: 'The database is unavailable; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|stack|select/i);
    expect(elapsed).toBeLessThan(10_000);
    const ready = await app.fetch('http://verbatim.test/ready');
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string }).status).toBe('unavailable');
    expect((await app.fetch('http://verbatim.test/health')).status).toBe(200);
  });

  it('recovers without a restart when the database comes back', async () => {
    await proxy.restore();
    const r = await ask();
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ article: null });
    expect((await app.fetch('http://verbatim.test/ready')).status).toBe(200);
  });

  it('lets the server process start while the database is down, and become ready when it is up', async () => {
    await proxy.cut();
    const proc = await startServer({ DATABASE_URL: proxiedUrl });
    try {
      expect(proc.output()).toMatch(/is unavailable \(connection refused.*\); starting anyway/);
      const base = new URL(proc.url);
      expect((await fetch(new URL('/health', base))).status).toBe(200);
      expect((await fetch(new URL('/ready', base))).status).toBe(503);
      await proxy.restore();
      expect((await fetch(new URL('/ready', base))).status).toBe(200);
    } finally {
      expect(await proc.stop()).toBe(0);
    }
  }, 60_000);
});
