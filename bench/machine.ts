/**
 * The machine the numbers come from: a one-line description for docs/benchmarks.md, and how busy the
 * CPUs were with other work while the bench timed, since a shared machine (a build, a test run)
 * lowers every rate and widens the noise of every ratio.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export function machineLine(): string {
  const cpu = cpus();
  return `node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}`;
}

/** Busy CPU seconds of the whole machine since boot, from /proc/stat (Linux only; USER_HZ = 100). */
function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Starts watching; the returned function tells how many cores other processes kept busy on
 * average since the start (machine busy time minus this process's own CPU time), or undefined
 * where /proc/stat does not exist. Only meaningful while this process spawns no children.
 */
export function otherLoadProbe(): () => number | undefined {
  const busy0 = machineBusySeconds();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const busy1 = machineBusySeconds();
    if (busy0 === undefined || busy1 === undefined) return undefined;
    const own = process.cpuUsage(own0);
    const others = busy1 - busy0 - (own.user + own.system) / 1e6;
    return Math.max(0, others / ((performance.now() - t0) / 1000));
  };
}
