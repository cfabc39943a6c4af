/**
 * drizzle-kit's migration folder: the journal (`meta/_journal.json`), one snapshot per migration
 * (`meta/NNNN_snapshot.json`) and the SQL files. Article migrations are registered exactly as
 * drizzle-kit registers its own, so `drizzle-kit generate` keeps working after them: the snapshot
 * of an article migration is the previous one (articles do not change the schema) under a new id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHeader, type MigrationHeader } from './sql.js';

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

export interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export class JournalError extends Error {
  override name = 'JournalError';
}

const journalPath = (dir: string) => path.join(dir, 'meta', '_journal.json');
const snapshotPath = (dir: string, idx: number) => path.join(dir, 'meta', `${prefix(idx)}_snapshot.json`);
const prefix = (idx: number) => String(idx).padStart(4, '0');

export function readJournal(dir: string): Journal {
  const file = journalPath(dir);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch (error) {
    throw new JournalError(`cannot read the migration journal ${file}: ${(error as Error).message}`);
  }
}

export interface ArticleMigration {
  tag: string;
  header: MigrationHeader;
}

/** The journal's article migrations (those with a Verbatim header), in order. */
export function articleMigrations(dir: string): ArticleMigration[] {
  const out: ArticleMigration[] = [];
  for (const entry of readJournal(dir).entries) {
    const file = path.join(dir, `${entry.tag}.sql`);
    if (!existsSync(file)) throw new JournalError(`${file} is in the journal but missing`);
    const header = parseHeader(readFileSync(file, 'utf8'));
    if (header) out.push({ tag: entry.tag, header });
  }
  return out;
}

/** The latest migration of each article, by slug. */
export function latestByArticle(migrations: ArticleMigration[]): Map<string, ArticleMigration> {
  const latest = new Map<string, ArticleMigration>();
  for (const m of migrations) latest.set(m.header.article, m);
  return latest;
}

/** Writes a file whole or not at all: a reader never sees half of it. */
export function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text, { flag: 'wx', flush: true });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Adds `NNNN_<name>.sql` with its snapshot and journal entry. The journal is written last: until
 * then drizzle does not see the migration, and on failure the files written before are removed.
 */
export function appendMigration(dir: string, name: string, sql: string): { tag: string; file: string } {
  const journal = readJournal(dir);
  const last = journal.entries[journal.entries.length - 1];
  if (!last) throw new JournalError(`${journalPath(dir)} has no migration: the schema migrations must come first`);
  const idx = last.idx + 1;
  const tag = `${prefix(idx)}_${name}`;
  const file = path.join(dir, `${tag}.sql`);
  const snapshotFile = snapshotPath(dir, idx);
  for (const f of [file, snapshotFile]) if (existsSync(f)) throw new JournalError(`${f} already exists`);

  const previousFile = snapshotPath(dir, last.idx);
  let previous: Record<string, unknown>;
  try {
    previous = JSON.parse(readFileSync(previousFile, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new JournalError(`cannot read ${previousFile}, the snapshot to carry forward: ${(error as Error).message}`);
  }
  const snapshot = { ...previous, id: randomUUID(), prevId: previous.id };
  // `when` identifies the migration in drizzle's bookkeeping: unique and increasing.
  const entry: JournalEntry = { idx, version: last.version, when: Math.max(Date.now(), last.when + 1), tag, breakpoints: true };

  const written: string[] = [];
  try {
    writeAtomically(file, sql);
    written.push(file);
    writeAtomically(snapshotFile, JSON.stringify(snapshot, null, 2));
    written.push(snapshotFile);
    writeAtomically(journalPath(dir), JSON.stringify({ ...journal, entries: [...journal.entries, entry] }, null, 2));
  } catch (error) {
    for (const f of written) rmSync(f, { force: true });
    throw error;
  }
  return { tag, file };
}
