import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The process tree under a pid, read from /proc (Linux): used to prove that stopping the portal
 * leaves no orphan (a Strapi or astro build reparented to init once its parent is gone).
 */
export interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …` — comm may contain spaces and parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const [state, ppid] = stat.slice(close + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return {
      pid,
      ppid: Number(ppid),
      state: state ?? '?',
      command: cmdline || stat.slice(stat.indexOf('(') + 1, close),
    };
  } catch {
    return null; // gone while we looked
  }
}

function allProcs(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is ProcInfo => p !== null);
}

/** Every descendant of `root` (not `root` itself). */
export function descendants(root: number): ProcInfo[] {
  const procs = allProcs();
  const byParent = new Map<number, ProcInfo[]>();
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    for (const child of byParent.get(pid) ?? []) {
      out.push(child);
      stack.push(child.pid);
    }
  }
  return out;
}

/** Those of `procs` that still run (zombies waiting to be reaped do not count). */
export function stillRunning(procs: ProcInfo[]): ProcInfo[] {
  return procs.filter((p) => {
    const now = readProc(p.pid);
    return now !== null && now.state !== 'Z' && now.command === p.command;
  });
}

/** Socket inodes listening on TCP `port` (IPv4 and IPv6), from /proc/net/tcp*. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1] ?? '';
      // st 0A = LISTEN; the port is the hex after the last ':' of the local address.
      if (cols[3] === '0A' && Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) {
        inodes.add(cols[9] ?? '');
      }
    }
  }
  return inodes;
}

/** The process that listens on TCP `port` (e.g. Strapi itself, not the npm that started it), or null. */
export function listenerOf(port: number): ProcInfo | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const proc of allProcs()) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${proc.pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${proc.pid}/fd/${fd}`);
        if (inodes.has(target.slice('socket:['.length, -1)) && target.startsWith('socket:[')) return proc;
      } catch {
        // closed while we looked
      }
    }
  }
  return null;
}
