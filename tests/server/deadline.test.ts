/**
 * Work bounded per request: searches cost what they may read, so thirty aliased searches are
 * refused before any SQL; and a request's database time has a deadline, past which its statements
 * are cancelled (PostgreSQL) or no longer started (PGlite), while other requests are answered.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { countStatements } from '../../src/db/instrument.js';
import { queryRows } from '../../src/db/rows.js';
import { createApp, type App } from '../../src/server/app.js';
import { LIMIT_CODES } from '../../src/server/limits.js';
import { describeEachDatabase, testTargets } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';
import { execute } from '../helpers/graphql.js';

const aliased = (n: number, field: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

describeEachDatabase('searches in the cost estimate', (suite) => {
  let app: App;
  beforeAll(async () => {
    await seedCorpus(suite.db);
    app = createApp({ db: suite.db });
  });

  // Every root list that takes a search text, and the search field itself.
  const searches: [string, (i: number) => string][] = [
    ['articles', (i) => `articles(search: "zzqx${i}", first: 1) { nodes { slug } }`],
    ['quotes', (i) => `quotes(search: "zzqx${i}", first: 1) { nodes { text } }`],
    ['speakers', (i) => `speakers(search: "zzqx${i}", first: 1) { nodes { slug } }`],
    ['organizations', (i) => `organizations(search: "zzqx${i}", first: 1) { nodes { slug } }`],
    ['search', (i) => `search(query: "zzqx${i}", first: 1) { edges { snippet } }`],
  ];

  it.each(searches)('refuses thirty aliased %s searches under the default limits, before any SQL', async (_name, field) => {
    const { result, statements } = await countStatements(() => execute(app, aliased(30, field)));
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result)).toBe(LIMIT_CODES.cost);
    expect(statements).toBe(0);
    // One is an ordinary request.
    const one = await execute(app, aliased(1, field));
    expect(one.errors).toBeUndefined();
  });
});

/** A trivial request that reads no table the tests lock. */
const TRIVIAL = '{ article(slug: "mexico-rejects-strikes") { title } }';
/** Ten root fields reading speakers: today, ten statements on ten connections. */
const SPEAKERS = aliased(10, (i) => `speakers(first: ${i + 1}) { nodes { slug } }`);

const server = testTargets.find((t) => t.name === 'postgres');

describe.skipIf(!server)('the request deadline [postgres]', () => {
  let owner: DatabaseHandle;
  let served: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    owner = await server!.open();
    const { migrate } = await import('../../src/db/migrate.js');
    await migrate(owner.db);
    await seedCorpus(owner.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const [current] = await queryRows<{ name: string }>(owner.db, sql`select current_database() as name`);
    url.pathname = `/${current!.name}`;
    // The server's own pool size.
    served = await openDatabase({ url: url.toString(), maxConnections: 10 });
    app = createApp({ db: served.db, config: defaultConfig({ requestTimeoutMs: 1_500 }) });
  });
  afterAll(async () => {
    await served?.close();
    await owner?.close();
  });

  it('cancels statements past the deadline and answers others meanwhile', async () => {
    // Another session holds the speakers table: every statement on it waits, as a slow one would.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    let lockHeld = true;
    const holder = owner.db.transaction(async (tx) => {
      await tx.execute(sql`LOCK TABLE speakers IN ACCESS EXCLUSIVE MODE`);
      locked();
      await released;
      lockHeld = false;
    });
    await isLocked;
    try {
      const blocked = Array.from({ length: 4 }, () => execute(app, SPEAKERS).then((r) => ({ ...r, lockHeld })));
      // Answered while the four are stuck: each of them holds one connection of the ten, not ten.
      const trivial = await execute(app, TRIVIAL);
      expect(trivial.errors).toBeUndefined();
      expect(trivial.data).toEqual({ article: { title: 'Mexico rejects US military strikes on cartels' } });
      expect(lockHeld).toBe(true);

      for (const r of await Promise.all(blocked)) {
        // Ended by the deadline, not by the lock going away.
        expect(r.lockHeld).toBe(true);
        expect(r.status).toBe(504);
        expect(r.errors?.length).toBeGreaterThan(0);
        for (const e of r.errors ?? []) {
          expect(e.extensions?.code).toBe('REQUEST_TIMEOUT');
          expect(e.message).toMatch(/deadline of 1500 ms/);
        }
      }
      // Cancelled on the server too: nothing of theirs still waits for the lock.
      const [waiting] = await queryRows<{ n: number }>(
        owner.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      expect(waiting!.n).toBe(0);
    } finally {
      release();
      await holder;
    }
    // The pool is whole again afterwards.
    const after = await execute(app, SPEAKERS);
    expect(after.errors).toBeUndefined();
  });
});

describe('the request deadline [pglite]', () => {
  let handle: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    handle = await openDatabase({});
    const { migrate } = await import('../../src/db/migrate.js');
    await migrate(handle.db);
    await seedCorpus(handle.db);
    app = createApp({ db: handle.db, config: defaultConfig({ requestTimeoutMs: 300 }) });
  });
  afterAll(() => handle?.close());

  it('answers REQUEST_TIMEOUT at the deadline while the one connection is busy, without waiting for it', async () => {
    // PGlite has one connection; another transaction (a long statement, a migration) holds it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let busy = true;
    const holder = handle.db.transaction(async () => {
      await released;
      busy = false;
    });
    const timer = setTimeout(release, 3_000);
    try {
      const r = await execute(app, TRIVIAL);
      expect(busy).toBe(true);
      expect(r.status).toBe(504);
      expect(r.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      // Requests that need no database are answered all the while.
      expect((await execute(app, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      clearTimeout(timer);
      release();
      await holder;
    }
    const after = await execute(app, TRIVIAL);
    expect(after.errors).toBeUndefined();
  });
});
