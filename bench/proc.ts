/** CPU time and memory of processes, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface Stat {
  ppid: number;
  /** utime + stime, ms. */
  own: number;
  /** cutime + cstime: children that exited and were waited for, ms. */
  reaped: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (i: number) => (Number(f[i]) * 1000) / TICKS_PER_SECOND;
    return { ppid: Number(f[1]), own: ms(11) + ms(12), reaped: ms(13) + ms(14) };
  } catch {
    return undefined; // gone
  }
}

/** User + system CPU milliseconds a process has used so far; 0 when it is gone. */
export function cpuMs(pid: number): number {
  return stat(pid)?.own ?? 0;
}

/** `pid` and every live process below it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (p: number) => {
    tree.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return tree;
}

/**
 * CPU ms of a server as a whole: the process, its live descendants (`tree`, from processTree)
 * and the children it has reaped.
 */
export function treeCpuMs(tree: number[]): number {
  let total = 0;
  for (const [i, pid] of tree.entries()) {
    const s = stat(pid);
    if (s) total += s.own + (i === 0 ? s.reaped : 0);
  }
  return total;
}

/** CPU ms per pid, for pids that are still there. */
export function cpuByPid(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) out.set(pid, s.own);
  }
  return out;
}

/**
 * CPU ms used between two readings of the same set of processes: a pid that is new in `after`
 * counts from 0 (a connection opened during the run). One that ended between them is lost.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident memory in MB, summed over the processes. */
export function rssMb(pids: number | number[]): number {
  let kb = 0;
  for (const pid of Array.isArray(pids) ? pids : [pids]) {
    try {
      kb += Number(/VmRSS:\s+([0-9]+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}
