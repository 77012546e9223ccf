import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Resident memory of a process in bytes (VmRSS from /proc), or NaN when it cannot be read. */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Peak resident memory of a process in bytes since start or the last `resetPeakRss` (VmHWM from /proc). */
export function peakRssBytes(pid: number): number {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Sets the peak back to the current resident memory (Linux: clear_refs 5). */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

// /proc/<pid>/stat counts CPU time in clock ticks, 100 per second on Linux.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds; NaN when unknown. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used so far per process with this command name (e.g. every `postgres` backend), by pid. */
export function cpuSecondsByName(name: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
    } catch {
      continue; // ended meanwhile
    }
    const seconds = cpuSeconds(Number(entry));
    if (Number.isFinite(seconds)) byPid.set(Number(entry), seconds);
  }
  return byPid;
}

/**
 * The share of one core (percent) a group of processes used between two
 * readings. Processes that ended in between are left out (their time is
 * gone from /proc), so this can undercount but never goes negative.
 */
export function groupCpuMeter(read: () => Map<number, number>): () => number {
  const start = read();
  const startAt = performance.now();
  return () => {
    let seconds = 0;
    for (const [pid, now] of read()) seconds += now - (start.get(pid) ?? 0);
    return (seconds / ((performance.now() - startAt) / 1000)) * 100;
  };
}

/**
 * Seconds the threads of a process (or just thread `tid`) spent runnable but
 * waiting for a CPU (/proc/.../schedstat, second field): CPU contention, as
 * opposed to being busy or idle. NaN when unknown.
 */
export function runQueueWaitSeconds(pid: number, tid?: number): number {
  try {
    const threads = tid === undefined ? readdirSync(`/proc/${pid}/task`) : [String(tid)];
    let nanoseconds = 0;
    for (const thread of threads)
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[1]);
    return nanoseconds / 1e9;
  } catch {
    return Number.NaN;
  }
}

/**
 * Samples a counter of seconds (CPU time, waiting time) at the start and end
 * of a phase: how much it grew per second of wall time, in percent (100 % =
 * one core busy, or one thread waiting, the whole time).
 */
export function percentOfWallTime(read: () => number): () => number {
  const start = read();
  const startAt = performance.now();
  return () => ((read() - start) / ((performance.now() - startAt) / 1000)) * 100;
}
