/**
 * Server processes under test. Each writes its output (stdout and stderr) straight into a log
 * file of its own, which the runner never reads while it runs (only its tail, to explain a
 * failed start). A server logs as it would in production (Verbatim a JSON line per request at
 * `info`; PostGraphile and the floor log nothing per request), and what that costs is the
 * server's own write: a pipe drained by the runner would put a read and a buffer per chunk on
 * the same cores as the load. The port a server listens on (each is given port 0) is read from
 * /proc, so nothing depends on what or whether it logs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Server {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  log: string;
  /** Bytes the server has written to its log so far. */
  logBytes(): number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

/** The TCP port `pid` listens on, if it listens on one yet (Linux /proc). */
export function listeningPort(pid: number): number | undefined {
  const sockets = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[([0-9]+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) sockets.add(m[1] as string);
      } catch {
        // closed since readdir
      }
    }
  } catch {
    return undefined; // gone
  }
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st ... inode: st 0A is LISTEN.
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && sockets.has(f[9] as string)) return parseInt((f[1] as string).split(':')[1] as string, 16);
    }
  }
  return undefined;
}

function tail(file: string, bytes = 4000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.slice(-bytes);
  } catch {
    return '';
  }
}

/** Starts `node <args>` in `cwd` with `env` on top of ours; resolves once it listens. */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  options: { cwd: string; logDir: string },
): Promise<Server> {
  const log = path.join(options.logDir, `${name}.log`);
  const fd = openSync(log, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid as number;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let port: number | undefined;
  while ((port = listeningPort(pid)) === undefined) {
    const failure =
      child.exitCode !== null || child.signalCode !== null
        ? `${name} exited (${child.exitCode ?? child.signalCode}) before listening`
        : Date.now() > deadline
          ? `${name} did not listen within ${START_TIMEOUT_MS / 1000} s`
          : undefined;
    if (failure) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${failure}; the end of ${log}:\n${tail(log)}`);
    }
    await sleep(25);
  }
  return {
    name,
    child,
    pid,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    log,
    logBytes: () => statSync(log).size,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
