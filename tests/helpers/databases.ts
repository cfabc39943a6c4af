/**
 * Runs a suite on every database we support: a fresh in-memory PGlite always, and a fresh
 * database on the server named by TEST_DATABASE_URL when it is set (dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export type DriverName = 'pglite' | 'postgres';

export interface TestTarget {
  name: DriverName;
  /** Opens a brand-new empty database on this target; close() also removes it. */
  open(): Promise<DatabaseHandle>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

const pgliteTarget: TestTarget = {
  name: 'pglite',
  open: () => openDatabase({}),
};

/** A fresh database per call on the server, dropped when the handle is closed. */
const serverTarget = (adminUrl: string): TestTarget => ({
  name: 'postgres',
  async open() {
    const name = `verbatim_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), maxConnections: 4, statementTimeoutMs: 120_000 });
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  },
});

export const testTargets: TestTarget[] = serverUrl ? [pgliteTarget, serverTarget(serverUrl)] : [pgliteTarget];

export interface DbSuite {
  /** The current target's database (valid inside tests and hooks). */
  readonly db: Database;
  readonly handle: DatabaseHandle;
  readonly target: TestTarget;
}

/**
 * `describe` once per target, with a fresh database opened before the suite (migrated unless
 * `migrated: false`) and removed after it.
 */
export function describeEachDatabase(title: string, body: (suite: DbSuite) => void, options: { migrated?: boolean } = {}): void {
  for (const target of testTargets) {
    describe(`${title} [${target.name}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await target.open();
        if (options.migrated !== false) await migrate(handle.db);
      });
      afterAll(async () => {
        await handle?.close();
      });
      const suite: DbSuite = {
        get db() {
          if (!handle) throw new Error('database not open yet');
          return handle.db;
        },
        get handle() {
          if (!handle) throw new Error('database not open yet');
          return handle;
        },
        target,
      };
      body(suite);
    });
  }
}
