import { readdirSync, readFileSync } from 'node:fs';

/** One running process, as Linux's /proc/<pid>/stat describes it. */
export interface ProcessStat {
  pid: number;
  /** The command's name (`postgres`, `nginx`, `node`). */
  name: string;
  parent: number;
  /** CPU used so far, user and system (utime + stime). */
  cpuSeconds: number;
}

/** Every process on this machine (Linux only: nothing elsewhere). Gone ones are skipped. */
export function processes(): ProcessStat[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (name) state parent … utime stime …: the name may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      return [{ pid: Number(pid), name, parent: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 }]; // USER_HZ
    } catch {
      return []; // gone meanwhile
    }
  });
}

/** CPU seconds used so far by the processes `which` picks. */
export const cpuSeconds = (which: (proc: ProcessStat) => boolean): number =>
  processes()
    .filter(which)
    .reduce((sum, proc) => sum + proc.cpuSeconds, 0);
