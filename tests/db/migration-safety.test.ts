/** Migrations apply whole or not at all, once each under concurrency, and resume after a crash. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, MigrationError, migrate, migrationTags } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase, testTargets } from '../helpers/databases.js';
import { run } from '../helpers/process.js';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

interface Extra {
  tag: string;
  sql: string;
}

/** A copy of the project's migrations, optionally cut to the first `keep`, plus extra ones. */
function migrationsFolder(extra: Extra[] = [], keep?: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-migrations-'));
  folders.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
  };
  if (keep !== undefined) journal.entries = journal.entries.slice(0, keep);
  let when = Math.max(...journal.entries.map((e) => e.when));
  for (const m of extra) {
    writeFileSync(path.join(dir, `${m.tag}.sql`), m.sql);
    journal.entries.push({ idx: journal.entries.length, when: ++when, tag: m.tag, breakpoints: true, version: '7' });
  }
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return dir;
}

const tableExists = async (db: Parameters<typeof queryRows>[0], name: string) =>
  (await queryRows<{ t: string | null }>(db, sql`select to_regclass(${name})::text as t`))[0]?.t != null;

describeEachDatabase(
  'migration safety',
  (suite) => {
    it('resume cleanly after stopping between migrations', async () => {
      // The first migration alone, as if the process died right after it...
      const partial = migrationsFolder([], 1);
      expect((await migrate(suite.db, partial)).applied).toEqual(migrationTags().slice(0, 1));
      // ...then the full set applies only what is left.
      const { applied } = await migrate(suite.db);
      expect(applied).toEqual(migrationTags().slice(1));
    });

    it('leave the database as it was when a migration fails halfway', async () => {
      const folder = migrationsFolder([
        { tag: '9001_good', sql: 'CREATE TABLE safety_good (id int);' },
        {
          tag: '9002_fails_halfway',
          sql: 'CREATE TABLE safety_half (id int);\n--> statement-breakpoint\nINSERT INTO safety_half VALUES (1);\n--> statement-breakpoint\nSELECT no_such_function();',
        },
      ]);
      const error = await migrate(suite.db, folder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(
        /migration 9002_fails_halfway failed at statement 3: .*no_such_function.*nothing of it was applied/,
      );
      // Where: the file, the statement's number and its text (for logs and command lines).
      expect((error as MigrationError).where).toMatch(/\/9002_fails_halfway\.sql, statement 3: SELECT no_such_function\(\);$/);
      // The good migration before it stays applied; nothing of the failing one remains.
      expect(await tableExists(suite.db, 'safety_good')).toBe(true);
      expect(await tableExists(suite.db, 'safety_half')).toBe(false);
      const recorded = await queryRows<{ n: number }>(suite.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(recorded[0]!.n).toBe(migrationTags().length + 1);
    });
  },
  { migrated: false },
);

const server = testTargets.find((t) => t.name === 'postgres');

it.skipIf(!server)(
  'two db:migrate processes started together apply each migration once [postgres]',
  async () => {
    const handle = await server!.open();
    try {
      const [current] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${current!.name}`;
      const [a, b] = await Promise.all([
        run('src/db/cli.ts', [], { DATABASE_URL: url.toString() }),
        run('src/db/cli.ts', [], { DATABASE_URL: url.toString() }),
      ]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const rows = await queryRows<{ created_at: string; n: number }>(
        handle.db,
        sql`select created_at::text, count(*)::int as n from drizzle.__drizzle_migrations group by created_at`,
      );
      expect(rows).toHaveLength(migrationTags().length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // Between them, the two processes applied every migration exactly once.
      const said = `${a.stdout}\n${b.stdout}`;
      for (const tag of migrationTags()) expect(said.split(tag).length - 1).toBe(1);
    } finally {
      await handle.close();
    }
  },
  60_000,
);
