/**
 * Applies the migrations in `migrations/` (drizzle-kit's journal and files) to either driver.
 *
 * We run drizzle's migration files ourselves rather than through drizzle's migrator because we
 * want, on both drivers: one transaction per migration (a failure leaves the database as the last
 * good migration left it, and a crash between migrations resumes cleanly), and an advisory lock so
 * two processes migrating together apply each migration once. The bookkeeping table is drizzle's
 * own (`drizzle.__drizzle_migrations`), so `drizzle-kit migrate` and this agree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { Database } from './client.js';
import { queryRows } from './rows.js';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** An arbitrary constant shared by every Verbatim process: "the migration lock". */
const MIGRATION_LOCK_KEY = 0x76657262; // "verb"

export interface MigrationResult {
  applied: string[];
  total: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Tags of the journal's migrations, in order (e.g. `0000_init`). */
export function migrationTags(folder = MIGRATIONS_FOLDER): string[] {
  return readJournal(folder).map((m) => m.tag);
}

function readJournal(folder: string): { tag: string; when: number }[] {
  // readMigrationFiles does not return tags; the journal has them in the same order.
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return journal.entries;
}

export async function migrate(db: Database, folder = MIGRATIONS_FOLDER): Promise<MigrationResult> {
  const migrations: MigrationMeta[] = readMigrationFiles({ migrationsFolder: folder });
  const tags = migrationTags(folder);
  // Under the lock too: two concurrent "CREATE ... IF NOT EXISTS" can still collide in PostgreSQL.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await tx.execute(sql`
      CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (
        id SERIAL PRIMARY KEY,
        hash text NOT NULL,
        created_at bigint
      )`);
  });
  const applied: string[] = [];
  for (const [i, migration] of migrations.entries()) {
    const tag = tags[i] ?? String(migration.folderMillis);
    const didApply = await db.transaction(async (tx) => {
      // Held until this transaction ends; a second migrator waits here, then sees it applied.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      const done = await queryRows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations WHERE created_at = ${migration.folderMillis}`,
      );
      if ((done[0]?.n ?? 0) > 0) return false;
      for (const [j, statement] of migration.sql.entries()) {
        if (!statement.trim()) continue;
        try {
          await tx.execute(sql.raw(statement));
        } catch (error) {
          throw new MigrationError(`migration ${tag} failed at statement ${j + 1}: ${databaseMessage(error)}; nothing of it was applied`, {
            cause: error,
          });
        }
      }
      await tx.execute(
        sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
      );
      return true;
    });
    if (didApply) applied.push(tag);
  }
  return { applied, total: migrations.length };
}

/** The database's own words: drizzle wraps them in "Failed query: <sql>" with the error as cause. */
function databaseMessage(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Tags of the journal's migrations not yet applied to this database. */
export async function pendingMigrations(db: Database, folder = MIGRATIONS_FOLDER): Promise<string[]> {
  const entries = readJournal(folder);
  let appliedAt = new Set<number>();
  try {
    const rows = await queryRows<{ created_at: string | number }>(db, sql`SELECT created_at FROM drizzle.__drizzle_migrations`);
    appliedAt = new Set(rows.map((r) => Number(r.created_at)));
  } catch {
    // No bookkeeping table yet: nothing applied.
  }
  return entries.filter((e) => !appliedAt.has(e.when)).map((e) => e.tag);
}
