/**
 * Server processes under test. Each writes its output (stdout and stderr) straight into a log
 * file of its own: the runner reads only the first lines, until the one that gives the port, and
 * never touches the rest. A server logs as it would in production (Verbatim a JSON line per
 * request at `info`; PostGraphile and the floor log nothing per request), and what that costs
 * is the server's own write, not the runner's reading: a pipe drained by the runner would put
 * a read and a buffer per chunk on the same cores as the load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

/** The start line of each of our servers: the API's URL, or "… listening on <port>". */
const PORT_LINE = /(?:https?:\/\/127\.0\.0\.1:|listening on )([0-9]+)/;
const START_TIMEOUT_MS = 120_000;

/** Reads the log until it shows the port: only the start of the file. */
async function waitForPort(log: string, child: ChildProcess, name: string): Promise<number> {
  const fd = openSync(log, 'r');
  try {
    let text = '';
    let offset = 0;
    const buffer = Buffer.alloc(64 * 1024);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      if (n > 0) {
        offset += n;
        text += buffer.subarray(0, n).toString('latin1'); // the port line is ASCII
        const m = PORT_LINE.exec(text);
        if (m) return Number(m[1]);
        continue;
      }
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before listening:\n${text.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`${name} printed no port in ${START_TIMEOUT_MS / 1000} s:\n${text.slice(-4000)}`);
      await sleep(25);
    }
  } finally {
    closeSync(fd);
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
  try {
    const port = await waitForPort(log, child, name);
    return {
      name,
      child,
      pid: child.pid as number,
      port,
      url: `http://127.0.0.1:${port}/graphql`,
      log,
      logBytes: () => statSync(log).size,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
}
