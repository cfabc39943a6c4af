/**
 * A scratch copy of the repository's migrations/ and an empty seeds/ in a temporary folder, so that
 * corpus tests never write to the real ones; plus ways to run the corpus CLI on it (as a real
 * process, or in-process) and to compare its files before and after.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { queryRows } from '../../src/db/rows.js';
import type { Folders } from '../../src/corpus/commands.js';
import { root, runTsx, type ProcessRun } from '../helpers/process.js';

export { root };
export const fixtures = path.join(import.meta.dirname, 'fixtures');
export const ALPHA = '2025-08-15-alpha-article.yaml';
export const BETA = '2025-09-01-beta-article.yaml';

export interface Workspace {
  dir: string;
  seeds: string;
  migrations: string;
  folders: Folders;
  /** Puts a fixture into seeds/, optionally edited; returns its path relative to `dir`. */
  seed(name: string, edit?: (text: string) => string, as?: string): string;
  read(relative: string): string;
  /**
   * The number prefix ("0003") of the k-th migration written in this workspace: after the
   * schema migrations, however many there are.
   */
  n(k: number): string;
  /** Every file under migrations/ and seeds/ with its content, to prove nothing was written. */
  files(): Record<string, string>;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-corpus-'));
  const seeds = path.join(dir, 'seeds');
  const migrations = path.join(dir, 'migrations');
  mkdirSync(seeds);
  cpSync(path.join(root, 'migrations'), migrations, { recursive: true });
  // Only the schema migrations: the real corpus's article migrations are not ours to touch here.
  const journalFile = path.join(migrations, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const articles = journal.entries.filter((e) => /^\d{4}_(article|retract)_/.test(e.tag));
  for (const e of articles) {
    rmSync(path.join(migrations, `${e.tag}.sql`));
    rmSync(path.join(migrations, `meta/${String(e.idx).padStart(4, '0')}_snapshot.json`));
  }
  journal.entries = journal.entries.filter((e) => !articles.includes(e));
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  const base = journal.entries.at(-1)?.idx ?? -1;
  const read = (relative: string) => readFileSync(path.join(dir, relative), 'utf8');
  return {
    dir,
    seeds,
    migrations,
    folders: { cwd: dir, seeds, migrations },
    seed(name, edit = (t) => t, as = name) {
      const text = edit(readFileSync(path.join(fixtures, name), 'utf8'));
      writeFileSync(path.join(seeds, as), text);
      return path.join('seeds', as);
    },
    read,
    n: (k) => String(base + k).padStart(4, '0'),
    files() {
      const out: Record<string, string> = {};
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const full = path.join(d, name);
          if (statSync(full).isDirectory()) walk(full);
          else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
        }
      };
      walk(seeds);
      walk(migrations);
      return out;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces `from` (which must be there) by `to`. */
export function edit(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not in the fixture`);
    return text.replace(from, to);
  };
}

/** The 1-based line of the first line of `text` that contains `needle` (after line `after`). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l, n) => n >= after && l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return i + 1;
}

/** The corpus CLI as a real process (tsx), in the workspace, on its folders. */
export function runCli(ws: Workspace, args: string[]): Promise<ProcessRun> {
  return runTsx([path.join(root, 'src/corpus/cli.ts'), ...args], {
    cwd: ws.dir,
    env: { VERBATIM_SEEDS_DIR: ws.seeds, VERBATIM_MIGRATIONS_DIR: ws.migrations },
    timeoutMs: 60_000,
  });
}

const TABLES = [
  'articles',
  'article_paragraphs',
  'speakers',
  'speaker_roles',
  'organizations',
  'events',
  'event_participants',
  'article_events',
  'article_speakers',
  'article_organizations',
  'quotes',
] as const;

/** Row counts of every corpus table. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const rows = await queryRows<{ t: string; n: number }>(
    db,
    sql.raw(TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL ')),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** Rows a migration replaces wholesale: their identity ids are new each time. */
const REPLACED = new Set(['quotes', 'speaker_roles', 'event_participants']);

/**
 * The whole content of the corpus tables, to prove a database unchanged. With `replacedIds: false`
 * the ids of replaced rows are left out (the same state, written again).
 */
export async function dump(db: Database, options: { replacedIds?: boolean } = {}): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const drop = options.replacedIds === false && REPLACED.has(t) ? " - 'id'" : '';
    const rows = await queryRows<{ row: unknown }>(
      db,
      sql.raw(`SELECT to_jsonb(x) - 'search'${drop} AS row FROM ${t} x ORDER BY (to_jsonb(x) - 'search'${drop})::text`),
    );
    out[t] = rows.map((r) => r.row);
  }
  return out;
}
