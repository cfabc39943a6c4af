/**
 * Applies the migrations in `migrations/` (drizzle-kit's journal and files) to either driver.
 *
 * We run drizzle's migration files ourselves rather than through drizzle's migrator because we
 * want, on both drivers: one transaction per migration (a failure leaves the database as the last
 * good migration left it, and a crash between migrations resumes cleanly), and an advisory lock so
 * two processes migrating together apply each migration once. The bookkeeping table is drizzle's
 * own (`drizzle.__drizzle_migrations`, with drizzle's hash of each file), so `drizzle-kit migrate`
 * and this agree. We read the folder ourselves too: the journal and its files are read once, as
 * one set, and each problem (no folder, no journal, a file the journal lists but that is missing)
 * gets its own message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
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
  /** Migrations this run applied before it stopped (each whole). */
  applied: string[] = [];
  /** For a failed statement: its file, number and text. */
  where: string | undefined;

  /** The message with where it failed, for logs and command lines. */
  get detailed(): string {
    return this.where ? `${this.message} (${this.where})` : this.message;
  }
}

/** One migration of the journal with its file's text, as applied. */
export interface MigrationFile {
  tag: string;
  /** The journal's `when`: drizzle records a migration by it (`created_at`). */
  when: number;
  file: string;
  /** drizzle's hash: sha256 of the file's text. */
  hash: string;
  statements: string[];
}

interface JournalEntry {
  tag: string;
  when: number;
}

export const journalFile = (folder: string) => path.join(folder, 'meta', '_journal.json');

/** The journal's entries, in order; MigrationError when the folder, the journal or an entry is not right. */
export function readJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  if (!existsSync(folder)) throw new MigrationError(`the migrations folder ${folder} does not exist`);
  const file = journalFile(folder);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new MigrationError(`${folder} is not a migrations folder: it has no journal (meta/_journal.json)`);
  }
  let entries: unknown;
  try {
    entries = (JSON.parse(text) as { entries?: unknown }).entries;
  } catch (error) {
    throw new MigrationError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new MigrationError(`${file} has no "entries" list`);
  return entries.map((e: unknown, i) => {
    const { tag, when } = (e ?? {}) as { tag?: unknown; when?: unknown };
    if (typeof tag !== 'string' || !/^[\w.-]+$/.test(tag) || typeof when !== 'number') {
      throw new MigrationError(`${file}: entries[${i}] needs a "tag" (a file name) and a numeric "when"`);
    }
    return { tag, when };
  });
}

/** The journal's migrations with their files, read once as one set. */
export function readMigrations(folder = MIGRATIONS_FOLDER): MigrationFile[] {
  return readJournal(folder).map(({ tag, when }) => {
    const file = path.join(folder, `${tag}.sql`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new MigrationError(`${journalFile(folder)} lists ${tag}, but ${file} does not exist`);
    }
    const hash = createHash('sha256').update(text).digest('hex');
    return { tag, when, file, hash, statements: text.split('--> statement-breakpoint') };
  });
}

/** Tags of the journal's migrations, in order (e.g. `0000_init`). */
export function migrationTags(folder = MIGRATIONS_FOLDER): string[] {
  return readJournal(folder).map((m) => m.tag);
}

export async function migrate(db: Database, folder = MIGRATIONS_FOLDER): Promise<MigrationResult> {
  const migrations = readMigrations(folder);
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
  for (const migration of migrations) {
    const didApply = await db
      .transaction(async (tx) => {
        // Held until this transaction ends; a second migrator waits here, then sees it applied.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
        const done = await queryRows<{ n: number }>(
          tx,
          sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations WHERE created_at = ${migration.when}`,
        );
        if ((done[0]?.n ?? 0) > 0) return false;
        for (const [j, statement] of migration.statements.entries()) {
          if (!statement.trim()) continue;
          try {
            await tx.execute(sql.raw(statement));
          } catch (error) {
            const failed = new MigrationError(
              `migration ${migration.tag} failed at statement ${j + 1}: ${databaseMessage(error)}; nothing of it was applied`,
              { cause: error },
            );
            failed.where = `${migration.file}, statement ${j + 1}: ${excerpt(statement)}`;
            throw failed;
          }
        }
        await tx.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.when})`);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof MigrationError) error.applied = applied;
        throw error;
      });
    if (didApply) applied.push(migration.tag);
  }
  return { applied, total: migrations.length };
}

/** The database's own words: drizzle wraps them in "Failed query: <sql>" with the error as cause. */
function databaseMessage(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** A statement on one line, cut to a length fit for a log line. */
function excerpt(statement: string): string {
  const line = statement
    .split('\n')
    .filter((l) => !l.trim().startsWith('--'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
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
