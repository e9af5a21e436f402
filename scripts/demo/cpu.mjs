// Who used the CPUs during a measurement window: the machine's busy time, the demo's own processes,
// and the busiest of the others. A latency target missed on a shared machine says little without
// it. Linux only (it reads /proc); elsewhere `snapshot` returns undefined.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times; 100 on every common Linux. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const toMs = (ticks) => (ticks / TICKS_PER_SECOND) * 1000;

/**
 * Busy CPU time of the whole machine, of every process it shows, and of the listed threads
 * (`[pid, tid]` pairs), in ms, now.
 */
export function snapshot(threads = []) {
  let machine;
  try {
    machine = machineBusyMs(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
  const processes = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = processStat(`/proc/${name}/stat`);
    if (stat) processes.set(Number(name), stat);
  }
  const threadMs = new Map(threads.map(([pid, tid]) => [`${pid}/${tid}`, processStat(`/proc/${pid}/task/${tid}/stat`)?.ms ?? 0]));
  return { at: performance.now(), machine, processes, threads: threadMs };
}

/**
 * CPU use between two snapshots: the window, the CPU time the machine used, what each of `ours`
 * used, and the busiest other processes, in ms. Each of `ours` is `{ label, pid }`, with `thread`
 * to count one thread of it only, or `exceptThread` to count all but one (threads must have been
 * listed to `snapshot`).
 */
export function usage(before, after, ours, top = 3) {
  const processMs = (pid) => (after.processes.get(pid)?.ms ?? 0) - (before.processes.get(pid)?.ms ?? 0);
  const threadMs = (pid, tid) => (after.threads.get(`${pid}/${tid}`) ?? 0) - (before.threads.get(`${pid}/${tid}`) ?? 0);
  const ourPids = new Set(ours.map((entry) => entry.pid));
  const mine = ours.map(({ label, pid, thread, exceptThread }) => ({
    label,
    ms: thread !== undefined ? threadMs(pid, thread) : processMs(pid) - (exceptThread === undefined ? 0 : threadMs(pid, exceptThread)),
  }));
  const others = [...after.processes]
    .filter(([pid]) => !ourPids.has(pid))
    .map(([pid, { name }]) => ({ pid, name, ms: processMs(pid) }))
    .filter((entry) => entry.ms > 0)
    .sort((a, b) => b.ms - a.ms);
  return {
    windowMs: after.at - before.at,
    busyMs: after.machine - before.machine,
    ours: mine,
    othersMs: others.reduce((sum, entry) => sum + entry.ms, 0),
    busiest: others.slice(0, top).map(({ pid, name, ms }) => ({ label: `${commandOf(pid) ?? name} (pid ${pid})`, ms })),
  };
}

/** Adds up the usage of several windows (the busiest others by name). */
export function combine(usages, top = 3) {
  const sum = (pick) => usages.reduce((total, entry) => total + pick(entry), 0);
  const byLabel = new Map();
  for (const entry of usages.flatMap((u) => u.busiest)) byLabel.set(entry.label, (byLabel.get(entry.label) ?? 0) + entry.ms);
  return {
    windowMs: sum((u) => u.windowMs),
    busyMs: sum((u) => u.busyMs),
    ours: usages[0].ours.map(({ label }, i) => ({ label, ms: sum((u) => u.ours[i].ms) })),
    othersMs: sum((u) => u.othersMs),
    busiest: [...byLabel].map(([label, ms]) => ({ label, ms })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

/** One line for people: "3.1 of 10.0 CPU-seconds: the service's event loop 0.4 s, …". */
export function describeUsage(use, cpus) {
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const parts = [...use.ours.map(({ label, ms }) => `${label} ${seconds(ms)}`), `other processes ${seconds(use.othersMs)}`];
  const busiest = use.busiest.filter((entry) => entry.ms >= 50).map((entry) => `${entry.label} ${seconds(entry.ms)}`);
  return (
    `${seconds(use.busyMs)} of the ${seconds(use.windowMs * cpus)} CPU time that ${cpus} CPUs offered over ${seconds(use.windowMs)}: ${parts.join(', ')}` +
    (busiest.length > 0 ? ` (busiest: ${busiest.join(', ')})` : '')
  );
}

/** A process's command line, shortened: what tells one `node` from another. */
function commandOf(pid) {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const command = words.map((word, i) => (i === 0 || word.startsWith('-') ? word.split('/').at(-1) : word.split('/').slice(-2).join('/'))).join(' ');
    return command.length > 60 ? `${command.slice(0, 57)}...` : command || undefined;
  } catch {
    return undefined;
  }
}

/** The first line of /proc/stat: every CPU's user, nice, system, idle, iowait, irq, softirq, steal… */
function machineBusyMs(stat) {
  const fields = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return toMs(user + nice + system + irq + softirq + (steal ?? 0));
}

/** A process's (or thread's) name and user + system CPU time; undefined once it is gone. */
function processStat(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // The name sits in parentheses and may hold spaces; the fields after it are fixed.
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  return { name, ms: toMs(Number(fields[11]) + Number(fields[12])) };
}
