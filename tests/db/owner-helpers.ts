/**
 * Server processes that may lose the race for their data folder, what they printed, the pid that
 * holds a folder, and the corpus as the API counts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.js';
import { claimDataDir, LOCK_FILE, type OwnerInfo } from '../../src/db/ownership.js';
import { queryRows } from '../../src/db/rows.js';
import { root } from '../helpers/process.js';

const tsx = path.join(root, 'node_modules/.bin/tsx');

export type Outcome = { serving: true; url: string } | { serving: false; code: number | null };

export interface Launched {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Serving (its URL printed) or exited before that. */
  outcome: Promise<Outcome>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `npm start`'s entry point; unlike startServer, losing is an outcome, not an error. */
export function launch(env: Record<string, string>, timeoutMs = 240_000): Launched {
  const child = spawn(tsx, ['src/server/main.ts'], { cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const outcome = new Promise<Outcome>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`neither serving nor exited after ${timeoutMs} ms:\n${out}\n${err}`)), timeoutMs);
    child.stdout.on('data', () => {
      const m = /(http:\/\/\S+\/graphql)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ serving: true, url: m[1]! });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ serving: false, code });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    outcome,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Who the lock file says holds the folder (the node process, not the tsx wrapper). */
export function owner(dataDir: string): OwnerInfo | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as OwnerInfo;
  } catch {
    return undefined;
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function graphql(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

/** The corpus as the API counts it. */
export const COUNTS =
  '{ articles { totalCount } quotes { totalCount } speakers { totalCount } events { totalCount } organizations { totalCount } }';

/** How many files and folders `dir` holds, all the way down (0 when it does not exist). */
export function fileCount(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).length;
  } catch {
    return 0;
  }
}

/** Every file under `dir` with its size and content hash: to prove a folder untouched. */
export function folderState(dir: string): Record<string, string> | 'missing' {
  if (!existsSync(dir)) return 'missing';
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = `${s.size}:${s.mtimeMs}:${createHash('sha1').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * Stops a server cleanly with SIGTERM sent to the node process that owns `dataDir`. (Sent to the
 * tsx wrapper, the signal is relayed, but tsx SIGKILLs its child when the child does not
 * acknowledge within 30 ms, which a loaded machine can miss: that would not be a clean stop.)
 */
export async function stopOwner(server: { exited: Promise<number | null> }, dataDir: string): Promise<number | null> {
  const pid = owner(dataDir)?.pid;
  if (pid === undefined) throw new Error(`no owner recorded in ${dataDir}`);
  process.kill(pid, 'SIGTERM');
  return server.exited;
}

/** Opens a data folder in this process (claimed, as every process must), runs `use`, closes it. */
export async function withFolder<T>(dataDir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const claim = await claimDataDir(dataDir);
  try {
    const handle = await openDatabase({ dataDir: claim });
    try {
      return await use(handle.db);
    } finally {
      await handle.close();
    }
  } finally {
    claim.release();
  }
}

/** How many times each migration is recorded, in the order of created_at. */
export async function recordedTimes(db: Database): Promise<number[]> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations group by created_at order by created_at`,
  );
  return rows.map((r) => r.n);
}
