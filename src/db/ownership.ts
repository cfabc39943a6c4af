/**
 * One owner for an embedded data folder. PGlite is PostgreSQL in one process with no postmaster,
 * so nothing stops two processes from opening the same folder, and two that do corrupt it for good
 * (two WAL writers: "WAL file is from different database system"). The process that opens the
 * folder first claims it: an exclusive lock on `<folder>/verbatim.lock`, held for its lifetime.
 *
 * The lock is the kernel's, taken through fs-native-extensions (Holepunch's, with prebuilt
 * binaries in the package): an open-file-description lock on Linux (`F_OFD_SETLK`), `flock` on
 * macOS, `LockFileEx` on Windows. The kernel drops it when the process dies however it dies
 * (SIGKILL, OOM kill, power cut), so a stale lock cannot exist and there is nothing to guess: no
 * pid check, no age. (proper-lockfile and other lock files judge staleness by time, which is wrong
 * whenever a live owner stalls; fs-ext and os-lock compile at install time; an abstract Unix socket
 * is Linux-only and keyed by a path name, not by the folder itself, so two containers or two bind
 * mounts of one folder would each get their own.) The lock is on the file, not on a path, so it
 * holds across mount paths and network namespaces; it is only as good as the file system's locks
 * (local disks are fine; keep the folder off network shares).
 *
 * The lock file also says who holds it (pid, command, since when, and where to reach the owner),
 * for the one line a second process prints. That text is only a message: the decision is the lock's.
 */
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_FILE = 'verbatim.lock';

export interface OwnerInfo {
  pid: number;
  /** What was started, e.g. `npm start (node src/server/main.ts)`. */
  command: string;
  /** When it claimed the folder (ISO 8601). */
  since: string;
  /** Where the owner takes requests (src/db/live-migrations.ts), when it does. */
  control?: string;
}

export class DataDirError extends Error {
  override name = 'DataDirError';
}

export class DataDirBusyError extends DataDirError {
  override name = 'DataDirBusyError';
  constructor(
    readonly dir: string,
    /** Undefined when the owner has not written its details yet. */
    readonly owner: OwnerInfo | undefined,
  ) {
    const summary = `the embedded database in ${dir} is in use by ${describeOwner(owner)}`;
    super(`${summary}: stop it first, or set DATA_DIR to use another folder`);
    this.summary = summary;
  }
  /** Who has the folder, without the advice. */
  readonly summary: string;
}

/** `Verbatim process pid 1234 (npm start (node src/server/main.ts), since 2026-…)`. */
export function describeOwner(owner: OwnerInfo | undefined): string {
  if (!owner) return 'another Verbatim process (it is starting: its details are not written yet)';
  return `Verbatim process pid ${owner.pid} (${owner.command}, since ${owner.since})`;
}

/** A claimed data folder: only claimDataDir makes one, and src/db/client.ts opens only those. */
export interface DataDirClaim {
  readonly dir: string;
  /**
   * Writes who owns the folder into the lock file, for a second process to print (with `extra`
   * added to what was published before). Claiming writes nothing, so that a process that stops
   * before it used the folder (release with `undo`) leaves it exactly as it was.
   */
  publish(extra?: Partial<OwnerInfo>): void;
  /**
   * Gives the folder up. `undo`: also removes what claiming created (the lock file, the folder),
   * for a process that stops before it used the folder.
   */
  release(options?: { undo?: boolean }): void;
}

/** Claims `dir` for this process, or throws DataDirBusyError naming the process that has it. */
export async function claimDataDir(dir: string): Promise<DataDirClaim> {
  const { tryLock } = await loadLock();
  const lockFile = path.join(dir, LOCK_FILE);
  let createdDir: string | undefined;
  let fd: number;
  let createdFile = false;
  try {
    createdDir = mkdirSync(dir, { recursive: true });
    for (;;) {
      ({ fd, created: createdFile } = openLockFile(lockFile));
      if (!tryLock(fd)) {
        closeSync(fd);
        throw new DataDirBusyError(dir, await readOwner(lockFile));
      }
      // A process that gave its claim up with `undo` unlinks the file while it still holds the
      // lock: one who opened it before that holds a file nobody else will open. Start again then.
      if (isSameFile(fd, lockFile)) break;
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    throw new DataDirError(`cannot claim the embedded database folder ${dir}: ${(error as Error).message}`);
  }

  let info: OwnerInfo = { pid: process.pid, command: currentCommand(), since: new Date().toISOString() };
  const write = () => {
    ftruncateSync(fd, 0);
    writeSync(fd, `${JSON.stringify(info)}\n`, 0);
  };
  let released = false;
  return {
    dir,
    publish(extra = {}) {
      info = { ...info, ...extra };
      write();
    },
    release({ undo = false } = {}) {
      if (released) return;
      released = true;
      if (undo && createdFile) {
        // Unlinked while locked: see the isSameFile check above.
        unlinkSync(lockFile);
        for (let d = dir; createdDir && d.startsWith(createdDir); d = path.dirname(d)) {
          try {
            rmdirSync(d);
          } catch {
            break; // not empty: someone else's now
          }
        }
      }
      closeSync(fd); // the kernel releases the lock with the last descriptor of the open file
    },
  };
}

async function loadLock(): Promise<{ tryLock: (fd: number) => boolean }> {
  try {
    return await import('fs-native-extensions');
  } catch (error) {
    throw new DataDirError(
      `the embedded database needs a file lock (fs-native-extensions), which has no build for ${process.platform}-${process.arch} ` +
        `(${(error as Error).message}); set DATABASE_URL to use a PostgreSQL server`,
    );
  }
}

function openLockFile(file: string): { fd: number; created: boolean } {
  try {
    return { fd: openSync(file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o644), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Never truncate on open: the text is the current owner's until we hold the lock.
    return { fd: openSync(file, constants.O_RDWR), created: false };
  }
}

function isSameFile(fd: number, file: string): boolean {
  try {
    const [a, b] = [fstatSync(fd), statSync(file)];
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * The owner's details. A new owner writes them right after taking the lock, so for a moment the
 * file may be empty or still name the previous owner (who is dead then): wait up to 3 s.
 */
async function readOwner(file: string): Promise<OwnerInfo | undefined> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      const owner = JSON.parse(readFileSync(file, 'utf8')) as OwnerInfo;
      if (typeof owner.pid === 'number' && isAlive(owner.pid)) return owner;
    } catch {
      // Empty or half-written: read again.
    }
    await sleep(50);
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What was started: `npm start (node src/server/main.ts)`, or the bare command line. */
function currentCommand(): string {
  const args = process.argv.slice(1).map((a) => (path.isAbsolute(a) && a.startsWith(process.cwd()) ? path.relative(process.cwd(), a) : a));
  const own = [path.basename(process.argv0 || 'node'), ...args].join(' ');
  // npm passes its script name on to every child: trust it only when the script runs this file.
  const event = process.env.npm_lifecycle_event;
  const script = process.env.npm_lifecycle_script ?? '';
  if (event && args[0] && script.includes(args[0])) return `npm ${event === 'start' ? 'start' : `run ${event}`} (${own})`;
  return own;
}
