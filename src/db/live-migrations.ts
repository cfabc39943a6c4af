/**
 * Live migrations on the embedded database: the server that owns the data folder is the only
 * process that may write to it, so it applies new migrations itself.
 *
 * - It watches the migrations folder (and re-reads its journal every few seconds, for file systems
 *   whose change events do not arrive). The journal is the source of truth: a migration exists
 *   once the journal lists it. After the folder has been quiet for a moment, and only when the
 *   journal parses and every file it lists is there, the pending migrations are applied, each in
 *   one transaction (src/db/migrate.ts); then `onChange` (the corpus version is read again).
 *   A migration that fails is logged with its file and statement and not retried until the folder
 *   changes; the server goes on serving what it had.
 * - `npm run db:migrate` on a folder a server owns hands the work over: it connects to the
 *   owner's control socket (its address is in the lock file, src/db/ownership.ts), the server
 *   applies what is pending, as above, and answers with what it applied or why it could not.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, realpathSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Database } from './client.js';
import { journalFile, migrate, MigrationError, pendingMigrations, readJournal, readMigrations, type MigrationResult } from './migrate.js';
import type { DataDirClaim } from './ownership.js';

export interface LiveMigrationsOptions {
  db: Database;
  /** The migrations folder, absolute. */
  folder: string;
  claim: DataDirClaim;
  /** Where the database is, for log lines. */
  location: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** After every attempt that may have changed the database. */
  onChange: () => Promise<unknown>;
  /** Quiet time after the last change event before the folder is read. */
  debounceMs?: number;
  /** How often the journal is read again without an event. */
  pollMs?: number;
}

export interface LiveMigrations {
  /** Stops watching and answering; waits for a migration in progress. */
  stop(): Promise<void>;
}

interface ControlRequest {
  op: 'migrate';
  folder: string;
}

type ControlReply = ({ ok: true } & MigrationResult) | { ok: false; error: string };

export async function startLiveMigrations(options: LiveMigrationsOptions): Promise<LiveMigrations> {
  const { db, folder, logger, location } = options;
  const debounceMs = options.debounceMs ?? 300;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs one apply at a time, in order, whatever asked for it. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };

  const apply = async (): Promise<MigrationResult> => {
    try {
      const result = await migrate(db, folder);
      if (result.applied.length > 0) {
        logger.info({ applied: result.applied }, `Applied ${result.applied.length} migration(s) to ${location} while serving.`);
      }
      return result;
    } finally {
      await options.onChange();
    }
  };

  // What the folder looked like at the last attempt: an attempt that failed is not repeated until
  // something changes (no log line every few seconds for one broken file).
  let lastSeen: string | undefined;
  const check = async () => {
    const seen = fingerprint(folder);
    if (seen === lastSeen) return;
    lastSeen = seen;
    try {
      // The journal alone says whether anything is pending (the usual answer: no, and cheaply).
      if ((await pendingMigrations(db, folder)).length === 0) return;
      readMigrations(folder); // every file the journal lists is there
    } catch (error) {
      if (error instanceof MigrationError) {
        logger.warn(`verbatim: waiting for the migrations folder to be complete: ${error.message}`);
        return;
      }
      throw error;
    }
    await apply();
  };
  const checkLogged = () =>
    serial(check).catch((error: unknown) => {
      const applied = error instanceof MigrationError ? error.applied : [];
      logger.error(
        { err: error, applied },
        `verbatim: ${errorText(error)}; still serving the corpus as it was${applied.length > 0 ? ` after ${applied.join(', ')}` : ''}`,
      );
    });

  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void checkLogged(), debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [folder, path.join(folder, 'meta')]) {
    try {
      const watcher = watch(dir, { persistent: false }, soon);
      watcher.on('error', () => watcher.close()); // e.g. the folder was removed; polling goes on
      watchers.push(watcher);
    } catch {
      // Not watchable here: polling alone.
    }
  }
  const poll = setInterval(soon, options.pollMs ?? 5_000);
  poll.unref();

  const control = await listenForRequests(async (request) => {
    if (!samePath(request.folder, folder)) {
      throw new Error(`this server applies migrations from ${folder}, not ${request.folder} (its VERBATIM_MIGRATIONS_DIR)`);
    }
    return serial(apply);
  });
  options.claim.publish({ control: control.address });
  // Anything written while the server started.
  soon();

  return {
    async stop() {
      clearTimeout(timer);
      clearInterval(poll);
      for (const w of watchers) w.close();
      await control.close();
      await queue;
    },
  };
}

/** The journal's text and the size and time of every file it lists. */
function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(journalFile(folder)));
    for (const { tag } of readJournal(folder)) {
      try {
        const s = statSync(path.join(folder, `${tag}.sql`));
        hash.update(`${tag}:${s.size}:${s.mtimeMs}`);
      } catch {
        hash.update(`${tag}:missing`);
      }
    }
  } catch (error) {
    hash.update(`unreadable:${(error as Error).message}`);
  }
  return hash.digest('hex');
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * A socket only this machine reaches: on Linux in the abstract namespace (no file; gone with the
 * process), on Windows a named pipe, elsewhere a socket file in the temporary folder.
 */
function controlAddress(): { address: string; file?: string } {
  if (process.platform === 'linux') return { address: `\0verbatim-${randomUUID()}` };
  if (process.platform === 'win32') return { address: `\\\\.\\pipe\\verbatim-${randomUUID()}` };
  const file = path.join(tmpdir(), `verbatim-${process.pid}.sock`);
  return { address: file, file };
}

const MAX_REQUEST_BYTES = 4_096;

async function listenForRequests(handle: (request: ControlRequest) => Promise<MigrationResult>) {
  const { address, file } = controlAddress();
  if (file) rmSync(file, { force: true }); // a dead process's, with our pid
  const server: Server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_REQUEST_BYTES) return void socket.destroy();
      const newline = text.indexOf('\n');
      if (newline < 0) return;
      socket.setTimeout(0); // migrating may take longer than an idle client may
      const reply = (r: ControlReply) => socket.end(`${JSON.stringify(r)}\n`);
      let request: ControlRequest;
      try {
        request = JSON.parse(text.slice(0, newline)) as ControlRequest;
        if (request.op !== 'migrate' || typeof request.folder !== 'string') throw new Error('unknown request');
      } catch (error) {
        return reply({ ok: false, error: (error as Error).message });
      }
      handle(request).then(
        (result) => reply({ ok: true, ...result }),
        (error: unknown) => reply({ ok: false, error: errorText(error) }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, resolve);
  });
  server.unref();
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (file) rmSync(file, { force: true });
      }),
  };
}

/**
 * Asks the owner at `control` to apply the migrations of `folder`. Undefined when nothing answers
 * there (an owner without a control socket, such as a db:migrate run).
 */
export function requestMigrate(control: string, folder: string): Promise<ControlReply | undefined> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(control);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ op: 'migrate', folder } satisfies ControlRequest)}\n`));
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(undefined);
      else reject(error);
    });
    socket.on('close', () => {
      try {
        resolve(JSON.parse(text) as ControlReply);
      } catch {
        reject(new Error(`the server at ${control} closed the connection without an answer (did it stop?)`));
      }
    });
  });
}

function errorText(error: unknown): string {
  if (error instanceof MigrationError) return error.detailed;
  return error instanceof Error ? error.message : String(error);
}
